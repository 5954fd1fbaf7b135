import { define } from '../../internal/define.js';
import { ImpactStatElement } from './impact-stat.js';

define('impact-stat', ImpactStatElement);
