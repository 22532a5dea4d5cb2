// What the board's decisions teach the keyword lists (issue #15), from reviewed rows only: Reviewed ticked, In
// list, not Excluded. How the suggestions fared per segment; words and two-word phrases the segment's reviewed
// partners share in their descriptions ("Keywords to consider"); and keywords that suggested a segment for
// partners the board then unticked ("misfire"). Pure: the summary writes it as plain values, the sidebar offers
// each proposal with an Add or Remove button. Nothing leaves the spreadsheet.
import type { Matcher } from '../matching';
import { ColumnKey, columnsByKey, segmentKey, STATUS_IN_LIST } from '../roster/columns';
import { partnerKey } from '../roster/plan';
import { STOP_WORDS } from '../stopWords';
import { cellText, foldText, normaliseName } from '../text';
import type { Catalogue } from '../types';

/** Reviewed partners a word must be found in, within the segment, to be proposed; and for a keyword to misfire. */
export const MIN_PARTNERS = 3;
/** At most this share of the other reviewed partners may have the word. */
export const MAX_SHARE_OF_OTHERS = 1 / 3;
/** Proposals and misfires shown per segment. */
export const MAX_PER_SEGMENT = 5;

export interface Proposal {
  /** The word or two-word phrase, folded (lower case, no accents) as matching reads it. */
  term: string;
  /** Reviewed partners ticked into the segment whose descriptions have it. */
  inSegment: number;
  /** Other reviewed partners whose descriptions have it. */
  others: number;
}

export interface Misfire {
  /** The keyword as typed on the Segments tab. */
  keyword: string;
  /** Reviewed partners it suggested the segment for, who are not ticked into it. */
  unticked: number;
  /** Reviewed partners it suggested the segment for, who are. */
  kept: number;
}

export interface SegmentLearning {
  /** Reviewed partners ticked into the segment. */
  ticked: number;
  /** Suggested (by today's keywords) and ticked. */
  kept: number;
  /** Suggested and not ticked. */
  unticked: number;
  /** Ticked but not suggested. */
  neverSuggested: number;
  consider: Proposal[];
  misfires: Misfire[];
}

export interface Learning {
  /** Reviewed partners learned from. */
  reviewed: number;
  /** Reviewed rows whose partner the list no longer has (their descriptions are unknown): left out. */
  withoutDescriptions: number;
  /** One per segment, catalogue order. */
  segments: SegmentLearning[];
}

export interface LearningInput {
  catalogue: Catalogue;
  /** The matcher of the catalogue's segments: the suggestions and their keywords, as the roster makes them. */
  matcher: Matcher;
  /** The roster as read (values from A1) and our key of each column. */
  values: readonly unknown[][];
  keys: readonly (ColumnKey | null)[];
  /** Description cells of each partner of the list, by partner key (Partner.key); names are not in them. */
  descriptions: ReadonlyMap<string, readonly string[]>;
}

const MAX_REMEMBERED_CELLS = 20000;
/** Above any word id: a phrase's key is its first word's id times this, plus its second's. */
const PAIR_BASE = 2 ** 24;
/**
 * What separates words: anything but a letter or digit. Splitting the folded text gives what words() gives (it
 * folds letter by letter, which equals folding the whole text), without making each word a character at a time.
 */
const NOT_IN_WORD = /[^\p{L}\p{N}]+/u;
const MAX_REMEMBERED_LENGTH = 500;

/** Grows by doubling; counts by term id. */
class Counts {
  data = new Int32Array(1024);
  add(id: number): void {
    this.set(id, this.get(id) + 1);
  }
  set(id: number, value: number): void {
    if (id >= this.data.length) {
      const grown = new Int32Array(Math.max(this.data.length * 2, id + 1));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[id] = value;
  }
  get(id: number): number {
    return id < this.data.length ? this.data[id] : 0;
  }
}

/** A word that can be a keyword: not a stop word, two letters or more, not only digits. */
function meaningful(word: string): boolean {
  return word.length > 1 && !STOP_WORDS.has(word) && !/^\d+$/.test(word);
}

export function learnFromRoster(input: LearningInput): Learning {
  const { catalogue, matcher, values, keys, descriptions } = input;
  const segments = catalogue.segments;
  const at = columnsByKey(keys);
  const column = (key: ColumnKey) => at.get(key);
  const partnerCol = column('partner');
  const idCol = column('id');
  const reviewedCol = column('reviewed');
  const statusCol = column('status');
  const segmentCols = segments.map((s) => column(segmentKey(s.id)));
  const inList = normaliseName(STATUS_IN_LIST);

  const result: SegmentLearning[] = segments.map(() => ({
    ticked: 0,
    kept: 0,
    unticked: 0,
    neverSuggested: 0,
    consider: [],
    misfires: [],
  }));
  let reviewed = 0;
  let withoutDescriptions = 0;

  // Terms: every meaningful word and two-word phrase, one id each; a partner counts a term once. A phrase is
  // found by its two words' ids, so its text is made only the first time it is seen.
  const terms: string[] = [];
  const wordIds = new Map<string, number>();
  const pairIds = new Map<number, number>();
  const wordId = (word: string): number => {
    let id = wordIds.get(word);
    if (id === undefined) {
      id = terms.length;
      wordIds.set(word, id);
      terms.push(word);
    }
    return id;
  };
  const pairId = (first: number, second: number): number => {
    const key = first * PAIR_BASE + second;
    let id = pairIds.get(key);
    if (id === undefined) {
      id = terms.length;
      pairIds.set(key, id);
      terms.push(`${terms[first]} ${terms[second]}`);
    }
    return id;
  };
  const total = new Counts();
  const seenBy = new Counts(); // stamp: the last partner (1-based) that counted the term
  // Per segment, how many of its partners have each term: one growing table each (terms are few thousand).
  const inSegment = segments.map(() => new Counts());
  // Per keyword of the matcher: suggested its segment and kept / and unticked.
  const keywords = matcher.keywords;
  const keptBy = new Int32Array(keywords.length);
  const untickedBy = new Int32Array(keywords.length);
  const suggested = new Uint8Array(segments.length);
  const ticked = new Uint8Array(segments.length);
  const ticks: number[] = [];
  // Lists repeat their cells ("Funder", the same note pasted down): each distinct text is read once (bounded,
  // as the matcher's memory is).
  const byCell = new Map<string, Int32Array>();
  const termsOfCell = (cell: string): Int32Array => {
    let ids = byCell.get(cell);
    if (ids !== undefined) return ids;
    const found: number[] = [];
    let before = -1; // the word before, if meaningful
    for (const word of foldText(cell).split(NOT_IN_WORD)) {
      if (word === '') continue;
      if (!meaningful(word)) {
        before = -1;
        continue;
      }
      const id = wordId(word);
      found.push(id);
      if (before >= 0) found.push(pairId(before, id));
      before = id;
    }
    ids = Int32Array.from(found);
    if (byCell.size < MAX_REMEMBERED_CELLS && cell.length <= MAX_REMEMBERED_LENGTH) byCell.set(cell, ids);
    return ids;
  };

  if (partnerCol === undefined || reviewedCol === undefined || statusCol === undefined) {
    return { reviewed: 0, withoutDescriptions: 0, segments: result };
  }
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    if (row[reviewedCol - 1] !== true) continue;
    if (normaliseName(cellText(row[statusCol - 1])) !== inList) continue;
    const key = partnerKey(row[partnerCol - 1], idCol === undefined ? '' : row[idCol - 1]);
    const cells = descriptions.get(key);
    if (cells === undefined) {
      if (cellText(row[partnerCol - 1]).trim() !== '') withoutDescriptions++;
      continue;
    }
    reviewed++;
    ticks.length = 0;
    for (let s = 0; s < segmentCols.length; s++) {
      const c = segmentCols[s];
      if (c !== undefined && row[c - 1] === true) {
        ticks.push(s);
        ticked[s] = 1;
        result[s].ticked++;
      }
    }

    // How today's keywords fare on this partner: each matching keyword, and each segment they suggest.
    for (const k of matcher.matchKeywords(cells)) {
      const s = keywords[k].segment;
      if (ticked[s]) keptBy[k]++;
      else untickedBy[k]++;
      if (suggested[s]) continue;
      suggested[s] = 1;
      if (ticked[s]) result[s].kept++;
      else result[s].unticked++;
    }
    for (const s of ticks) if (!suggested[s]) result[s].neverSuggested++;
    suggested.fill(0);

    // The partner's terms, each once (a phrase never spans two cells, as in matching), counted for the
    // segments it is ticked into.
    const stamp = reviewed;
    for (const cell of cells) {
      for (const id of termsOfCell(cell)) {
        if (seenBy.get(id) === stamp) continue;
        seenBy.set(id, stamp);
        total.add(id);
        for (const s of ticks) inSegment[s].add(id);
      }
    }
    for (const s of ticks) ticked[s] = 0;
  }

  if (reviewed >= MIN_PARTNERS) {
    segments.forEach((_, s) => {
      const seg = result[s];
      if (seg.ticked < MIN_PARTNERS) return;
      const otherPartners = reviewed - seg.ticked;
      const candidates: Proposal[] = [];
      const counts = inSegment[s];
      for (let id = 0; id < terms.length; id++) {
        const n = counts.get(id);
        if (n < MIN_PARTNERS) continue;
        const others = total.get(id) - n;
        if (others > otherPartners * MAX_SHARE_OF_OTHERS) continue;
        candidates.push({ term: terms[id], inSegment: n, others });
      }
      candidates.sort(
        (a, b) => b.inSegment - a.inSegment || a.others - b.others || (a.term < b.term ? -1 : 1),
      );
      for (const c of candidates) {
        if (seg.consider.length >= MAX_PER_SEGMENT) break;
        // Already its keyword (or holding one, or its plural): adding it would change nothing.
        if (matcher.matchCells([c.term]).includes(s)) continue;
        seg.consider.push(c);
      }
    });
  }

  keywords.forEach(({ segment, text }, k) => {
    if (untickedBy[k] >= MIN_PARTNERS)
      result[segment].misfires.push({ keyword: text, unticked: untickedBy[k], kept: keptBy[k] });
  });
  for (const seg of result) {
    seg.misfires = seg.misfires
      .sort((a, b) => b.unticked - a.unticked || a.kept - b.kept || (a.keyword < b.keyword ? -1 : 1))
      .slice(0, MAX_PER_SEGMENT);
  }

  return { reviewed, withoutDescriptions, segments: result };
}

/** One row of the summary's learning section: its cells, and a style over its first `styled` cells. */
export interface SectionRow {
  cells: (string | number)[];
  style?: 'heading' | 'tableHeader';
  styled?: number;
}

export const LEARNING_HEADING = "What the board's decisions teach the keywords";
export const CONSIDER_HEADING = 'Keywords to consider';
export const MISFIRE_HEADING = 'Keywords that misfire';

const of = (n: number, total: number) => `${n} of ${total}`;

/**
 * The summary's learning section, as plain values (no formula: it is what the board decided as of the summary).
 * `text` marks a cell that Sheets must keep as text (typedText), so a segment or keyword like "=x" or "1/2" stays.
 */
export function learningSection(
  learning: Learning,
  catalogue: Catalogue,
  text: (s: string) => string,
  segmentsTab: string,
): SectionRow[] {
  const rows: SectionRow[] = [];
  const add = (cells: (string | number)[], style?: SectionRow['style']) =>
    rows.push(style ? { cells, style, styled: cells.length } : { cells });
  const names = catalogue.segments.map((s) => s.name);
  const { reviewed } = learning;
  add([LEARNING_HEADING], 'heading');
  const gone =
    learning.withoutDescriptions > 0
      ? ` ${learning.withoutDescriptions} reviewed partners are no longer in the list and are left out.`
      : '';
  add([
    text(
      `From the ${reviewed} reviewed partners (Reviewed ticked, In list, not Excluded) and their descriptions in ` +
        `the list: how today's keywords fared against the ticks, words the partners of a segment share, and ` +
        `keywords that suggested a segment the board then unticked. Add or remove keywords on the ` +
        `"${segmentsTab}" tab or in the sidebar (step 2); the next refresh uses them for new partners and ` +
        `never changes a tick.${gone}`,
    ),
  ]);
  add(
    ['Segment', 'Suggested and kept', 'Suggested, then unticked', 'Ticked, never suggested'],
    'tableHeader',
  );
  learning.segments.forEach((seg, i) => add([text(names[i]), seg.kept, seg.unticked, seg.neverSuggested]));
  add([]);

  add([CONSIDER_HEADING], 'heading');
  if (reviewed < MIN_PARTNERS) {
    add([
      text(
        `No keywords to propose yet: ${reviewed === 0 ? 'no partner is' : `only ${reviewed} partner${reviewed === 1 ? ' is' : 's are'}`} ` +
          `reviewed, and a proposal needs at least ${MIN_PARTNERS}. Tick Reviewed in the roster as the board ` +
          'goes through it, then generate the summary again.',
      ),
    ]);
  } else {
    const proposals = learning.segments.flatMap((seg, i) => seg.consider.map((p) => ({ seg, i, p })));
    if (proposals.length === 0) {
      add([
        text(
          `Nothing to propose: no word or two-word phrase is shared by ${MIN_PARTNERS} or more reviewed partners ` +
            'of a segment while found in at most a third of the others (common words and existing keywords ' +
            'left out).',
        ),
      ]);
    } else {
      add(
        ['Segment', 'Keyword', 'Reviewed partners of the segment with it', 'Other reviewed partners with it'],
        'tableHeader',
      );
      for (const { seg, i, p } of proposals)
        add([text(names[i]), text(p.term), of(p.inSegment, seg.ticked), of(p.others, reviewed - seg.ticked)]);
    }
  }
  add([]);

  add([MISFIRE_HEADING], 'heading');
  const misfires = learning.segments.flatMap((seg, i) => seg.misfires.map((m) => ({ i, m })));
  if (misfires.length === 0) {
    add([
      text(
        `None: no keyword suggested a segment for ${MIN_PARTNERS} or more reviewed partners who were then unticked.`,
      ),
    ]);
  } else {
    add(['Segment', 'Keyword', 'Suggested, then unticked', 'Suggested and kept'], 'tableHeader');
    for (const { i, m } of misfires) add([text(names[i]), text(m.keyword), m.unticked, m.kept]);
  }
  return rows;
}
