/**
 * `impact-widgets/fundraise-cta`: defines `<fundraise-cta>` and nothing else, for apps that bundle
 * (see `./impact-stat.ts` for how the entries share their internals).
 */
import '../elements/fundraise-cta/fundraise-cta.define.js';

export { FundraiseCtaElement } from '../elements/fundraise-cta/fundraise-cta.js';
export type { SignupErrorDetail } from '../elements/fundraise-cta/fundraise-cta.js';
export type { ImpactErrorDetail } from '../internal/events.js';
