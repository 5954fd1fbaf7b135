/**
 * `impact-widgets/study-quote`: defines `<study-quote>` and nothing else, for apps that bundle
 * (see `./impact-stat.ts` for how the entries share their internals).
 */
import '../elements/study-quote/study-quote.define.js';

export { StudyQuoteElement } from '../elements/study-quote/study-quote.js';
export type { ImpactErrorDetail } from '../internal/events.js';
