// Keyword matching, as PRODUCT.md's custom-functions section defines it. Used by PARTNER_SEGMENT and by the
// roster's Suggested column, so both always agree.
import { cellText } from './text';
import { newCellWordIds, WordTrie } from './wordTrie';
import { words } from './words';

export { words } from './words';

/** What matching needs of a segment. */
export interface MatchableSegment {
  readonly name: string;
  readonly keywords: readonly string[];
}

export interface Matcher {
  /** The segments' names, in catalogue order. */
  readonly segmentNames: readonly string[];
  /** Indexes of the segments matching any of the cells, ascending (catalogue order), each once. */
  matchCells(cells: readonly unknown[]): number[];
  /** The matching segments' names joined with ", "; '' when none match. */
  suggest(cells: readonly unknown[]): string;
  /**
   * Why: for each matching segment (catalogue order), the keywords that matched, as typed (the segment's name
   * first when it matched, then its keywords in their order), each once. The same segments as matchCells.
   */
  explainCells(cells: readonly unknown[]): SegmentReason[];
  /** explainCells as text: "Funder: grant, foundation · Advisor: advisory board"; '' when none match. */
  explain(cells: readonly unknown[]): string;
  /** Every keyword (names included), segment by segment in catalogue order: what matchKeywords indexes. */
  readonly keywords: readonly { readonly segment: number; readonly text: string }[];
  /** Indexes (into `keywords`) of the keywords matching any of the cells, ascending, each once. */
  matchKeywords(cells: readonly unknown[]): number[];
}

/** The keywords that made one segment match. */
export interface SegmentReason {
  segment: number;
  keywords: string[];
}

/** Between two segments' reasons in explain(): a middle dot, as keywords within one are joined with ", ". */
export const REASON_SEPARATOR = ' · ';

/** explain()'s text for reasons explainCells gave. */
export function reasonsText(reasons: readonly SegmentReason[], names: readonly string[]): string {
  return reasons.map((r) => `${names[r.segment]}: ${r.keywords.join(', ')}`).join(REASON_SEPARATOR);
}

/** Distinct cell texts a matcher remembers the matches of, and the longest it remembers (notes rarely repeat). */
const MAX_REMEMBERED_TEXTS = 20000;
const MAX_REMEMBERED_LENGTH = 500;

/** A keyword of two or more words, as keyword-word ids. */
interface Phrase {
  keyword: number;
  words: Int32Array;
}

/**
 * Compiles a catalogue's keywords. Each keyword (and each segment's name, always a keyword) becomes its
 * words; a cell matches when the same words appear consecutively in it, the last one optionally with a
 * trailing "s" (the plural). Keywords without any letter or digit match nothing and are dropped.
 *
 * A text is matched to the keywords it holds; a segment matches when any of its keywords does, so the
 * suggestion (matchCells) and its explanation (explainCells) come from the same hits. A keyword found only
 * inside a longer keyword found at the same place does not count: "partner agency" is not also "agency", and
 * "food donor" not also "donor" (the same words elsewhere in the text still count).
 *
 * Speed: a cell is read once, character by character, into keyword-word ids (WordTrie); one-word keywords
 * are then found by the word's id and longer ones by the id of their first two words, so a cell costs the
 * same however many segments and keywords there are.
 */
export function compileMatcher(segments: readonly MatchableSegment[]): Matcher {
  const trie = new WordTrie();
  const singleWord: number[][] = []; // word id → keywords that are that one word
  const byFirstTwo = new Map<number, Phrase[]>(); // first id * PAIR + second id → longer keywords
  // Every keyword, segment by segment in catalogue order: a keyword's index orders the explanation too.
  const keywordSegment: number[] = [];
  const keywordText: string[] = [];
  const keywordIds: number[][] = [];
  segments.forEach((segment, index) => {
    const seen = new Set<string>();
    for (const keyword of [segment.name, ...segment.keywords]) {
      const phraseWords = words(keyword);
      const key = phraseWords.join(' ');
      if (phraseWords.length === 0 || seen.has(key)) continue;
      seen.add(key);
      keywordSegment.push(index);
      keywordText.push(keyword.trim());
      keywordIds.push(phraseWords.map((word) => trie.add(word)));
    }
  });
  const PAIR = trie.size; // ids are below it, so first * PAIR + second is unique per pair
  keywordIds.forEach((ids, keyword) => {
    if (ids.length === 1) {
      (singleWord[ids[0]] ??= []).push(keyword);
      return;
    }
    const pair = ids[0] * PAIR + ids[1];
    const list = byFirstTwo.get(pair);
    const phrase = { keyword, words: Int32Array.from(ids) };
    if (list) list.push(phrase);
    else byFirstTwo.set(pair, [phrase]);
  });

  const names = segments.map((segment) => segment.name);
  const cell = newCellWordIds();
  // One text's keyword hits: flags reused between texts, cleared after each.
  const matched = new Uint8Array(keywordSegment.length);
  const hits: number[] = [];
  // Where each hit was found, as words [start, end): a hit inside a longer one found over it does not count.
  const occurrences: { keyword: number[]; start: number[]; end: number[] } = {
    keyword: [],
    start: [],
    end: [],
  };
  let longHit = false;
  const note = (keyword: number, start: number, length: number): void => {
    occurrences.keyword.push(keyword);
    occurrences.start.push(start);
    occurrences.end.push(start + length);
    if (length > 1) longHit = true;
  };
  const noteAll = (list: readonly number[] | undefined, at: number): void => {
    if (list === undefined) return;
    for (const keyword of list) note(keyword, at, 1);
  };

  /** Keywords of 2+ words starting at `at`: the first two words are known; the rest, last maybe plural. */
  const notePhrases = (list: readonly Phrase[] | undefined, at: number, secondIsPlural: boolean): void => {
    if (list === undefined) return;
    const { count, ids, singulars } = cell;
    for (const phrase of list) {
      const words = phrase.words;
      const last = words.length - 1;
      if (secondIsPlural && last !== 1) continue; // only the last word may be plural
      if (at + last >= count) continue;
      let k = 2;
      while (k < last && ids[at + k] === words[k]) k++;
      if (k < last) continue;
      if (last >= 2 && ids[at + last] !== words[last] && singulars[at + last] !== words[last]) continue;
      note(phrase.keyword, at, words.length);
    }
  };

  /** True when a longer hit spans the words of hit `i` ("partner agency" over "agency"). */
  const insideLonger = (i: number): boolean => {
    const { start, end } = occurrences;
    const length = end[i] - start[i];
    for (let j = 0; j < start.length; j++) {
      if (end[j] - start[j] > length && start[j] <= start[i] && end[j] >= end[i]) return true;
    }
    return false;
  };

  const matchText = (text: string): number[] => {
    hits.length = 0;
    occurrences.keyword.length = occurrences.start.length = occurrences.end.length = 0;
    longHit = false;
    trie.read(text, cell);
    const { count, ids, singulars } = cell;
    for (let at = 0; at < count; at++) {
      const id = ids[at];
      if (id >= 0) {
        noteAll(singleWord[id], at);
        if (at + 1 < count) {
          if (ids[at + 1] >= 0) notePhrases(byFirstTwo.get(id * PAIR + ids[at + 1]), at, false);
          if (singulars[at + 1] >= 0) notePhrases(byFirstTwo.get(id * PAIR + singulars[at + 1]), at, true);
        }
      }
      if (singulars[at] >= 0) noteAll(singleWord[singulars[at]], at); // "foos" is the plural of "foo"
    }
    const found = occurrences.keyword;
    for (let i = 0; i < found.length; i++) {
      const keyword = found[i];
      if (matched[keyword] || (longHit && insideLonger(i))) continue;
      matched[keyword] = 1;
      hits.push(keyword);
    }
    for (const index of hits) matched[index] = 0;
    return hits.slice();
  };

  // Lists repeat their cells ("Funder", "Vendor", the same description pasted down): each distinct text is
  // matched once. Bounded in number and length, so a 50,000-row range of long notes is not all kept.
  const byText = new Map<string, readonly number[]>();
  const keywordsOf = (text: string): readonly number[] => {
    let found = byText.get(text);
    if (found === undefined) {
      found = matchText(text);
      if (byText.size < MAX_REMEMBERED_TEXTS && text.length <= MAX_REMEMBERED_LENGTH) byText.set(text, found);
    }
    return found;
  };

  // The cells' hits combined, each once: flags of their own, so matchText's stay clear.
  const inRow = new Uint8Array(Math.max(segments.length, keywordSegment.length));
  /** Each hit of the cells once, as its segment (bySegment) or as the keyword itself, ascending. */
  const combine = (cells: readonly unknown[], bySegment: boolean): number[] => {
    const row: number[] = [];
    if (trie.size === 0) return row;
    for (const value of cells) {
      const text = cellText(value);
      if (text === '') continue; // one cell at a time: a phrase never spans two cells
      for (const keyword of keywordsOf(text)) {
        const at = bySegment ? keywordSegment[keyword] : keyword;
        if (inRow[at]) continue;
        inRow[at] = 1;
        row.push(at);
      }
    }
    for (const index of row) inRow[index] = 0;
    return row.length > 1 ? row.sort((a, b) => a - b) : row;
  };
  const matchCells = (cells: readonly unknown[]): number[] => combine(cells, true);
  const explainCells = (cells: readonly unknown[]): SegmentReason[] => {
    const reasons: SegmentReason[] = [];
    for (const keyword of combine(cells, false)) {
      const segment = keywordSegment[keyword];
      const last = reasons[reasons.length - 1];
      if (last && last.segment === segment) last.keywords.push(keywordText[keyword]);
      else reasons.push({ segment, keywords: [keywordText[keyword]] });
    }
    return reasons;
  };

  return {
    segmentNames: names,
    matchCells,
    suggest: (cells) =>
      matchCells(cells)
        .map((index) => names[index])
        .join(', '),
    explainCells,
    explain: (cells) => reasonsText(explainCells(cells), names),
    keywords: keywordSegment.map((segment, k) => ({ segment, text: keywordText[k] })),
    matchKeywords: (cells) => combine(cells, false),
  };
}
