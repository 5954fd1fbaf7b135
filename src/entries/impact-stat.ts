/**
 * `impact-widgets/impact-stat`: defines `<impact-stat>` and nothing else, for apps that bundle.
 * Built unbundled into dist/esm/ beside the other entries, so that two entries share one define
 * guard, one loader cache and one theme, and an app's bundler keeps one copy of lit.
 */
import '../elements/impact-stat/impact-stat.define.js';

export { ImpactStatElement } from '../elements/impact-stat/impact-stat.js';
export type { ImpactErrorDetail } from '../internal/events.js';
