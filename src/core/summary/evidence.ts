// The evidence under each discussion question, from the roster as the board left it: ticks and dropdowns, not
// suggestions; Excluded partners left out; Not in list partners listed apart. PRODUCT.md, "Discussion Summary".
import { ColumnKey, columnsByKey, segmentKey, STATUS_EXCLUDED, STATUS_NOT_IN_LIST } from '../roster/columns';
import { joinWithin, MAX_CELL_CHARACTERS, shorten } from '../limits';
import { checkSays, REVIEW_OVERDUE, upkeepEvidence } from './upkeep';
import { cellText, normaliseName } from '../text';
import type { Catalogue, Segment } from '../types';
import { investmentEvidence } from './goals';

/** One roster row as the board left it. */
export interface BoardRow {
  partner: string;
  /** Indexes (catalogue order) of the ticked active segments. */
  segments: number[];
  primary: string;
  level: string;
  /** The goal the partner is strategic for ('' when not strategic), as the cell names it. */
  strategicFor: string;
  managedLike: string;
  reviewed: boolean;
  notInList: boolean;
  /** Owner as typed ('' for none). */
  owner: string;
  /** Next review as a yyyy-mm-dd day, null when it is not a date (blank, "now"). */
  nextReview: string | null;
  /** The roster's Check says the review is overdue (computed by the sheet, with its TODAY()). */
  reviewOverdue: boolean;
}

/**
 * Reads the roster's rows (values from A1, keys per column) into BoardRows; Excluded and blank rows are left out.
 * @param shown the segment name each roster column shows, by id (shownSegmentNames): a segment renamed since the
 *   last refresh still shows its old name there, and the choices that name it are read as the new name, as the
 *   next refresh will carry them.
 * @param dayOf Next review's cell as a yyyy-mm-dd day (null when not a date): the sheet layer reads a Date in the
 *   spreadsheet's time zone; a day number is read by serialDay.
 */
export function boardRows(
  values: readonly unknown[][],
  keys: readonly (ColumnKey | null)[],
  catalogue: Catalogue,
  shown: ReadonlyMap<string, string> = new Map(),
  dayOf: (value: unknown) => string | null = serialDay,
): BoardRow[] {
  const current = new Set(catalogue.segments.map((s) => normaliseName(s.name)));
  const renamed = new Map<string, string>();
  for (const s of catalogue.segments) {
    const old = normaliseName(shown.get(s.id) ?? '');
    if (old && !current.has(old)) renamed.set(old, s.name);
  }
  const choice = (v: unknown) => {
    const t = cellText(v).trim();
    return renamed.get(normaliseName(t)) ?? t;
  };
  const at = columnsByKey(keys);
  const get = (row: readonly unknown[], key: ColumnKey) => {
    const c = at.get(key);
    return c === undefined ? '' : row[c - 1];
  };
  const segmentCols = catalogue.segments.map((s) => at.get(segmentKey(s.id)));
  const rows: BoardRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const partner = cellText(get(row, 'partner')).trim() || cellText(get(row, 'id')).trim();
    if (!partner) continue;
    const status = normaliseName(cellText(get(row, 'status')));
    if (status === normaliseName(STATUS_EXCLUDED)) continue;
    rows.push({
      partner,
      segments: segmentCols.flatMap((c, i) => (c !== undefined && row[c - 1] === true ? [i] : [])),
      primary: choice(get(row, 'primary')),
      level: cellText(get(row, 'level')).trim(),
      strategicFor: cellText(get(row, 'strategicFor')).trim(),
      managedLike: choice(get(row, 'managedLike')),
      reviewed: get(row, 'reviewed') === true,
      notInList: status === normaliseName(STATUS_NOT_IN_LIST),
      owner: cellText(get(row, 'owner')).trim(),
      nextReview: dayOf(get(row, 'nextReview')),
      reviewOverdue: checkSays(cellText(get(row, 'check')), REVIEW_OVERDUE),
    });
  }
  return rows;
}

/**
 * A day number (as a formula's date reads where no date format applies) as yyyy-mm-dd; null for anything else.
 * Dates that come back as Date objects are the sheet layer's to turn into days (in the spreadsheet's time zone).
 */
export function serialDay(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(value) * 86400000;
  return new Date(ms).toISOString().slice(0, 10);
}

export const QUESTIONS = [
  'Do we have any partners who fall into more than one segment? What does that tell us about those partners?',
  'Where do we manage partner relationships appropriately (i.e., appropriate for the segment)?',
  'Where could we improve?',
  'How does looking at our partners by segment affect how you think about partner relationships?',
  'What should we start doing differently (more of this, less of that) in relation to our partner segments?',
] as const;

export const MAX_ENTRIES = 200;

/** Longest partner name an evidence line shows whole; longer ones end in "…" (the roster keeps them whole). */
export const MAX_SHOWN_NAME = 300;

/**
 * Longest evidence line: it lands in one cell after a "• " (and, when Sheets would misread it, an apostrophe),
 * so it stays well inside the 50,000 characters a cell holds, whatever the names and Segments tab hold.
 */
export const MAX_LINE = MAX_CELL_CHARACTERS - 1000;

/** Evidence lines for one question; `more` counts entries left out past MAX_ENTRIES. */
export interface Evidence {
  lines: string[];
  more: number;
}

function capped(all: string[]): Evidence {
  const lines = all.map((line) => shorten(line, MAX_LINE));
  return lines.length > MAX_ENTRIES
    ? { lines: lines.slice(0, MAX_ENTRIES), more: lines.length - MAX_ENTRIES }
    : { lines, more: 0 };
}

/** Present partners first, then those no longer in the list, marked as such. */
function listedApart<R extends BoardRow>(rows: R[], line: (r: R) => string): string[] {
  const present = rows.filter((r) => !r.notInList).map(line);
  const gone = rows.filter((r) => r.notInList).map((r) => `${line(r)} (not in list)`);
  return [...present, ...gone];
}

function segmentIndex(segments: readonly Segment[], name: string): number {
  const n = normaliseName(name);
  return segments.findIndex((s) => normaliseName(s.name) === n);
}

/**
 * Whether a partner is managed appropriately for its segments: its Managed like names one of the segments ticked
 * for it (true), names another or an unknown one (false: a mismatch), or is blank (null). Every question, the
 * sidebar's count and the roster's Check use this one definition.
 */
export function managedFits(row: BoardRow, segments: readonly Segment[]): boolean | null {
  if (!row.managedLike) return null;
  const i = segmentIndex(segments, row.managedLike);
  return i >= 0 && row.segments.includes(i);
}

export function evidenceFor(board: readonly BoardRow[], catalogue: Catalogue): Evidence[] {
  const { segments, levels } = catalogue;
  // Names as shown: a name that fills a cell is cut, so the lines that list it still fit theirs.
  const rows = board.map((r) => ({ ...r, partner: shorten(r.partner, MAX_SHOWN_NAME) }));
  const names = (r: BoardRow) => r.segments.map((i) => segments[i].name).join(', ');

  // 1. Several segments: reviewed rows first (a tick nobody reviewed is still a suggestion).
  const multi = rows.filter((r) => r.segments.length > 1);
  const q1 = [
    ...listedApart(
      multi.filter((r) => r.reviewed),
      (r) => `${r.partner}: ${names(r)}`,
    ),
    ...listedApart(
      multi.filter((r) => !r.reviewed),
      (r) => `${r.partner}: ${names(r)} (not reviewed yet)`,
    ),
  ];

  // 2. Managed like one of its own segments, per segment.
  const q2: string[] = [];
  segments.forEach((s, i) => {
    const fit = rows.filter(
      (r) => managedFits(r, segments) === true && segmentIndex(segments, r.managedLike) === i,
    );
    if (fit.length) {
      const head = `${s.name} (${fit.length}): `;
      q2.push(
        head +
          joinWithin(
            listedApart(fit, (r) => r.partner),
            Math.max(1000, MAX_LINE - head.length),
          ),
      );
    }
  });
  const unknownManaged = rows.filter((r) => managedFits(r, segments) === null).length;
  if (unknownManaged)
    q2.push(`${unknownManaged} partners have no "Managed like" yet: choose it in the roster.`);

  // 3. Mismatches, with how the segment should be managed; then partners without a segment.
  const mismatched = rows.filter((r) => managedFits(r, segments) === false);
  const q3 = listedApart(mismatched, (r) => {
    const how = r.segments.map((i) => `${segments[i].name}: ${segments[i].howToManage}`).join(' / ');
    const inWhat = r.segments.length ? `in ${names(r)}` : 'in no segment';
    return `${r.partner}: ${inWhat}, managed like ${r.managedLike}.${how ? ` How to manage ${how}` : ''}`;
  });
  // Without a segment: those not already listed as managed like a segment they are not in.
  const unsegmented = rows.filter((r) => r.segments.length === 0 && managedFits(r, segments) !== false);
  q3.push(...listedApart(unsegmented, (r) => `${r.partner}: no segment ticked`));
  // Energy that does not fit the goals: the two investment flags of the roster's Check.
  const misspent = rows.flatMap((r) => {
    const flag = investmentEvidence(catalogue, r);
    return flag ? [{ ...r, flag }] : [];
  });
  q3.push(...listedApart(misspent, (r) => `${r.partner}: ${r.flag}`));
  q3.push(...upkeepEvidence(rows, MAX_LINE));

  // 4. Distribution by segment and level.
  const q4 = segments.map((s, i) => {
    const inSeg = rows.filter((r) => r.segments.includes(i));
    const byLevel = levels
      .map(
        (l) =>
          [l.name, inSeg.filter((r) => normaliseName(r.level) === normaliseName(l.name)).length] as const,
      )
      .filter(([, n]) => n > 0)
      .map(([name, n]) => `${n} ${name}`);
    const noLevel = inSeg.filter((r) => !r.level).length;
    if (noLevel) byLevel.push(`${noLevel} without a level`);
    const listed = new Set(levels.map((l) => normaliseName(l.name)));
    const gone = inSeg.filter((r) => r.level && !listed.has(normaliseName(r.level))).length;
    if (gone) byLevel.push(`${gone} at an unlisted level`);
    return `${s.name}: ${inSeg.length} partner${inSeg.length === 1 ? '' : 's'}${byLevel.length ? ` (${byLevel.join(', ')})` : ''}`;
  });

  // 5. Per segment: how to manage it, and how many of its partners are managed otherwise: managed like no
  // segment they are in (managedFits, the one definition questions 2 and 3 and the roster's Check use too), so a
  // partner in two segments managed like either one is managed appropriately everywhere.
  const q5 = segments.map((s, i) => {
    const inSeg = rows.filter((r) => r.segments.includes(i));
    const otherwise = inSeg.filter((r) => managedFits(r, segments) === false).length;
    return `${s.name}: ${s.howToManage || 'no "How to manage" yet on the Segments tab'}. ${otherwise} of ${inSeg.length} managed otherwise.`;
  });

  // One line per segment under questions 4 and 5: every segment is shown, however many.
  const whole = (lines: string[]): Evidence => ({ lines: lines.map((l) => shorten(l, MAX_LINE)), more: 0 });
  return [capped(q1), capped(q2), capped(q3), whole(q4), whole(q5)];
}

/**
 * Said at the top of the summary and in the sidebar when Managed like is blank for at least half the partners:
 * questions 2, 3 and 5 then have little to show, and a board member should know why before reading them.
 */
export function managedLikeMostlyBlank(rows: readonly BoardRow[]): string | null {
  const blank = rows.filter((r) => !r.managedLike).length;
  if (rows.length === 0 || blank * 2 < rows.length) return null;
  return (
    `"Managed like" is blank for ${blank} of ${rows.length} partners, so questions 2, 3 and 5 have little to show: ` +
    `choose how each partner is managed today in the roster's "Managed like" column, then generate again.`
  );
}
