// The Segment History tab (issue #14): one row per summary generation, its counts as values, and one compact
// record per partner so the next generation can say what changed "Since" the last one. Pure: the sheet layer
// reads the history's last two rows and appends one row, in one write.
//
// A row: Generation | Previous | Date | the six counts | the partners' record, in as many cells as it needs (each
// under the 50,000-character cell limit). Only the last rows are read back, so the history's size never changes
// the summary's calls; people may delete old rows (nothing refers to them).
import { normaliseName } from '../text';
import type { Catalogue } from '../types';
import { shorten } from '../limits';
import { managedFits, type BoardRow } from './evidence';

export const HISTORY_HEADER = [
  'Generation',
  'Previous',
  'Date',
  'Partners',
  'Segmented',
  'In more than one segment',
  'Without a segment',
  'Mismatched',
  'Reviewed',
  'Partner record (for the add-on)',
] as const;
/** Columns before the record: the chart shows Date and the six counts (columns C to I). */
export const HISTORY_FIXED = 9;
export const HISTORY_CHART_COLUMNS = { first: 3, count: 7 } as const;
/** Characters per record cell, well under the 50,000 a cell holds (APPS_SCRIPT_FACTS 119). */
export const RECORD_CELL_CHARS = 45_000;

export interface PartnerRecord {
  name: string;
  /** Ids of the ticked segments (the name where a segment has no id), catalogue order. */
  segments: string[];
  primary: string;
  level: string;
  managedLike: string;
  notInList: boolean;
  mismatched: boolean;
}

export interface HistoryCounts {
  partners: number;
  segmented: number;
  multiSegment: number;
  unsegmented: number;
  mismatched: number;
  reviewed: number;
}

export interface HistoryEntry {
  id: string;
  previous: string;
  date: string;
  counts: HistoryCounts;
  /** null: the record cells could not be read (edited by hand). */
  record: PartnerRecord[] | null;
}

const segmentRef = (s: { id: string; name: string }) => s.id || s.name;

/** Longest name kept in the record: a cell holds 50,000 characters, and one partner's tuple must fit in one. */
const RECORD_NAME_CHARS = 1000;

export function recordOf(rows: readonly BoardRow[], catalogue: Catalogue): PartnerRecord[] {
  return rows.map((r) => ({
    // Shortened here, so this generation's record and the next one's compare the same text.
    name: shorten(r.partner, RECORD_NAME_CHARS),
    segments: r.segments.map((i) => segmentRef(catalogue.segments[i])),
    primary: r.primary,
    level: r.level,
    managedLike: r.managedLike,
    notInList: r.notInList,
    mismatched: managedFits(r, catalogue.segments) === false,
  }));
}

export function countsOf(rows: readonly BoardRow[], catalogue: Catalogue): HistoryCounts {
  return {
    partners: rows.length,
    segmented: rows.filter((r) => r.segments.length > 0).length,
    multiSegment: rows.filter((r) => r.segments.length > 1).length,
    unsegmented: rows.filter((r) => r.segments.length === 0).length,
    mismatched: rows.filter((r) => managedFits(r, catalogue.segments) === false).length,
    reviewed: rows.filter((r) => r.reviewed).length,
  };
}

type Tuple = [string, string, string, string, string, number];

/** The record as cells: JSON arrays of [name, segment ids, primary, level, managed like, flags], cut by size. */
export function encodeRecord(record: readonly PartnerRecord[]): string[] {
  const cells: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const p of record) {
    const tuple: Tuple = [
      p.name,
      p.segments.join('\n'),
      p.primary,
      p.level,
      p.managedLike,
      (p.notInList ? 1 : 0) + (p.mismatched ? 2 : 0),
    ];
    const text = JSON.stringify(tuple);
    if (current.length > 0 && size + text.length + 1 > RECORD_CELL_CHARS) {
      cells.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(text);
    size += text.length + 1;
  }
  if (current.length > 0 || cells.length === 0) cells.push(`[${current.join(',')}]`);
  return cells;
}

export function decodeRecord(cells: readonly unknown[]): PartnerRecord[] | null {
  const out: PartnerRecord[] = [];
  try {
    for (const cell of cells) {
      if (cell === '' || cell === null || cell === undefined) continue;
      const tuples = JSON.parse(String(cell)) as unknown;
      if (!Array.isArray(tuples)) return null;
      for (const t of tuples as unknown[]) {
        if (!Array.isArray(t) || t.length !== 6) return null;
        const [name, segments, primary, level, managedLike, flags] = t as Tuple;
        out.push({
          name: String(name),
          segments: String(segments) === '' ? [] : String(segments).split('\n'),
          primary: String(primary),
          level: String(level),
          managedLike: String(managedLike),
          notInList: (Number(flags) & 1) === 1,
          mismatched: (Number(flags) & 2) === 2,
        });
      }
    }
  } catch {
    return null;
  }
  return out;
}

/** A history row as read back; null for a row that is not one of ours (blank, a header, people's text). */
export function parseHistoryRow(row: readonly unknown[]): HistoryEntry | null {
  const id = String(row[0] ?? '');
  if (!/^G[0-9a-z]+$/.test(id)) return null;
  const n = (i: number) => (typeof row[i] === 'number' ? (row[i] as number) : Number(row[i]) || 0);
  return {
    id,
    previous: String(row[1] ?? ''),
    date: String(row[2] ?? ''),
    counts: {
      partners: n(3),
      segmented: n(4),
      multiSegment: n(5),
      unsegmented: n(6),
      mismatched: n(7),
      reviewed: n(8),
    },
    record: decodeRecord(row.slice(HISTORY_FIXED)),
  };
}

/** A 53-bit string hash (cyrb53), as base-36 text: the same content always gives the same id. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function generationId(previous: string, counts: HistoryCounts, cells: readonly string[]): string {
  return `G${hash([previous, JSON.stringify(counts), ...cells].join('\u0001'))}`;
}

export interface HistoryPlan {
  /** The generation "Since" compares with (null: nothing to compare yet). */
  previous: HistoryEntry | null;
  /** The row to append, or null when the last row already is this generation. */
  append: (string | number)[] | null;
  id: string;
  /** This generation's record, for sinceLines to compare with the previous one's. */
  record: PartnerRecord[];
}

/**
 * What this generation adds. `lastRows` are the history's last rows as read (up to two). The id hashes the
 * previous generation's id with this one's content: a generation stopped after its row landed, run again, finds
 * its own row last and appends nothing (so does a generation with nothing changed since the last row), and
 * compares with the generation before, as the stopped run's summary did.
 */
export function planHistory(
  lastRows: readonly (readonly unknown[])[],
  rows: readonly BoardRow[],
  catalogue: Catalogue,
  date: string,
): HistoryPlan {
  const entries = lastRows.map(parseHistoryRow);
  const last = entries[entries.length - 1] ?? null;
  const before = entries.length > 1 ? entries[entries.length - 2] : null;
  const counts = countsOf(rows, catalogue);
  const record = recordOf(rows, catalogue);
  const cells = encodeRecord(record);
  if (last && generationId(last.previous, counts, cells) === last.id) {
    const previous = before && before.id === last.previous ? before : null;
    return { previous, append: null, id: last.id, record };
  }
  const id = generationId(last?.id ?? '', counts, cells);
  const append = [
    id,
    last?.id ?? '',
    date,
    counts.partners,
    counts.segmented,
    counts.multiSegment,
    counts.unsegmented,
    counts.mismatched,
    counts.reviewed,
    ...cells,
  ];
  return { previous: last, append, id, record };
}

// ---------------------------------------------------------------------------------------------------------
// "Since <date>"

export const SINCE_PREFIX = 'Since ';
export const NOTHING_TO_COMPARE =
  'Nothing to compare yet: this is the first generation in the history. The next one will say what changed.';
const MAX_SINCE = 50;

/** The lines of the "Since" section under its heading: per kind of change a count, then the partners. */
export function sinceLines(
  previous: readonly PartnerRecord[] | null,
  now: readonly PartnerRecord[],
  catalogue: Catalogue,
): string[] {
  if (!previous) return [NOTHING_TO_COMPARE];
  const names = new Map(catalogue.segments.map((s) => [segmentRef(s), s.name]));
  const shown = (ids: readonly string[]) =>
    ids.length === 0 ? '(none)' : ids.map((id) => names.get(id) ?? `${id} (removed)`).join(', ');
  const key = (p: PartnerRecord) => normaliseName(p.name);
  const before = new Map(previous.map((p) => [key(p), p]));
  const current = new Map(now.map((p) => [key(p), p]));
  const inList = (p: PartnerRecord | undefined) => p !== undefined && !p.notInList;
  const name = (p: PartnerRecord) => shorten(p.name, 200);

  const added = now.filter((p) => inList(p) && !inList(before.get(key(p))));
  // Gone: Not in list now. A partner missing from the rows is Excluded (the summary leaves them out) or deleted.
  const gone = previous.filter((p) => inList(p) && current.get(key(p))?.notInList === true);
  const moved: string[] = [];
  const multi: string[] = [];
  const fixed: string[] = [];
  const mismatches: string[] = [];
  for (const p of now) {
    const old = before.get(key(p));
    if (old && old.segments.join('\n') !== p.segments.join('\n')) {
      moved.push(`${name(p)}: ${shown(old.segments)} → ${shown(p.segments)}`);
    }
    if (old && old.segments.length <= 1 && p.segments.length > 1)
      multi.push(`${name(p)}: ${shown(p.segments)}`);
    if (old?.mismatched && !p.mismatched)
      fixed.push(`${name(p)}: now managed like ${p.managedLike || '(blank)'}`);
    if (p.mismatched && !old?.mismatched) {
      mismatches.push(`${name(p)}: managed like ${p.managedLike}, in ${shown(p.segments)}`);
    }
  }
  const lines: string[] = [];
  const kind = (label: string, entries: string[]) => {
    lines.push(`${label}: ${entries.length}`);
    for (const e of entries.slice(0, MAX_SINCE)) lines.push(`• ${e}`);
    if (entries.length > MAX_SINCE) lines.push(`and ${entries.length - MAX_SINCE} more`);
  };
  kind('New partners', added.map(name));
  kind('Gone from the list', gone.map(name));
  kind('Re-segmented', moved);
  kind('Newly in more than one segment', multi);
  kind('Mismatches fixed', fixed);
  kind('New mismatches', mismatches);
  return lines;
}
