// Words, as keyword matching and header reading see them: a word is a run of letters and digits, with case
// and accents ignored (foldText), so "Fóo-based" reads as the words "foo" and "based". Folding is done one
// character at a time, so the matcher can read a cell's words without building strings.
import { foldText } from './text';

/** ASCII: 0 for a separator, else the character's lower-case code. */
export const ASCII_FOLD = new Int32Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) ASCII_FOLD[c] = c;
  else if (c >= 65 && c <= 90) ASCII_FOLD[c] = c + 32;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const foldedCodePoints = new Map<number, readonly number[]>();

/**
 * A non-ASCII code point folded, as UTF-16 codes: a letter or digit gives its folded code(s) ("é" → e,
 * "ß" → s s), a separator gives -1, and a combining mark gives nothing (it belongs to the letter before it,
 * and is dropped with the accent). Folding letter by letter equals folding the whole text (foldText), since
 * NFKD decomposes each character on its own and final sigma is folded like sigma. Cached per code point.
 */
export function foldCodePoint(codePoint: number): readonly number[] {
  let codes = foldedCodePoints.get(codePoint);
  if (codes === undefined) {
    const list: number[] = [];
    for (const ch of foldText(String.fromCodePoint(codePoint))) {
      if (!LETTER_OR_DIGIT.test(ch)) list.push(-1);
      else for (let k = 0; k < ch.length; k++) list.push(ch.charCodeAt(k));
    }
    foldedCodePoints.set(codePoint, list);
    codes = list;
  }
  return codes;
}

/** The folded words of a text: "The (Fóo)-based" → ["the", "foo", "based"]. */
export function words(text: string): string[] {
  const found: string[] = [];
  let current = '';
  const add = (code: number): void => {
    if (code >= 0) current += String.fromCharCode(code);
    else if (current !== '') {
      found.push(current);
      current = '';
    }
  };
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      add(ASCII_FOLD[c] || -1);
      i++;
      continue;
    }
    const codePoint = text.codePointAt(i) as number;
    i += codePoint > 0xffff ? 2 : 1;
    for (const code of foldCodePoint(codePoint)) add(code);
  }
  add(-1);
  return found;
}
