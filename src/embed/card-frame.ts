/**
 * A share page's frame (publish's `<tag>/<id>/embed.html`): the page holds its card already, so
 * its script only tells the host its height, in dist/embed-resize.js's message and in WordPress's,
 * and passes the card's errors on, as dist/embed.html does.
 */
import type { ImpactErrorEvent } from '../internal/events.js';
import { reportError, reportHeight } from './frame-messages.js';

addEventListener('impact-error', ({ detail }: ImpactErrorEvent) => reportError(detail));
reportHeight();
