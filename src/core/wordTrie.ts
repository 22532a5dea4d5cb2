// Reads a cell's words as ids of keyword words, in one pass over its characters and without building
// strings: keyword matching reads every word of every cell (10,000 rows × 3 cells is ~600,000 words).
import { ASCII_FOLD, foldCodePoint } from './words';

/** Folded ASCII letters and digits → 0..35, the columns of the ASCII transition table. */
const SYMBOL = new Int32Array(128).fill(-1);
for (let c = 48; c <= 57; c++) SYMBOL[c] = c - 48;
for (let c = 97; c <= 122; c++) SYMBOL[c] = c - 97 + 10;
const SYMBOLS = 36;
const LOWER_S = 115;
const NOT_IN_WORD = -2;
const OFF_TRIE = -1;

/** The words of one cell: for each word, its keyword-word id and that of the word minus a final "s". */
export interface CellWordIds {
  count: number;
  /** Keyword-word id of each word, -1 for a word that is no keyword word. */
  ids: Int32Array;
  /** Keyword-word id of each word without its final "s" ("foos" → "foo"), -1 if none. */
  singulars: Int32Array;
}

/**
 * A trie of the keyword words (folded). ASCII steps use a flat table (a node's row of 36 letters and
 * digits) and other letters a Map, so reading a character costs an array look-up.
 */
export class WordTrie {
  private ascii = new Int32Array(SYMBOLS * 16).fill(OFF_TRIE);
  private other = new Map<number, number>(); // node * 65536 + code → node
  private wordAt: number[] = [-1];
  private nodes = 1;
  private readonly ids = new Map<string, number>();

  /** How many distinct keyword words. */
  get size(): number {
    return this.ids.size;
  }

  /** The id of a folded word (as words() gives it), added if new. */
  add(word: string): number {
    const known = this.ids.get(word);
    if (known !== undefined) return known;
    const id = this.ids.size;
    this.ids.set(word, id);
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const code = word.charCodeAt(k);
      let next = this.step(node, code);
      if (next === OFF_TRIE) {
        next = this.newNode();
        if (code < 128) this.ascii[node * SYMBOLS + SYMBOL[code]] = next;
        else this.other.set(node * 65536 + code, next);
      }
      node = next;
    }
    this.wordAt[node] = id;
    return id;
  }

  private newNode(): number {
    const node = this.nodes++;
    this.wordAt.push(-1);
    if (this.nodes * SYMBOLS > this.ascii.length) {
      const grown = new Int32Array(this.ascii.length * 2).fill(OFF_TRIE);
      grown.set(this.ascii);
      this.ascii = grown;
    }
    return node;
  }

  private step(node: number, code: number): number {
    if (code < 128) return this.ascii[node * SYMBOLS + SYMBOL[code]];
    return this.other.get(node * 65536 + code) ?? OFF_TRIE;
  }

  /**
   * Reads the words of `text` into `out` (reused between cells to spare allocation). One loop over plain
   * locals, ASCII first: a closure over the locals would move them to the heap and slow every character.
   */
  read(text: string, out: CellWordIds): void {
    const { ascii, wordAt } = this;
    let count = 0;
    let node = NOT_IN_WORD; // else the trie node of the word so far, or OFF_TRIE once it left the trie
    let before = OFF_TRIE; // the node before the last character: the word without its final letter
    let last = 0;
    const length = text.length;
    for (let i = 0; i < length;) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        i++;
        const code = ASCII_FOLD[c];
        if (code !== 0) {
          if (node === NOT_IN_WORD) node = 0;
          before = node;
          if (node >= 0) node = ascii[node * SYMBOLS + SYMBOL[code]];
          last = code;
        } else if (node !== NOT_IN_WORD) {
          count = endWord(out, count, wordAt, node, before, last);
          node = NOT_IN_WORD;
        }
        continue;
      }
      const codePoint = text.codePointAt(i) as number;
      i += codePoint > 0xffff ? 2 : 1;
      for (const code of foldCodePoint(codePoint)) {
        if (code >= 0) {
          if (node === NOT_IN_WORD) node = 0;
          before = node;
          if (node >= 0) node = this.step(node, code);
          last = code;
        } else if (node !== NOT_IN_WORD) {
          count = endWord(out, count, wordAt, node, before, last);
          node = NOT_IN_WORD;
        }
      }
    }
    if (node !== NOT_IN_WORD) count = endWord(out, count, wordAt, node, before, last);
    out.count = count;
  }
}

/** Records the word that just ended; returns the new word count. */
function endWord(
  out: CellWordIds,
  count: number,
  wordAt: readonly number[],
  node: number,
  before: number,
  last: number,
): number {
  if (count === out.ids.length) grow(out);
  out.ids[count] = node >= 0 ? wordAt[node] : -1;
  out.singulars[count] = last === LOWER_S && before >= 0 ? wordAt[before] : -1;
  return count + 1;
}

function grow(out: CellWordIds): void {
  const ids = new Int32Array(Math.max(64, out.ids.length * 2));
  const singulars = new Int32Array(ids.length);
  ids.set(out.ids);
  singulars.set(out.singulars);
  out.ids = ids;
  out.singulars = singulars;
}

export function newCellWordIds(): CellWordIds {
  return { count: 0, ids: new Int32Array(64), singulars: new Int32Array(64) };
}
