/**
 * The bundle's entry: importing it defines the elements. Besides it, only the define modules
 * (`src/elements/<tag>/<tag>.define.ts`) and the per-element entries that import them
 * (`src/entries/`) have side effects, and package.json's `sideEffects` lists their built files;
 * the element classes, controllers and data helpers it re-exports register nothing.
 */
import { define } from './internal/define.js';

export { DEFAULT_DOCUMENT } from './data/default-document.js';
export { loadStudyDocument, StudyLoadError } from './data/loader.js';
export type { LoadErrorCause } from './data/loader.js';
export { validateStudyDocument } from './data/schema.js';
export type { Cta, Quote, Stat, Study, StudyDocument } from './data/schema.js';
export { StudyItemController } from './controllers/study-item-controller.js';
export type { ImpactErrorDetail } from './internal/events.js';

export { define };

export { ImpactStatElement } from './elements/impact-stat/impact-stat.js';
export { formatStat } from './format/format-stat.js';
export { StudyQuoteElement } from './elements/study-quote/study-quote.js';
export { FundraiseCtaElement } from './elements/fundraise-cta/fundraise-cta.js';
export type { SignupErrorDetail } from './elements/fundraise-cta/fundraise-cta.js';
export type { ProviderName } from './elements/fundraise-cta/providers.js';
export { fieldMap as signupFieldMap } from './elements/fundraise-cta/providers.js';
import './elements/impact-stat/impact-stat.define.js';
import './elements/study-quote/study-quote.define.js';
import './elements/fundraise-cta/fundraise-cta.define.js';
