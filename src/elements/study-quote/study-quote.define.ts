import { define } from '../../internal/define.js';
import { StudyQuoteElement } from './study-quote.js';

define('study-quote', StudyQuoteElement);
