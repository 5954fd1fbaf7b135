import { isServer } from 'lit';
import { define } from '../../internal/define.js';
import { FundraiseCtaElement } from './fundraise-cta.js';

// On a server (Next.js, Astro) there is no page to define on: the light-DOM fallback is served,
// and the browser defines the element when its script loads.
if (!isServer) define('fundraise-cta', FundraiseCtaElement);
