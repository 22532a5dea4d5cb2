// The roster's columns: their roles, headers, notes, and who owns their cells.
// PRODUCT.md, "Partner Roster": `Partner | ID | Suggested | <segments> | # Segments | Primary segment | Level |
// Strategic for | Managed like | Owner | Last contact | Next review | Check | Reviewed | Notes | Status`, and Why
// suggested after Suggested (issue #15); a new roster has Check right after ID (issue #18).
import { cellText } from '../text';

export type FixedRole =
  | 'partner'
  | 'id'
  | 'suggested'
  | 'why'
  | 'count'
  | 'primary'
  | 'level'
  | 'strategicFor'
  | 'managedLike'
  | 'owner'
  | 'lastContact'
  | 'nextReview'
  | 'check'
  | 'reviewed'
  | 'notes'
  | 'status';

/** What a roster column is: a fixed role, or the checkbox column of one segment (by segment id). */
export type ColumnKey = FixedRole | `segment:${string}`;

// Check right after the partner (issue 18): what needs attention is seen without scrolling past the segments.
// An existing roster keeps its Check where it is (columns are found by their metadata, never moved).
export const BEFORE_SEGMENTS: FixedRole[] = ['partner', 'id', 'check', 'suggested', 'why'];
export const AFTER_SEGMENTS: FixedRole[] = [
  'count',
  'primary',
  'level',
  'strategicFor',
  'managedLike',
  'owner',
  'lastContact',
  'nextReview',
  'reviewed',
  'notes',
  'status',
];

/**
 * Whether people's edits to a column's data cells are expected (no protection warning), and the add-on's own
 * writes must not span it: a column of theirs (no key), one of our people-owned ones, or Status (Excluded).
 */
export function isOpenToPeople(key: ColumnKey | null): boolean {
  return !key || isPeopleOwned(key) || key === 'status';
}

export const HEADERS: Record<FixedRole, string> = {
  partner: 'Partner',
  id: 'ID',
  suggested: 'Suggested',
  why: 'Why suggested',
  count: '# Segments',
  primary: 'Primary segment',
  level: 'Level',
  strategicFor: 'Strategic for',
  managedLike: 'Managed like',
  owner: 'Owner',
  lastContact: 'Last contact',
  nextReview: 'Next review',
  check: 'Check',
  reviewed: 'Reviewed',
  notes: 'Notes',
  status: 'Status',
};

export const HEADER_NOTES: Record<FixedRole, string> = {
  partner: 'The partner, as named in your partner list. Filled in by Partner Segments.',
  id: 'The partner ID from your list. Partners are matched by this ID. Filled in by Partner Segments.',
  suggested:
    'Segments suggested by the keywords on the Segments tab, from the description columns of your list. ' +
    'A suggestion only: the ticks are what count.',
  why:
    'For each suggested segment, the keywords of the Segments tab that matched ("Funder: grant, foundation"). ' +
    'The same as =PARTNER_SEGMENT_WHY. Filled in by Partner Segments.',
  count: 'How many segments are ticked. A live formula.',
  primary: 'The segment that matters most for this partner. Choose from the list.',
  level:
    'Level of partnership, lightest to deepest (see the Levels table on the Segments tab). Check flags a ' +
    'strategic partner kept in the lighter half, and a partner at the deepest level that no goal needs.',
  strategicFor:
    'Choose a goal when this partner is required to meet this goal: a strategic partner (the Goals table on ' +
    'the Segments tab). Blank: not strategic.',
  managedLike: 'We currently manage this partner like a … Choose a segment.',
  owner:
    'Who looks after this relationship between meetings (a staff member). Yours to fill in: Partner Segments ' +
    'never changes it.',
  lastContact:
    'When someone last looked after this relationship: a date, such as 2026-03-01. Partner Segments never ' +
    'changes it.',
  nextReview:
    'When this relationship is next due for a look: Last contact plus the "Review every (months)" of the Primary ' +
    'segment on the Segments tab, else the shortest among the ticked segments; "now" when there is a rhythm but no ' +
    'Last contact; blank without a rhythm. A live formula, coloured once it is past.',
  check:
    'What needs attention on this row, in words: several segments, none, a choice that does not fit the ticks, ' +
    'a level the Levels table no longer lists, a level that does not fit the goals, a review overdue, or no owner. ' +
    'A row in several segments reads settled (blank) once Reviewed is ticked and a Primary segment chosen.',
  reviewed: 'Tick once someone has looked at this row. Unreviewed ticks are suggestions.',
  notes: 'Your notes. Partner Segments never changes them.',
  status:
    'In list, or Not in list when the partner left your list. Set Excluded to keep a partner out of the ' +
    'summary; a refresh never undoes it.',
};

export function segmentNote(definition: string): string {
  const what = definition.trim() ? `${definition.trim()}. ` : '';
  return `${what}Tick when this partner belongs to the segment.`;
}

export const RETIRED_SUFFIX = ' (retired)';

export const STATUS_IN_LIST = 'In list';
export const STATUS_NOT_IN_LIST = 'Not in list';
export const STATUS_EXCLUDED = 'Excluded';
export const STATUSES = [STATUS_IN_LIST, STATUS_NOT_IN_LIST, STATUS_EXCLUDED];

/** Columns whose cells people own: the add-on fills them once, for a new row, and never rewrites them. */
export function isPeopleOwned(key: ColumnKey): boolean {
  return (
    key.startsWith('segment:') ||
    key === 'primary' ||
    key === 'level' ||
    key === 'strategicFor' ||
    key === 'managedLike' ||
    key === 'owner' ||
    key === 'lastContact' ||
    key === 'reviewed' ||
    key === 'notes'
  );
}

export function segmentKey(segmentId: string): ColumnKey {
  return `segment:${segmentId}`;
}

export function segmentIdOf(key: string): string | null {
  return key.startsWith('segment:') ? key.slice('segment:'.length) : null;
}

const FIXED = new Set<string>([...BEFORE_SEGMENTS, ...AFTER_SEGMENTS]);
export function isColumnKey(value: string): value is ColumnKey {
  return FIXED.has(value) || (value.startsWith('segment:') && value.length > 'segment:'.length);
}

/** A segment column's header without its " (retired)" mark: the segment name it shows. */
export function stripRetired(header: string): string {
  const h = header.trim();
  const mark = RETIRED_SUFFIX.trim();
  return h.endsWith(mark) ? h.slice(0, h.length - mark.length).trim() : h;
}

/**
 * The segment name each segment column shows, by segment id. A segment added back under a name a column still
 * shows takes that column's id again, so its ticks return (src/sheets/segmentsTab.ts).
 */
export function shownSegmentNames(
  header: readonly unknown[],
  keys: readonly (ColumnKey | null)[],
): Map<string, string> {
  const shown = new Map<string, string>();
  keys.forEach((key, i) => {
    const id = key ? segmentIdOf(key) : null;
    if (id && !shown.has(id)) shown.set(id, stripRetired(cellText(header[i])));
  });
  return shown;
}

/** The column (1-based) of each key; the first one where people copied a column. */
export function columnsByKey(keys: readonly (ColumnKey | null)[]): Map<ColumnKey, number> {
  const at = new Map<ColumnKey, number>();
  keys.forEach((key, i) => {
    if (key && !at.has(key)) at.set(key, i + 1);
  });
  return at;
}

/**
 * The roster's header row must be row 1 (the add-on writes headers there and reads partners from row 2): a
 * title row people inserted above it, or row 1 deleted, would cost entries (a partner's row overwritten by
 * headers, the old header read as a partner). Returns the plain-words refusal, or null when row 1 holds it.
 * Row 1 holds it when at least half our fixed columns read their header there (people may have retyped one).
 */
export function headerRowProblem(
  values: readonly unknown[][],
  keys: readonly (ColumnKey | null)[],
  sheetName: () => string,
): string | null {
  const fixed = keys.flatMap((k, i) => (k && segmentIdOf(k) === null ? [[k as FixedRole, i] as const] : []));
  if (fixed.length < 3 || values.length === 0) return null;
  const norm = (v: unknown) => cellText(v).trim().toLowerCase();
  const matches = (row: readonly unknown[] | undefined) =>
    fixed.filter(([k, i]) => norm(row?.[i]) === HEADERS[k].toLowerCase()).length;
  const need = Math.ceil(fixed.length / 2);
  if (matches(values[0]) >= need) return null;
  const at = values.slice(1, 11).findIndex((row) => matches(row) >= need);
  const nothing = 'Nothing was changed.';
  if (at >= 0)
    return (
      `The header row of the ${sheetName()} tab is now in row ${at + 2}; it must be row 1. Delete the rows above it ` +
      `(or undo the change: Edit › Undo), then try again. ${nothing}`
    );
  return (
    `The ${sheetName()} tab has lost its header row (row 1 should read ${HEADERS.partner}, …, ${HEADERS.status}). ` +
    `Undo the change (Edit › Undo, or File › Version history), then try again. ${nothing}`
  );
}
