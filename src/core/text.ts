// How cell values read as text, and the two ways the product compares text:
// folded (keyword matching: case and accents ignored) and normalised (partner names: case ignored).

/**
 * True for a Date from any realm. Apps Script hands custom functions values built in another JS realm,
 * where `instanceof Date` is false, so the object's tag is checked instead.
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Plain decimal text: integers without ".0", binary float noise (0.1 + 0.2) rounded off as Sheets shows it. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/**
 * How a cell value reads as text: strings as they are, numbers as plain text, booleans as TRUE/FALSE,
 * dates as yyyy-mm-dd, empty (null, undefined, '') as ''.
 *
 * Dates use the Date's local fields, not UTC: Apps Script builds a cell's Date from the date the sheet shows,
 * in the script's time zone, so the local fields give back that date; the UTC fields are a day off for any
 * zone east of Greenwich (midnight local is the previous evening in UTC).
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) {
    const date = value as Date;
    if (Number.isNaN(date.getTime())) return '';
    return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
  }
  return String(value);
}

// Letters that carry no combining mark to strip, so NFKD leaves them alone; spelled out the usual way.
const LETTER_SPELLINGS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ς: 'σ', // final sigma: lower-casing a whole word or one letter at a time must agree
};
const SPELLED_LETTERS = new RegExp(`[${Object.keys(LETTER_SPELLINGS).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7f]/; // eslint-disable-line no-control-regex

/**
 * Text with case and accents ignored: lower case, accents removed ("Fóo" → "foo", "Straße" → "strasse").
 * NFKD (rather than NFD) also unpacks ligatures and full-width letters ("ﬁ" → "fi", "ｆｏｏ" → "foo").
 */
export function foldText(s: string): string {
  const lower = s.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower; // the common case, kept fast for large ranges
  // Lower case again after NFKD: it can unpack to capitals ("𝒳", a mathematical letter, gives "X").
  return lower
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(SPELLED_LETTERS, (letter) => LETTER_SPELLINGS[letter]);
}

/** Any run of spaces: Unicode spaces, tabs, line breaks, and the invisible zero-width space and word joiner. */
const SPACES = /[\s\u200b\u2060]+/g;
const LEADING_OR_TRAILING_SPACES = /^[\s\u200b\u2060]+|[\s\u200b\u2060]+$/g;

/** Trims outer spaces of any kind (line breaks and zero-width spaces too) and keeps the inside as it is. */
export function trimSpaces(s: string): string {
  // No outer space (most cells): the text as it is, without running the pattern over it.
  if (s === '' || (!OUTER_SPACE_CHAR.test(s[0]) && !OUTER_SPACE_CHAR.test(s[s.length - 1]))) return s;
  return s.replace(LEADING_OR_TRAILING_SPACES, '');
}

const OUTER_SPACE_CHAR = /[\s\u200b\u2060]/;

/** Trims and collapses every inner run of spaces to one plain space. */
export function collapseSpaces(s: string): string {
  return s.replace(SPACES, ' ').trim();
}

/**
 * A partner name as the roster compares it: trimmed, inner spaces collapsed, case ignored — exactly what
 * PRODUCT.md says, and nothing more. Accents are kept ("José" and "Jose" stay two partners): the key this
 * gives is stored in the roster to find rows again, so it must not guess. NFC only makes the two Unicode
 * spellings of the same accented letter equal, which is not ignoring the accent. Upper-then-lower case
 * folds "STRASSE" and "Straße" together, as case-insensitive comparison should.
 */
export function normaliseName(s: string): string {
  // Most names are printable ASCII words with single spaces: already trimmed, collapsed and NFC, and for them
  // upper-then-lower case is lower case. One test instead of four passes, for every partner of every run.
  if (PLAIN_ASCII_NAME.test(s)) return s.toLowerCase();
  return collapseSpaces(s).normalize('NFC').toUpperCase().toLowerCase();
}

const PLAIN_ASCII_NAME = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;
