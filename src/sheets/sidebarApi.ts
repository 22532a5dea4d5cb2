// What the sidebar calls (src/api.ts): each function checks its arguments, does the work through the same
// modules the menu uses, and returns plain data.
import type {
  BringInReport,
  ExerciseReport,
  ExerciseView,
  ListView,
  Overview,
  RosterReport,
  SegmentsView,
  SummaryReport,
  TabRole,
} from '../api';
import * as exercise from './exerciseSheet';
import { defaultCatalogue, segmentColor } from '../core/catalogue';
import { describeReading, detectLayout, listColumns, PartnerListError } from '../core/partnerList';
import { typedText } from '../core/roster/cells';
import { collapseSpaces, normaliseName } from '../core/text';
import type { Catalogue, ListLayout } from '../core/types';
import { optionalTextArg, plainObjectArg, textArg, wholeNumberArg, oneOfArg } from './args';
import { splitKeywords, type SegmentField } from '../core/segmentsTable';
import { buildRoster } from './buildRoster';
import { UserError } from './errors';
import { readList, type ListRead } from './listSheet';
import { withDocumentLock } from './lock';
import { findOwnedSheets, GOAL_KEY, SEGMENT_ID_KEY } from './metadata';
import { readShownSegmentNames } from './rosterSheet';
import {
  addGoalsTable,
  defaultSegmentsRows,
  openSegmentsTab,
  readSegmentsRows,
  type SegmentsRows,
} from './segmentsTab';
import { blockA1, wholeRowA1 } from './ranges';
import { runs } from '../core/roster/a1';
import { loadListSettings, saveListSettings } from './settings';
import { generateSummary } from './summarySheet';
import { currentOffers, keywordKey } from './learned';
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MAX_COLUMNS = 18278; // ZZZ: the most columns a sheet can have.

function active(): Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** The user's sheets, never the add-on's own; and the ids of the add-on's own. */
function userSheets(ss: Spreadsheet): {
  sheets: string[];
  owned: ReadonlySet<number>;
  tabs: Overview['tabs'];
} {
  const found = findOwnedSheets(ss);
  const owned = found.ids();
  const sheets = ss
    .getSheets()
    .filter((s) => !owned.has(s.getSheetId()))
    .map((s) => s.getName());
  const tabs = {
    segments: found.get('segments')?.getName() ?? null,
    roster: found.get('roster')?.getName() ?? null,
    summary: found.get('summary')?.getName() ?? null,
    exercise: found.get('exercise')?.getName() ?? null,
  };
  return { sheets, owned, tabs };
}

function listView(list: ListRead): ListView {
  return {
    sheet: list.sheetName,
    ...list.layout,
    columns: columnViews(list.grid, list.layout.headerRow),
    summary: describeReading(list.reading, list.sheetName),
    detected: list.detected,
  };
}

function columnViews(grid: readonly unknown[][], headerRow: number): ListView['columns'] {
  return listColumns(grid, headerRow).map((c) => ({ column: c.column, label: c.label }));
}

/**
 * Where to start when no list could be read: the sheet's columns under the given (or first) row, the first
 * column as names, so the user can say "row 1, column A" by hand (issue 18).
 */
function draftView(
  ss: Spreadsheet,
  sheetName: string | undefined,
  layout?: ListLayout | null,
): ListView | null {
  const sheet = sheetName ? ss.getSheetByName(sheetName) : null;
  if (!sheet || !sheetName) return null;
  const grid = sheet.getDataRange().getValues();
  const headerRow = Math.min(layout?.headerRow ?? 1, Math.max(1, grid.length));
  const columns = columnViews(grid, headerRow);
  const has = (c: number | null | undefined): c is number => !!c && columns.some((col) => col.column === c);
  const nameColumn = has(layout?.nameColumn) ? layout.nameColumn : (columns[0]?.column ?? 1);
  const idColumn = has(layout?.idColumn) && layout.idColumn !== nameColumn ? layout.idColumn : null;
  return {
    sheet: sheetName,
    headerRow,
    nameColumn,
    idColumn,
    descriptionColumns: (layout?.descriptionColumns ?? []).filter(
      (c) => has(c) && c !== nameColumn && c !== idColumn,
    ),
    columns,
    summary: '',
    detected: false,
  };
}

/** The overview of a list read by `read`; when it cannot be read, the problem and a draft of `draftSheet`. */
function overviewOf(
  ss: Spreadsheet,
  read: (owned: ReadonlySet<number>) => ListRead,
  draft: (sheets: string[]) => { sheet: string | undefined; layout?: ListLayout | null },
): Overview {
  const { sheets, owned, tabs } = userSheets(ss);
  try {
    return { sheets, tabs, listProblem: null, list: listView(read(owned)), draft: null };
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    const { sheet, layout } = draft(sheets);
    return { sheets, tabs, list: null, listProblem: e.message, draft: draftView(ss, sheet, layout) };
  }
}

export function getOverview(): Overview {
  const ss = active();
  return overviewOf(
    ss,
    (owned) => readList(ss, owned),
    (sheets) => {
      const saved = loadListSettings();
      return { sheet: saved && sheets.includes(saved.sheetName) ? saved.sheetName : sheets[0] };
    },
  );
}

/** A list choice from the sidebar, checked: the sheet's name, and the columns when any was given. */
function listChoiceArg(
  raw: unknown,
  ss: Spreadsheet,
): { sheetName: string; layout: ListLayout | null; owned: ReadonlySet<number> } {
  const arg = plainObjectArg(raw, 'The list choice', [
    'sheet',
    'headerRow',
    'nameColumn',
    'idColumn',
    'descriptionColumns',
  ]);
  const sheetName = textArg(arg.sheet, 'The sheet name', 200);
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) throw new UserError(`There is no sheet named "${sheetName}" in this spreadsheet.`);
  const owned = findOwnedSheets(ss).ids();
  if (owned.has(sheet.getSheetId())) {
    throw new UserError(
      `"${sheetName}" is a sheet Partner Segments made; choose the sheet with your partner list.`,
    );
  }
  let layout: ListLayout | null = null;
  const changesColumns = ['headerRow', 'nameColumn', 'idColumn', 'descriptionColumns'].some(
    (k) => arg[k] !== undefined,
  );
  if (changesColumns) {
    const grid = sheet.getDataRange().getValues();
    let guess: ListLayout;
    try {
      guess = detectLayout(grid);
    } catch (e) {
      if (!(e instanceof PartnerListError)) throw e;
      guess = { headerRow: 1, nameColumn: 1, idColumn: null, descriptionColumns: [] };
    }
    const headerRow =
      arg.headerRow === undefined
        ? guess.headerRow
        : wholeNumberArg(arg.headerRow, 'The header row', 1, Math.max(1, grid.length));
    const width = Math.max(1, grid[0]?.length ?? 1);
    const nameColumn =
      arg.nameColumn === undefined
        ? guess.nameColumn
        : wholeNumberArg(arg.nameColumn, 'The name column', 1, width);
    const idColumn =
      arg.idColumn === undefined
        ? guess.idColumn
        : arg.idColumn === null
          ? null
          : wholeNumberArg(arg.idColumn, 'The ID column', 1, width);
    let descriptionColumns = guess.descriptionColumns;
    if (arg.descriptionColumns !== undefined) {
      if (!Array.isArray(arg.descriptionColumns) || arg.descriptionColumns.length > MAX_COLUMNS) {
        throw new UserError('The description columns must be a list of column numbers.');
      }
      descriptionColumns = arg.descriptionColumns.map((c) =>
        wholeNumberArg(c, 'A description column', 1, width),
      );
    }
    if (idColumn === nameColumn)
      throw new UserError('The name column and the ID column must be different columns.');
    layout = {
      headerRow,
      nameColumn,
      idColumn,
      descriptionColumns: descriptionColumns.filter((c) => c !== nameColumn && c !== idColumn),
    };
  }
  return { sheetName, layout, owned };
}

/** What the list would be with this choice, saving nothing: only "Use this list" (chooseList) saves. */
export function previewList(raw: unknown): Overview {
  const ss = active();
  const { sheetName, layout } = listChoiceArg(raw, ss);
  return overviewOf(
    ss,
    (owned) => readList(ss, owned, sheetName, layout ?? undefined),
    () => ({ sheet: sheetName, layout }),
  );
}

/** "Use this list": the choice is read once (a choice that finds no partners is refused), then saved. */
export function chooseList(raw: unknown): Overview {
  const ss = active();
  const { sheetName, layout, owned } = listChoiceArg(raw, ss);
  const list = readList(ss, owned, sheetName, layout ?? undefined);
  saveListSettings({
    sheetId: list.sheetId,
    sheetName: list.sheetName,
    layout,
    headers: layout ? list.headers : null,
  });
  return getOverview();
}

function view(catalogue: Catalogue, tab: string | null): SegmentsView {
  const names = new Map(catalogue.segments.map((s) => [s.id, s.name]));
  return {
    tab,
    learned: currentOffers(catalogue.segments).map((item) => ({
      ...item,
      segmentName: names.get(item.segmentId) ?? '',
    })),
    segments: catalogue.segments.map((s, i) => ({
      id: s.id,
      name: s.name,
      definition: s.definition,
      howToManage: s.howToManage,
      keywords: s.keywords.join(', '),
      color: s.color,
      displayColor: segmentColor(s, i),
    })),
    levels: catalogue.levels.map((l) => ({ name: l.name, meaning: l.meaning })),
    goals: catalogue.goals.map((g) => ({ id: g.id, name: g.name, success: g.success })),
  };
}

export function getSegments(): SegmentsView {
  const owned = findOwnedSheets(active());
  const sheet = owned.get('segments');
  const rows = sheet
    ? readSegmentsRows(
        sheet,
        readShownSegmentNames(owned),
        owned.rowEntries('segments', SEGMENT_ID_KEY),
        owned.rowEntries('segments', GOAL_KEY),
      )
    : null;
  // A missing or blank tab: the defaults the next build writes.
  return view(rows ? rows.catalogue : defaultCatalogue(), sheet ? sheet.getName() : null);
}

/**
 * Edits the Segments tab under the document lock. `check` sees the tab as it is (or the defaults a missing or
 * blank tab gets) and refuses in plain words before anything is written; only then is the tab made if needed
 * and the returned edit applied.
 */
function editSegments(
  check: (rows: SegmentsRows) => (sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: SegmentsRows) => void,
): SegmentsView {
  return withDocumentLock(() => {
    const ss = active();
    const owned = findOwnedSheets(ss);
    // Rows people or the sidebar add take back the id of a roster column still showing their name.
    const shown = readShownSegmentNames(owned);
    const rowIds = owned.rowEntries('segments', SEGMENT_ID_KEY);
    const goalMarks = owned.rowEntries('segments', GOAL_KEY);
    const existing = owned.get('segments');
    const read = existing ? readSegmentsRows(existing, shown, rowIds, goalMarks) : null;
    const before = read ?? defaultSegmentsRows();
    const apply = check(before);
    const sheet =
      existing && read
        ? existing
        : openSegmentsTab(ss, existing, shown, rowIds, goalMarks, owned.isFinished('segments')).sheet;
    apply(sheet, before);
    // Read back as the next run will see it (rows and ids may have moved): metadata afresh.
    const marks = findOwnedSheets(ss);
    const after = readSegmentsRows(
      sheet,
      shown,
      marks.rowEntries('segments', SEGMENT_ID_KEY),
      marks.rowEntries('segments', GOAL_KEY),
    );
    return view(after ? after.catalogue : defaultCatalogue(), sheet.getName());
  });
}

function refuseDuplicate(name: string, rows: SegmentsRows, exceptId?: string): void {
  const clash = rows.catalogue.segments.find(
    (s) => s.id !== exceptId && normaliseName(s.name) === normaliseName(name),
  );
  if (clash) throw new UserError(`There is already a segment named "${clash.name}".`);
}

/** The Segment column of the table (found by header; a tab without one is refused when read). */
function nameColumn(rows: SegmentsRows): number {
  return rows.columns.get('name') ?? 1;
}

function rowOf(id: string, rows: SegmentsRows): number {
  const row = rows.rowOf.get(id);
  if (!row)
    throw new UserError(
      'That segment is no longer on the Segments tab. Reopen the sidebar to see the current list.',
    );
  return row;
}

export function addSegment(rawName: unknown): SegmentsView {
  const name = textArg(rawName, 'The segment name', 100);
  return editSegments((rows) => {
    refuseDuplicate(name, rows);
    return (sheet, at) => sheet.getRange(at.lastRow + 1, nameColumn(at)).setValue(typedText(name));
  });
}

export function renameSegment(rawId: unknown, rawName: unknown): SegmentsView {
  const id = textArg(rawId, 'The segment', 200);
  const name = textArg(rawName, 'The new name', 100);
  return editSegments((rows) => {
    rowOf(id, rows);
    refuseDuplicate(name, rows, id);
    return (sheet, at) => sheet.getRange(rowOf(id, at), nameColumn(at)).setValue(typedText(name));
  });
}

export function removeSegment(rawId: unknown): SegmentsView {
  const id = textArg(rawId, 'The segment', 200);
  return editSegments((rows) => {
    rowOf(id, rows);
    return (sheet, at) => {
      const row = rowOf(id, at);
      // Only the segment's cells are cleared, found by header: the levels table and people's own columns share
      // the tab's rows. Its id goes with it.
      const a1s = runs([...at.columns.values()]).map(([from, to]) => blockA1(row, from, 1, to - from + 1));
      if (a1s.length === 1) sheet.getRange(a1s[0]).clearContent();
      else sheet.getRangeList(a1s).clearContent();
      for (const md of sheet.getRange(wholeRowA1(row)).getDeveloperMetadata()) {
        if (md.getKey() === SEGMENT_ID_KEY) md.remove();
      }
    };
  });
}

/** The segment's Keywords cell after an edit: its keywords as the tab lists them, joined as the tab says. */
function writeKeywords(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  at: SegmentsRows,
  id: string,
  keywords: string[],
): void {
  // Keywords is a required header, so the table has its column (found by header, wherever people put it).
  const column = at.columns.get('keywords') as number;
  sheet.getRange(rowOf(id, at), column).setValue(typedText(keywords.join(', ')));
}

function segmentOf(id: string, rows: SegmentsRows) {
  rowOf(id, rows);
  return rows.catalogue.segments.find((s) => s.id === id) as Catalogue['segments'][number];
}

/**
 * Adds a keyword to a segment's Keywords on the Segments tab (the one place keywords live): the next refresh
 * suggests with it for new partners; ticks are never touched. A keyword the segment already matches is kept once.
 */
export function addKeyword(rawId: unknown, rawKeyword: unknown): SegmentsView {
  const id = textArg(rawId, 'The segment', 200);
  const keyword = collapseSpaces(textArg(rawKeyword, 'The keyword', 100));
  if (keywordKey(keyword) === '') throw new UserError('A keyword needs at least one letter or digit.');
  return editSegments((rows) => {
    const segment = segmentOf(id, rows);
    const known = [segment.name, ...segment.keywords].some((k) => keywordKey(k) === keywordKey(keyword));
    return (sheet, at) => {
      if (!known) writeKeywords(sheet, at, id, [...segmentOf(id, at).keywords, keyword]);
    };
  });
}

/**
 * A segment's Definition, How to manage and Keywords, as the sidebar asks for them after adding a segment: each
 * written to its cell (found by header; a column people deleted is skipped), '' clearing it.
 */
export function describeSegment(
  rawId: unknown,
  rawDefinition: unknown,
  rawHowToManage: unknown,
  rawKeywords: unknown,
): SegmentsView {
  const id = textArg(rawId, 'The segment', 200);
  const definition = optionalTextArg(rawDefinition, 'The definition', 1000);
  const howToManage = optionalTextArg(rawHowToManage, 'How to manage', 1000);
  const keywords = splitKeywords(optionalTextArg(rawKeywords, 'The keywords', 2000));
  return editSegments((rows) => {
    rowOf(id, rows);
    return (sheet, at) => {
      const row = rowOf(id, at);
      const cells: Array<[SegmentField, string]> = [
        ['definition', definition],
        ['howToManage', howToManage],
        ['keywords', keywords.join(', ')],
      ];
      for (const [field, text] of cells) {
        const column = at.columns.get(field);
        if (column !== undefined) sheet.getRange(row, column).setValue(typedText(text));
      }
    };
  });
}

function refuseDuplicateGoal(name: string, rows: SegmentsRows, exceptId?: string): void {
  const clash = rows.catalogue.goals.find(
    (g) => g.id !== exceptId && normaliseName(g.name) === normaliseName(name),
  );
  if (clash) throw new UserError(`There is already a goal named "${clash.name}".`);
}

function goalRowOf(id: string, rows: SegmentsRows): number {
  const row = rows.goalRowOf.get(id);
  if (!row)
    throw new UserError(
      'That goal is no longer on the Segments tab. Reopen the sidebar to see the current list.',
    );
  return row;
}

/** Adds a goal under the last one (over the hint of a new Goals table); a tab without one gets the table first. */
export function addGoal(rawName: unknown): SegmentsView {
  const name = textArg(rawName, 'The goal', 200);
  return editSegments((rows) => {
    refuseDuplicateGoal(name, rows);
    return (sheet, at) => {
      addGoalsTable(sheet, at);
      sheet.getRange(at.goalsLastRow + 1, at.goalsColumn as number).setValue(typedText(name));
    };
  });
}

/** Removes a keyword (any case or spacing) from a segment's Keywords on the Segments tab. */
export function removeKeyword(rawId: unknown, rawKeyword: unknown): SegmentsView {
  const id = textArg(rawId, 'The segment', 200);
  const keyword = textArg(rawKeyword, 'The keyword', 100);
  const key = keywordKey(keyword);
  return editSegments((rows) => {
    const segment = segmentOf(id, rows);
    if (key !== '' && keywordKey(segment.name) === key) {
      throw new UserError(
        `"${segment.name}" is the segment's name, which always counts as one of its keywords. Rename the segment instead.`,
      );
    }
    if (!segment.keywords.some((k) => keywordKey(k) === key)) {
      throw new UserError(`"${keyword}" is not one of ${segment.name}'s keywords.`);
    }
    return (sheet, at) =>
      writeKeywords(
        sheet,
        at,
        id,
        segmentOf(id, at).keywords.filter((k) => keywordKey(k) !== key),
      );
  });
}

export function getExercise(): ExerciseView {
  return exercise.getExercise();
}

/** The names as the facilitator typed them: one text, one name per line or separated by commas. */
export function setUpExerciseFromSidebar(rawNames: unknown): ExerciseReport {
  if (typeof rawNames !== 'string') throw new UserError("The participants' names must be text.");
  if (rawNames.length > 10_000)
    throw new UserError("The participants' names are too long (at most 10,000 characters in all).");
  return exercise.setUpExercise(rawNames);
}

export function previewBringIn(): BringInReport {
  return exercise.previewBringIn();
}

export function bringInPicksFromSidebar(): BringInReport {
  return exercise.bringInPicks();
}

/** Renames a goal in its row: its id stays, so the next refresh carries the new name to its partners. */
export function renameGoal(rawId: unknown, rawName: unknown): SegmentsView {
  const id = textArg(rawId, 'The goal', 200);
  const name = textArg(rawName, 'The new name', 200);
  return editSegments((rows) => {
    goalRowOf(id, rows);
    refuseDuplicateGoal(name, rows, id);
    return (sheet, at) =>
      sheet.getRange(goalRowOf(id, at), at.goalsColumn as number).setValue(typedText(name));
  });
}

export function buildRosterFromSidebar(): RosterReport {
  const r = buildRoster();
  return { rosterSheet: r.rosterSheet, listSummary: r.listSummary, firstBuild: r.firstBuild, ...r.stats };
}

export function generateSummaryFromSidebar(): SummaryReport {
  return generateSummary();
}

export function showTab(rawRole: unknown): void {
  const role: TabRole = oneOfArg(rawRole, 'The tab', [
    'list',
    'segments',
    'roster',
    'summary',
    'exercise',
  ] as const);
  const ss = active();
  if (role === 'list') {
    const saved = loadListSettings();
    const sheet = saved ? ss.getSheetById(saved.sheetId) : null;
    if (!sheet) throw new UserError('No partner list has been chosen yet.');
    sheet.activate();
    return;
  }
  const sheet = findOwnedSheets(ss).get(role);
  if (!sheet)
    throw new UserError(
      role === 'summary'
        ? 'Generate the discussion summary first.'
        : role === 'exercise'
          ? 'Set up the segmentation exercise first.'
          : 'Build the roster first.',
    );
  sheet.activate();
}
