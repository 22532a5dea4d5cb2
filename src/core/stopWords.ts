// Common words the learning never proposes as keywords (src/core/summary/learning.ts): English function words,
// and the articles (with a few of the commonest prepositions and conjunctions) of French, Spanish, Portuguese,
// Italian, German and Dutch, since partner lists are often kept in those. Folded as words() folds them
// (lower case, no accents), so "él" and "el" are one entry.
import { words } from './words';

const ENGLISH =
  'a about above after again against all also am an and any are as at be because been before being below ' +
  'between both but by can could did do does doing down during each etc few for from further had has have ' +
  'having he her here hers herself him himself his how i if in into is it its itself just let me more most ' +
  'my myself no nor not now of off on once only or other our ours ourselves out over own per same she should ' +
  'so some such than that the their theirs them themselves then there these they this those through to too ' +
  'under until up upon us very via was we were what when where which while who whom why will with within ' +
  'without would yes yet you your yours yourself yourselves ' +
  // words of any partner description that say nothing about the kind of partner
  'inc ltd llc co corp org www http https com net partner partners organization organisation';

const OTHER_ARTICLES =
  // French
  'le la les un une des du de d l au aux et ou en ' +
  // Spanish
  'el los las unos unas del al y o ' +
  // Portuguese
  'os as um uma uns umas do da dos das no na nos nas e ' +
  // Italian
  'il lo gli i uno gli dei degli delle della dello di ' +
  // German
  'der die das den dem des ein eine einer eines einem einen und oder ' +
  // Dutch
  'het een van en of';

export const STOP_WORDS: ReadonlySet<string> = new Set(words(`${ENGLISH} ${OTHER_ARTICLES}`));
