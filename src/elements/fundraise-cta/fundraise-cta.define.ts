import { define } from '../../internal/define.js';
import { FundraiseCtaElement } from './fundraise-cta.js';

define('fundraise-cta', FundraiseCtaElement);
