// The Segments tab: created with the default catalogue on first use, read back as people edited it.
// Segments from A1 (`Segment | Definition | How to manage | Keywords | Color | Review every (months)`), levels
// from H1 (`Level | Meaning`; an older tab keeps them at G1), goals from K1 (`Goal | What success looks like`); an
// existing tab's tables are found by their header texts.
import { defaultCatalogue, GOALS_HINT, segmentColor } from '../core/catalogue';
import { splitSegmentsTab } from '../core/segmentsTab';
import { columnsByHeader } from '../core/headerRow';
import {
  readGoalsTable,
  readLevelsTable,
  readSegmentsTable,
  REVIEW_HEADER,
  SEGMENT_FIELDS,
  SegmentsTableError,
  type SegmentField,
} from '../core/segmentsTable';
import { cellText, collapseSpaces, normaliseName } from '../core/text';
import type { Catalogue, Goal, Segment } from '../core/types';
import { UserError } from './errors';
import { createOwnedSheet } from './ownedSheets';
import { GOAL_KEY, markFinished, SEGMENT_ID_KEY } from './metadata';
import { blockA1, RangeBatch, valuesToLastCell, wholeRowA1 } from './ranges';
import { typedText } from '../core/roster/cells';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
/** The segment id entry on each row of the tab (OwnedSheets.rowEntries). */
type RowIds = ReadonlyMap<number, GoogleAppsScript.Spreadsheet.DeveloperMetadata>;

export const SEGMENT_HEADERS = ['Segment', 'Definition', 'How to manage', 'Keywords', 'Color', REVIEW_HEADER];
export const LEVEL_HEADERS = ['Level', 'Meaning'];
export const GOAL_HEADERS = ['Goal', 'What success looks like'];
const LEVELS_COLUMN = 8;
/** Where a new tab's Goals table starts (TEAM.md's layout: K1, after the Levels table and a blank column). */
export const GOALS_COLUMN = 11;
const WIDTH = GOALS_COLUMN + 1;
const REVIEW_NOTE =
  'How often a partner of this segment is reviewed: a whole number of months, 1 to 36. Blank: no rhythm. ' +
  "The roster's Next review is Last contact plus the rhythm of the Primary segment, else the shortest of the " +
  'ticked segments.';

const HEADER_NOTES = [
  'The segment name, as it appears in the roster and in PARTNER_SEGMENT. Rename freely: ticks follow.',
  'What makes a partner part of this segment.',
  'How a partner of this segment should be managed. The discussion summary compares it with how we do.',
  'Comma-separated words or phrases that suggest this segment when they appear in your list. ' +
    'The segment name always counts; plurals with a trailing s match too.',
  'A #rrggbb colour for the roster header and the chart. Blank: the default palette.',
  REVIEW_NOTE,
  '',
  'Levels of partnership, after the Himmelman continuum, lightest first: the order of the rows is the order of ' +
    'depth. Check flags a strategic partner in the lighter half and a partner at the deepest level no goal needs.',
  'What the level means for this relationship.',
];

const GOAL_NOTES = [
  "Your organization's goals. A strategic partner is one required to meet a goal: the roster's Strategic for " +
    'column chooses from these. Rename freely: partners keep their goal.',
  'What success looks like for this goal.',
];

/**
 * Writes the default catalogue into a new Segments sheet, or one a stopped run left blank: row ids (where missing),
 * formats, and the values last, so a tab that holds values is a finished tab.
 * @param rowIds segment ids already on the tab's rows (row → id), from an earlier stopped run.
 */
export function writeDefaultSegments(
  sheet: Sheet,
  rowIds: ReadonlyMap<number, unknown> = new Map(),
): Catalogue {
  const catalogue = defaultCatalogue();
  const { segments, levels } = catalogue;
  const height = Math.max(segments.length, levels.length) + 1;
  const grid: (string | number | boolean)[][] = Array.from({ length: height }, () => Array(WIDTH).fill(''));
  SEGMENT_HEADERS.forEach((h, c) => (grid[0][c] = h));
  LEVEL_HEADERS.forEach((h, c) => (grid[0][LEVELS_COLUMN - 1 + c] = h));
  GOAL_HEADERS.forEach((h, c) => (grid[0][GOALS_COLUMN - 1 + c] = h));
  // The Goals table starts with a one-line hint, not invented goals: the organization's goals are its own.
  grid[1][GOALS_COLUMN - 1] = GOALS_HINT;
  segments.forEach((s, i) => {
    grid[i + 1].splice(
      0,
      6,
      typedText(s.name),
      typedText(s.definition),
      typedText(s.howToManage),
      typedText(s.keywords.join(', ')),
      s.color,
      s.reviewMonths ?? '',
    );
  });
  levels.forEach((l, i) => {
    grid[i + 1][LEVELS_COLUMN - 1] = typedText(l.name);
    grid[i + 1][LEVELS_COLUMN] = typedText(l.meaning);
  });
  // Every range in one getRangeList. Row ids first, then formats, then the values: a run stopped before the
  // values leaves a blank tab, which the next run finishes (PRODUCT.md: no half-made sheet left unrecognised).
  const batch = new RangeBatch(sheet);
  const rows = segments.map((_, i) => batch.add(wholeRowA1(i + 2)));
  const all = batch.add(blockA1(1, 1, height, WIDTH));
  const header = batch.add(blockA1(1, 1, 1, WIDTH));
  const colours = batch.add(blockA1(2, 1, segments.length, 1));
  segments.forEach((s, i) => {
    // A row keeps the id a stopped run gave it: never two ids on one row.
    if (!rowIds.has(i + 2)) batch.get(rows[i]).addDeveloperMetadata(SEGMENT_ID_KEY, s.id);
  });
  batch
    .get(header)
    .setFontWeight('bold')
    .setNotes([[...HEADER_NOTES, '', ...GOAL_NOTES]]);
  batch.get(colours).setBackgrounds(segments.map((s, i) => [segmentColor(s, i)]));
  sheet.setFrozenRows(1);
  // The blank columns between the tables keep the default width: one call for the Goals table's instead.
  sheet
    .setColumnWidth(1, 170)
    .setColumnWidths(2, 3, 280)
    .setColumnWidths(LEVELS_COLUMN, 2, 220)
    .setColumnWidths(11, 2, 260);
  batch.get(all).setValues(grid);
  markFinished(sheet, 'segments');
  return catalogue;
}

/** The rows writeDefaultSegments makes: segment i on row i + 2. */
export function defaultSegmentsRows(): SegmentsRows {
  const catalogue = defaultCatalogue();
  return {
    catalogue,
    rowOf: new Map(catalogue.segments.map((s, i) => [s.id, i + 2])),
    lastRow: catalogue.segments.length + 1,
    columns: columnsByHeader(SEGMENT_HEADERS, SEGMENT_FIELDS),
    goalRowOf: new Map(),
    goalsColumn: GOALS_COLUMN,
    goalsLastRow: 1,
    freeColumn: null,
  };
}

/**
 * The Segments tab as the add-on works with it: read; or, when it is missing or a stopped run left it blank,
 * made with the defaults. A tab people emptied is not silently reset (their renames would be undone): refused.
 * @param finished the tab's first write landed (OwnedSheets.isFinished).
 */
export function openSegmentsTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  existing: Sheet | undefined,
  retiredHeaders: ReadonlyMap<string, string>,
  rowIds: RowIds,
  goalMarks: RowIds,
  finished: boolean,
): { sheet: Sheet; rows: SegmentsRows; made: boolean } {
  const rows = existing ? readSegmentsRows(existing, retiredHeaders, rowIds, goalMarks) : null;
  if (existing && rows) {
    // Values landed but a stop came before the finished mark: the tab is whole, so mark it now.
    if (!finished) markFinished(existing, 'segments');
    addGoalsTable(existing, rows);
    addReviewColumn(existing, rows);
    return { sheet: existing, rows, made: false };
  }
  if (existing && finished) throw emptyTab(existing);
  const sheet = existing ?? createOwnedSheet(ss, 'segments');
  writeDefaultSegments(sheet, rowIds);
  return { sheet, rows: defaultSegmentsRows(), made: !existing };
}

/**
 * Reads the catalogue from the Segments tab. Segment rows without an id (added by people) get one and keep it;
 * a new row named like a retired roster column takes that column's id back, so its ticks return.
 * @param retiredHeaders id → segment name shown by roster columns, for that adoption.
 */
export function readSegmentsTab(
  sheet: Sheet,
  retiredHeaders: ReadonlyMap<string, string>,
  rowIds: RowIds,
  goalMarks: RowIds,
): Catalogue {
  const rows = readSegmentsRows(sheet, retiredHeaders, rowIds, goalMarks);
  if (!rows) throw emptyTab(sheet);
  return rows.catalogue;
}

export interface SegmentsRows {
  catalogue: Catalogue;
  /** Sheet row of each segment, by id. */
  rowOf: Map<string, number>;
  /** The last row of the segments table that holds a segment (1 when none). */
  lastRow: number;
  /** The sheet column of each of the table's fields, found by header (a person's column before it moves it). */
  columns: Map<SegmentField, number>;
  /** Sheet row of each goal, by id. */
  goalRowOf: Map<string, number>;
  /** The Goals table's first column (its Goal header), null when the tab has none yet. */
  goalsColumn: number | null;
  /** The last row of the Goals table that holds a goal (1 when none). */
  goalsLastRow: number;
  /** The tab's used width, as read (where a missing Goals table goes: after it and a blank column). */
  width?: number;
  /**
   * The column right after the table when it is empty from top to bottom and starts no other table: where an
   * older tab's missing `Review every (months)` goes. null when there is none, or nothing is missing.
   */
  freeColumn: number | null;
}

/**
 * An older Segments tab without `Review every (months)`: the header goes in the column right after the table when
 * that column is empty from top to bottom (the Levels table is never moved, nothing people typed is touched), and
 * every rhythm starts blank. Two calls, once. Without such a column the rhythms stay off (Next review blank).
 */
function addReviewColumn(sheet: Sheet, rows: SegmentsRows): void {
  if (rows.columns.has('reviewMonths') || rows.freeColumn === null) return;
  sheet.getRange(1, rows.freeColumn).setValue(REVIEW_HEADER);
  rows.columns.set('reviewMonths', rows.freeColumn);
  rows.freeColumn = null;
}

/**
 * A segment keeps the id its row carries, unless a sort moved the names: row metadata stays on its row when
 * people sort the table (the rows are not moved, their cells are), so a name the roster's columns show for an
 * id of the tab takes that id back, and the rows' ids are corrected (one setValue each, only after a sort).
 * @param retiredHeaders id → segment name shown by roster columns (retired ones too).
 * @param rowIds segment ids on the tab's rows, by row (OwnedSheets.rowEntries).
 * @returns null when the tab holds nothing at all.
 */
export function readSegmentsRows(
  sheet: Sheet,
  retiredHeaders: ReadonlyMap<string, string>,
  rowIds: RowIds,
  goalMarks: RowIds,
): SegmentsRows | null {
  const values = valuesToLastCell(sheet); // one call; [] for a blank tab
  if (values.every((row) => row.every((v) => v === ''))) return null;
  const tables = splitSegmentsTab(values);
  let segments: Segment[];
  let levels: Catalogue['levels'] = [];
  let goals: Goal[] = [];
  try {
    segments = readSegmentsTable(tables.segments);
    if (tables.levels) levels = readLevelsTable(tables.levels);
    if (tables.goals) goals = readGoalsTable(tables.goals);
  } catch (e) {
    if (e instanceof SegmentsTableError) throw new UserError(`On the ${sheet.getName()} tab: ${e.message}`);
    throw e;
  }
  if (levels.length === 0) levels = defaultCatalogue().levels;

  // Rows that hold a segment, in the order readSegmentsTable returned them (it skips rows without a name).
  const table = tables.segments;
  const rows: number[] = [];
  for (let r = 1; r < table.length; r++) if (holdsSegment(table[0], table[r])) rows.push(r + 1);

  const rowId = (i: number) => rowIds.get(rows[i])?.getValue() ?? undefined;
  const onTab = new Set(segments.map((_, i) => rowId(i)).filter((id): id is string => !!id));
  // The id each name the roster shows belongs to, for ids on the tab (names shown twice are no guide).
  const byShown = new Map<string, string | null>();
  for (const [id, name] of retiredHeaders) {
    if (!onTab.has(id)) continue;
    const n = normaliseName(name);
    byShown.set(n, byShown.has(n) ? null : id);
  }
  const ids: (string | undefined)[] = segments.map(() => undefined);
  const used = new Set<string>();
  const take = (i: number, id: string | null | undefined) => {
    if (!id || used.has(id) || ids[i] !== undefined) return;
    ids[i] = id;
    used.add(id);
  };
  // A name as the roster shows it keeps its id wherever a sort put it; then each row keeps its own id.
  segments.forEach((s, i) => take(i, byShown.get(normaliseName(s.name))));
  segments.forEach((_, i) => take(i, rowId(i)));
  // One segment sorted and renamed at once: its row's id went to another name, and one id of the tab is left.
  const left = [...onTab].filter((id) => !used.has(id));
  const moved = segments.flatMap((_, i) => (ids[i] === undefined && rowId(i) ? [i] : []));
  if (left.length === 1 && moved.length === 1) take(moved[0], left[0]);

  const batch = new RangeBatch(sheet);
  const marks: { id: string; at: number }[] = [];
  segments.forEach((s, i) => {
    let id = ids[i];
    if (id === undefined) {
      const adopt = [...retiredHeaders].find(
        ([rid, name]) => !used.has(rid) && normaliseName(name) === normaliseName(s.name),
      );
      id = adopt ? adopt[0] : freeId(s.name, used, retiredHeaders);
      used.add(id);
    }
    s.id = id;
    const entry = rowIds.get(rows[i]);
    if (entry && entry.getValue() !== id) entry.setValue(id);
    else if (!entry) marks.push({ id, at: batch.add(wholeRowA1(rows[i])) });
  });
  // Goals: the same, under their own key; a goal's mark also says the name the roster's cells use for it. A
  // name as the roster knows it keeps its id wherever a sort of the table put it; then each row keeps its own.
  const goalRows: number[] = [];
  const goalTable = tables.goals ?? [];
  for (let r = 1; r < goalTable.length; r++) if (holdsGoal(goalTable[r])) goalRows.push(r + 1);
  const parsed = new Map<number, { id: string; name: string }>();
  for (const [row, md] of goalMarks) {
    const mark = parseGoalMark(md.getValue() ?? undefined);
    if (mark) parsed.set(row, mark);
  }
  const byRosterName = new Map<string, { id: string; name: string } | null>();
  for (const mark of parsed.values()) {
    const n = normaliseName(mark.name);
    if (n) byRosterName.set(n, byRosterName.has(n) ? null : mark);
  }
  const usedGoals = new Set<string>();
  const goalIds: ({ id: string; name: string } | undefined)[] = goals.map(() => undefined);
  const takeGoal = (i: number, mark: { id: string; name: string } | null | undefined) => {
    if (!mark || usedGoals.has(mark.id) || goalIds[i] !== undefined) return;
    goalIds[i] = mark;
    usedGoals.add(mark.id);
  };
  goals.forEach((g, i) => takeGoal(i, byRosterName.get(normaliseName(g.name))));
  goals.forEach((_, i) => takeGoal(i, parsed.get(goalRows[i])));
  const goalMarksToAdd: { value: string; at: number }[] = [];
  goals.forEach((g, i) => {
    let mark = goalIds[i];
    if (!mark) {
      mark = { id: freeId(g.name, usedGoals, new Map(), 'goal'), name: g.name };
      usedGoals.add(mark.id);
    }
    g.id = mark.id;
    g.rosterName = mark.name || g.name;
    const value = goalMark(g.id, g.rosterName);
    const entry = goalMarks.get(goalRows[i]);
    // A sorted table: the row's mark is corrected to the goal now on it (one call, only after a sort).
    if (entry && entry.getValue() !== value) entry.setValue(value);
    else if (!entry) goalMarksToAdd.push({ value, at: batch.add(wholeRowA1(goalRows[i])) });
  });
  for (const { id, at } of marks) batch.get(at).addDeveloperMetadata(SEGMENT_ID_KEY, id);
  for (const { value, at } of goalMarksToAdd) batch.get(at).addDeveloperMetadata(GOAL_KEY, value);
  const rowOf = new Map(segments.map((s, i) => [s.id, rows[i]]));
  const columns = columnsByHeader(values[0], SEGMENT_FIELDS, tables.spans.segments);
  // 0-based: the column after the table's last header.
  const next = tables.spans.segments.last;
  const free =
    !columns.has('reviewMonths') &&
    next + 1 !== tables.spans.levels?.first &&
    values.every((row) => cellText(row[next]).trim() === '');
  return {
    catalogue: { segments, levels, goals },
    rowOf,
    lastRow: rows.length ? rows[rows.length - 1] : 1,
    columns,
    freeColumn: free ? next + 1 : null,
    goalRowOf: new Map(goals.map((g, i) => [g.id, goalRows[i]])),
    goalsColumn: tables.spans.goals?.first ?? null,
    goalsLastRow: goalRows.length ? goalRows[goalRows.length - 1] : 1,
    width: values[0]?.length ?? 0,
  };
}

/** A goal row's metadata value: its id and the name the roster uses for it. */
export function goalMark(id: string, rosterName: string): string {
  return JSON.stringify([id, rosterName]);
}

function parseGoalMark(value: string | undefined): { id: string; name: string } | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed) && typeof parsed[0] === 'string' && parsed[0] !== '')
      return { id: parsed[0], name: typeof parsed[1] === 'string' ? parsed[1] : '' };
  } catch {
    // Not ours in this form: the row gets a fresh mark.
  }
  return null;
}

function holdsGoal(row: readonly unknown[]): boolean {
  const name = collapseSpaces(cellText(row[0]).trim());
  return name !== '' && name !== GOALS_HINT;
}

/**
 * A tab made before goals has no Goals table: it gets one, header and hint, in free cells to the right of
 * everything on row 1 and a blank column (people's cells never move). One getRange and two writes, once.
 */
export function addGoalsTable(sheet: Sheet, rows: SegmentsRows): void {
  if (rows.goalsColumn !== null) return;
  const column = Math.max(rows.width ?? 0, GOALS_COLUMN - 2) + 2;
  const range = sheet.getRange(1, column, 2, 2);
  range.setValues([GOAL_HEADERS, [GOALS_HINT, '']]);
  range.setFontWeights([
    ['bold', 'bold'],
    ['normal', 'normal'],
  ]);
  rows.goalsColumn = column;
}

/**
 * After a refresh carried goal renames into the roster: each renamed goal's mark records its new name, one call
 * each (only renamed goals), last, so a run stopped before it carries the rename again next time. The mark of a
 * row whose goal people cleared goes too, so a new goal typed there later is not taken for a rename of it.
 */
export function recordGoalNames(
  rows: SegmentsRows,
  entries: ReadonlyMap<number, GoogleAppsScript.Spreadsheet.DeveloperMetadata>,
): void {
  const goalRows = new Set(rows.goalRowOf.values());
  for (const [row, md] of entries) if (!goalRows.has(row)) md.remove();
  for (const g of rows.catalogue.goals) {
    if (g.rosterName === g.name) continue;
    const row = rows.goalRowOf.get(g.id);
    const md = row === undefined ? undefined : entries.get(row);
    if (md) md.setValue(goalMark(g.id, g.name));
  }
}

function holdsSegment(header: unknown[], row: unknown[]): boolean {
  try {
    return readSegmentsTable([header, row]).length > 0;
  } catch {
    return false;
  }
}

function freeId(
  name: string,
  used: ReadonlySet<string>,
  reserved: ReadonlyMap<string, string>,
  fallback = 'segment',
): string {
  const base =
    normaliseName(name)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || fallback;
  for (let i = 1; ; i++) {
    const id = i === 1 ? base : `${base}-${i}`;
    if (!used.has(id) && !reserved.has(id)) return id;
  }
}

function emptyTab(sheet: Sheet): UserError {
  return new UserError(
    `The ${sheet.getName()} tab is empty, so Partner Segments does not know your segments. Undo the change ` +
      '(Edit › Undo, or File › Version history), or delete the tab to start again from the default segments.',
  );
}
