import { isServer } from 'lit';
import { define } from '../../internal/define.js';
import { ImpactStatElement } from './impact-stat.js';

// On a server (Next.js, Astro) there is no page to define on: the light-DOM fallback is served,
// and the browser defines the element when its script loads.
if (!isServer) define('impact-stat', ImpactStatElement);
