// Fault-injection harness for test/addon/faults.test.ts (issue #6): starting documents that people have worked
// in, runs of dist/Code.js with one failing service call, and the comparisons a user would make afterwards.
// Nothing here knows how many calls a run makes: the suite counts them on a clean run at test time.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellA1, columnToLetters } from '../../../dev/standin/a1';
import type { CallPhase } from '../../../dev/standin/calls';
import { createStandIn, type StandIn } from '../../../dev/standin/index';
import { loadAddon, type LoadedAddon } from '../../../dev/standin/loader';
import type { Cell, GridRect, MetadataEntry, SheetModel } from '../../../dev/standin/workbook';
import { QUESTIONS } from '../helpers';

let codePath: string | null = null;

/**
 * The built add-on, copied once per suite: every run of the suite, references included, loads the same code even
 * if dist/ is rebuilt meanwhile. FAULTS_CODE names another build to test.
 */
function addonCode(): string {
  if (codePath) return codePath;
  const source = readFileSync(process.env.FAULTS_CODE ?? 'dist/Code.js', 'utf8');
  codePath = join(mkdtempSync(join(tmpdir(), 'faults-')), 'Code.js');
  writeFileSync(codePath, source);
  return codePath;
}

function load(s: StandIn): LoadedAddon {
  return loadAddon({ standIn: s, codePath: addonCode() });
}

export const ROLE_KEY = 'partnerSegments.role';
export const ROLES = ['segments', 'roster', 'summary', 'exercise', 'history'] as const;
export type Role = (typeof ROLES)[number];

export type SidebarEntry =
  | 'buildRosterFromSidebar'
  | 'generateSummaryFromSidebar'
  | 'setUpExerciseFromSidebar'
  | 'bringInPicksFromSidebar';
export type MenuEntry = 'menuBuildRoster' | 'menuGenerateSummary' | 'menuSetUpExercise' | 'menuBringInPicks';
export type Path = 'sidebar' | 'menu';

export interface Doc {
  s: StandIn;
  addon: LoadedAddon;
}

export { QUESTIONS };

/** Something a person typed that every later run must keep, on the same partner (or question). */
export type HumanEntry =
  | { kind: 'roster'; partner: string; header: string; value: unknown }
  | { kind: 'boardNote'; question: number; typed: string }
  | { kind: 'pick'; partner: string; person: string; value: string }
  /** The board's action typed under a question: its row in the question's table, and the cells A:D. */
  | { kind: 'action'; question: number; index: number; cells: readonly unknown[] }
  /** The Segment History's rows at the start: none of them may be lost. */
  | { kind: 'history'; rows: number };

// ---------------------------------------------------------------------------------------------------------
// Starting documents

const LIST: unknown[][] = [
  ['Organization', 'Partner ID', 'Relationship', 'Notes', 'Name length'],
  ['Acme Consulting', 'P1', 'Contractor', 'invoice monthly', '=LEN(A2)'],
  ['City of Springfield', 'P2', 'permit office', 'grant from the city', '=LEN(A3)'],
  ['Helping Hands', 'P3', 'volunteers', 'congregation', '=LEN(A4)'],
  ['Bright Futures Foundation', 'P4', 'funder', 'advisory council member too', '=LEN(A5)'],
  ['Riverside Alliance', 'P5', 'coalition peer', '', '=LEN(A6)'],
  ['Quiet Org', 'P6', 'nothing to say', '', '=LEN(A7)'],
];

/** The list after people changed it: Helping Hands left, two partners arrived. */
const CHANGED_LIST: unknown[][] = [
  ...LIST.filter((row) => row[1] !== 'P3').map((row, i) =>
    i === 0 ? row : row.map((v) => (typeof v === 'string' ? v.replace(/A\d+\)$/, `A${i + 1})`) : v)),
  ),
  ['Metro Transit Agency', 'P7', 'public agency', 'permit', '=LEN(A8)'],
  ['Northside Youth Club', 'P8', 'volunteer club', 'in-kind', '=LEN(A9)'],
];

/** A second sheet of the user's, never the list (no column of names). */
const BUDGET: unknown[][] = [
  ['Year', 'Amount'],
  [2025, 1200],
  [2026, '=B2*1.1'],
];

function userFormatting(s: StandIn): void {
  // What people put on their own list besides values: a note, fills, a formula column.
  const partners = s.workbook.sheetByName('Partners')!;
  partners.ensureCell(1, 1).note = 'Kept by the partnerships team';
  for (let c = 1; c <= 5; c++) (partners.ensureCell(1, c).format ??= {}).background = '#cfe2f3';
  (partners.ensureCell(4, 1).format ??= {}).background = '#fff2cc';
  partners.frozenRows = 1;
}

function newDoc(): Doc {
  const s = createStandIn({ initialSheet: null });
  s.addSheet('Partners', LIST, { formulas: true, maxRows: 30, maxColumns: 8 });
  s.addSheet('Budget', BUDGET, { formulas: true, maxRows: 10, maxColumns: 4 });
  userFormatting(s);
  s.workbook.structureChanged();
  return { s, addon: load(s) };
}

function replaceList(s: StandIn, grid: unknown[][]): void {
  const partners = s.workbook.sheetByName('Partners')!;
  partners.rows = [];
  s.addSheet('Partners', grid, { formulas: true });
  userFormatting(s);
  s.workbook.structureChanged();
}

/** The sheet holding a role's metadata (leftmost), or undefined. */
export function ownedSheetName(s: StandIn, role: Role): string | undefined {
  for (const sheet of s.workbook.sheets) {
    const has = s.workbook.metadata.some(
      (m) =>
        m.key === ROLE_KEY &&
        m.value === role &&
        m.location.type === 'SHEET' &&
        m.location.sheetId === sheet.id,
    );
    if (has) return sheet.name;
  }
  return undefined;
}

function rosterName(s: StandIn): string {
  const name = ownedSheetName(s, 'roster');
  if (!name) throw new Error('no sheet carries the roster role');
  return name;
}

/** What a cell holds as people see it in the formula bar: its formula, else its value ('' when empty). */
export function rawCell(s: StandIn, sheetName: string, row: number, column: number): unknown {
  const cell = s.workbook.sheetByName(sheetName)?.cell(row, column);
  return cell?.formula ?? cell?.value ?? '';
}

function rawColumn(s: StandIn, sheetName: string, column: number): unknown[] {
  const sheet = s.workbook.sheetByName(sheetName)!;
  return Array.from({ length: sheet.rows.length }, (_, i) => rawCell(s, sheetName, i + 1, column));
}

/** The roster cell (row, column) of a partner under a header, or null unless both are found exactly once. */
export function rosterCell(s: StandIn, partner: string, header: string): [number, number] | null {
  const name = rosterName(s);
  const sheet = s.workbook.sheetByName(name)!;
  const headers = (sheet.rows[0] ?? []).map((_, c) => rawCell(s, name, 1, c + 1));
  const columns = headers.flatMap((h, c) => (h === header ? [c + 1] : []));
  const rows = rawColumn(s, name, 1).flatMap((p, r) => (r > 0 && p === partner ? [r + 1] : []));
  if (columns.length !== 1 || rows.length !== 1) return null;
  return [rows[0], columns[0]];
}

function typeInRoster(s: StandIn, partner: string, header: string, text: string): void {
  const at = rosterCell(s, partner, header);
  if (!at) throw new Error(`set-up: no roster cell for ${partner} / ${header}`);
  s.typeInto(rosterName(s), cellA1(at[0], at[1]), text);
}

/** The row under a question where its Board notes cell is (1-based), or null. */
export function boardNotesRow(s: StandIn, question: number): number | null {
  const name = ownedSheetName(s, 'summary');
  if (!name) return null;
  const a = rawColumn(s, name, 1);
  const start = a.indexOf(QUESTIONS[question]);
  if (start < 0) return null;
  const row = a.indexOf('Board notes', start);
  return row < 0 ? null : row + 1;
}

const ROSTER_EDITS: Array<[partner: string, header: string, typed: string, value: unknown]> = [
  ['Acme Consulting', 'Advisor', 'TRUE', true],
  ['Acme Consulting', 'Primary segment', 'Contractor', 'Contractor'],
  ['Acme Consulting', 'Level', 'Collaborating', 'Collaborating'],
  ['Acme Consulting', 'Managed like', 'Advisor', 'Advisor'],
  ['Acme Consulting', 'Notes', 'Met in May', 'Met in May'],
  ['Acme Consulting', 'Owner', 'Dana Whitfield', 'Dana Whitfield'],
  ['Acme Consulting', 'Last contact', '2026-03-01', new Date(Date.UTC(2026, 2, 1))],
  ['City of Springfield', 'Funder', 'FALSE', false],
  ['City of Springfield', 'Reviewed', 'TRUE', true],
  ['City of Springfield', 'Level', 'Coordinating', 'Coordinating'],
  ['Bright Futures Foundation', 'Managed like', 'Funder', 'Funder'],
  ['Bright Futures Foundation', 'Reviewed', 'TRUE', true],
  ['Bright Futures Foundation', 'Notes', 'Board liaison: Sam', 'Board liaison: Sam'],
  ['Riverside Alliance', 'Status', 'Excluded', 'Excluded'],
  ['Quiet Org', 'Community supporter', 'TRUE', true],
  ['Helping Hands', 'Notes', 'Call before the gala', 'Call before the gala'],
];

/** A column of the people's own, between Partner and ID. */
const OWNER_COLUMN: Array<[partner: string, owner: string]> = [
  ['Acme Consulting', 'Dana'],
  ['Riverside Alliance', 'Lee'],
];

function peopleWorkInTheRoster(s: StandIn): void {
  for (const [partner, header, typed] of ROSTER_EDITS) typeInRoster(s, partner, header, typed);
  const name = rosterName(s);
  s.internal(() => {
    const sheet = s.spreadsheet.getSheetByName(name)!;
    sheet.insertColumnBefore(2);
    sheet.getRange('B1').setValue('Handled by');
    // People sort the roster by partner, Z to A.
    sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column: 1, ascending: false });
  });
  for (const [partner, owner] of OWNER_COLUMN) typeInRoster(s, partner, 'Handled by', owner);
}

const BOARD_NOTES: Array<[question: number, typed: string]> = [
  [0, 'Bright Futures gives advice too: thank them.'],
  [2, '=not a formula, just notes'],
  [4, 'Less contract talk with advisors.'],
];

/** Actions the board typed after the first summary: [question, action, owner, Due typed, Due value, Done]. */
const ACTIONS: Array<
  [question: number, action: string, owner: string, due: string, dueValue: unknown, done: boolean]
> = [
  [0, 'Thank Bright Futures for the advice', 'Dana', '2020-02-01', new Date(Date.UTC(2020, 1, 1)), false],
  [0, 'Send the annual report', 'Lee', '', '', true],
  [4, 'Review contractor terms', 'Sam', '2099-03-31', new Date(Date.UTC(2099, 2, 31)), false],
];

/** The row of question q's Action | Owner | Due | Done header (1-based), or null. */
export function actionsHeaderRow(s: StandIn, question: number): number | null {
  const name = ownedSheetName(s, 'summary');
  if (!name) return null;
  const a = rawColumn(s, name, 1);
  const start = a.indexOf(QUESTIONS[question]);
  if (start < 0) return null;
  for (let r = start + 1; r < a.length; r++) {
    if ((QUESTIONS as readonly string[]).includes(String(a[r]))) return null;
    if (a[r] === 'Action' && rawCell(s, name, r + 1, 2) === 'Owner' && rawCell(s, name, r + 1, 4) === 'Done')
      return r + 1;
  }
  return null;
}

const LATER_ROSTER_EDITS: Array<[partner: string, header: string, typed: string, value: unknown]> = [
  ['Quiet Org', 'Managed like', 'Advisor', 'Advisor'],
  ['Metro Transit Agency', 'Reviewed', 'TRUE', true],
];

const rosterEntries = (edits: typeof ROSTER_EDITS): HumanEntry[] =>
  edits.map(([partner, header, , value]) => ({ kind: 'roster', partner, header, value }));

const ownerEntries: HumanEntry[] = OWNER_COLUMN.map(([partner, owner]) => ({
  kind: 'roster',
  partner,
  header: 'Handled by',
  value: owner,
}));

export interface Scenario {
  name: string;
  sidebar: SidebarEntry;
  menu: MenuEntry;
  /** What the sidebar passes (none by default). */
  args?: unknown[];
  /** What the person answers to the menu's prompt or confirmation, if it asks. */
  prompt?: string;
  confirm?: 'YES';
  /** An alert the run shows on its way (the confirmation), not a message about a problem. */
  asks?: RegExp;
  /** A fresh document in the state right before the run (deterministic). */
  start(): Doc;
  /** What people typed before the run, that must be there after the next clean run. */
  entries: HumanEntry[];
  /** Partners the roster must hold exactly once after the run. */
  partners: string[];
}

const ALL_PARTNERS = [
  'Acme Consulting',
  'City of Springfield',
  'Helping Hands',
  'Bright Futures Foundation',
  'Riverside Alliance',
  'Quiet Org',
];
const REFRESHED_PARTNERS = [...ALL_PARTNERS, 'Metro Transit Agency', 'Northside Youth Club'];

/**
 * People deleted the empty rows and columns the add-on's sheets came with. The runs do the same; the formula
 * engine, which calculates over whole columns, then works on tens of rows instead of a thousand.
 */
function trimGrids(s: StandIn): void {
  s.internal(() => {
    for (const sheet of s.spreadsheet.getSheets()) {
      const rows = sheet.getLastRow() + 20;
      const columns = sheet.getLastColumn() + 3;
      if (sheet.getMaxRows() > rows) sheet.deleteRows(rows + 1, sheet.getMaxRows() - rows);
      if (sheet.getMaxColumns() > columns) sheet.deleteColumns(columns + 1, sheet.getMaxColumns() - columns);
    }
  });
}

function refreshStart(): Doc {
  const doc = newDoc();
  doc.addon.run('buildRosterFromSidebar');
  peopleWorkInTheRoster(doc.s);
  replaceList(doc.s, CHANGED_LIST);
  trimGrids(doc.s);
  return doc;
}

function summaryStart(): Doc {
  const doc = refreshStart();
  doc.addon.run('buildRosterFromSidebar');
  trimGrids(doc.s);
  return doc;
}

function regenerationStart(): Doc {
  const doc = summaryStart();
  doc.addon.run('generateSummaryFromSidebar');
  const summary = ownedSheetName(doc.s, 'summary')!;
  for (const [question, typed] of BOARD_NOTES) {
    doc.s.typeInto(summary, `B${boardNotesRow(doc.s, question)}`, typed);
  }
  const used = new Map<number, number>();
  for (const [question, action, owner, due, , done] of ACTIONS) {
    const index = used.get(question) ?? 0;
    used.set(question, index + 1);
    const row = actionsHeaderRow(doc.s, question)! + 1 + index;
    doc.s.typeInto(summary, `A${row}`, action);
    doc.s.typeInto(summary, `B${row}`, owner);
    if (due) doc.s.typeInto(summary, `C${row}`, due);
    if (done) doc.s.typeInto(summary, `D${row}`, 'TRUE');
  }
  for (const [partner, header, typed] of LATER_ROSTER_EDITS) typeInRoster(doc.s, partner, header, typed);
  trimGrids(doc.s);
  return doc;
}

/** The exercise tab's cell (row, column) of a partner under a participant's header, or null. */
export function exerciseCell(s: StandIn, partner: string, person: string): [number, number] | null {
  const name = ownedSheetName(s, 'exercise');
  if (!name) return null;
  const sheet = s.workbook.sheetByName(name)!;
  const names = rawColumn(s, name, 1);
  const headerRow = names.indexOf('Partner') + 1;
  if (headerRow < 1) return null;
  const headers = (sheet.rows[headerRow - 1] ?? []).map((_, c) => rawCell(s, name, headerRow, c + 1));
  const columns = headers.flatMap((h, c) => (h === person ? [c + 1] : []));
  const rows = names.flatMap((p, r) => (r >= headerRow && p === partner ? [r + 1] : []));
  if (columns.length !== 1 || rows.length !== 1) return null;
  return [rows[0], columns[0]];
}

const PICKS: Array<[partner: string, person: string, pick: string]> = [
  ['Acme Consulting', 'Ann', 'Contractor'],
  ['Acme Consulting', 'Bob', 'Contractor'],
  ['Acme Consulting', 'Cy', 'Advisor'],
  ['Bright Futures Foundation', 'Ann', 'Funder'],
  ['Bright Futures Foundation', 'Bob', 'Funder'],
  ['Quiet Org', 'Ann', 'Not a partner'],
  ['Quiet Org', 'Bob', 'Grantee'],
  ['Quiet Org', 'Cy', 'Grantee'],
  ['Metro Transit Agency', 'Cy', "Don't know"],
];
const pickEntries: HumanEntry[] = PICKS.map(([partner, person, value]) => ({
  kind: 'pick',
  partner,
  person,
  value,
}));

/** The exercise set up for three, and their picks; then a partner arrives and the roster is refreshed. */
function exerciseStart(): Doc {
  const doc = summaryStart();
  doc.addon.run('setUpExerciseFromSidebar', 'Ann, Bob, Cy');
  const name = ownedSheetName(doc.s, 'exercise')!;
  for (const [partner, person, pick] of PICKS) {
    const at = exerciseCell(doc.s, partner, person);
    if (!at) throw new Error(`set-up: no exercise cell for ${partner} / ${person}`);
    doc.s.typeInto(name, cellA1(at[0], at[1]), pick);
  }
  replaceList(doc.s, [...CHANGED_LIST, ['Eastside Food Bank', 'P9', 'grant', 'in-kind', '=LEN(A10)']]);
  doc.addon.run('buildRosterFromSidebar');
  trimGrids(doc.s);
  return doc;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'first build',
    sidebar: 'buildRosterFromSidebar',
    menu: 'menuBuildRoster',
    start: newDoc,
    entries: [],
    partners: ALL_PARTNERS,
  },
  {
    name: 'refresh',
    sidebar: 'buildRosterFromSidebar',
    menu: 'menuBuildRoster',
    start: refreshStart,
    entries: [...rosterEntries(ROSTER_EDITS), ...ownerEntries],
    partners: REFRESHED_PARTNERS,
  },
  {
    name: 'first summary',
    sidebar: 'generateSummaryFromSidebar',
    menu: 'menuGenerateSummary',
    start: summaryStart,
    entries: [...rosterEntries(ROSTER_EDITS), ...ownerEntries],
    partners: REFRESHED_PARTNERS,
  },
  {
    name: 'summary regeneration',
    sidebar: 'generateSummaryFromSidebar',
    menu: 'menuGenerateSummary',
    start: regenerationStart,
    entries: [
      ...rosterEntries(ROSTER_EDITS),
      ...ownerEntries,
      ...rosterEntries(LATER_ROSTER_EDITS),
      ...BOARD_NOTES.map(([question, typed]): HumanEntry => ({ kind: 'boardNote', question, typed })),
      ...ACTIONS.map(([question, action, owner, , due, done], i): HumanEntry => ({
        kind: 'action',
        question,
        index: ACTIONS.slice(0, i).filter((a) => a[0] === question).length,
        cells: [action, owner, due, done],
      })),
      { kind: 'history', rows: 1 },
    ],
    partners: REFRESHED_PARTNERS,
  },
  {
    name: 'exercise set-up',
    sidebar: 'setUpExerciseFromSidebar',
    menu: 'menuSetUpExercise',
    args: ['Ann, Bob, Cy'],
    prompt: 'Ann, Bob, Cy',
    start: summaryStart,
    entries: [...rosterEntries(ROSTER_EDITS), ...ownerEntries],
    partners: REFRESHED_PARTNERS,
  },
  {
    name: 'exercise re-run',
    sidebar: 'setUpExerciseFromSidebar',
    menu: 'menuSetUpExercise',
    args: ['Ann, Bob, Cy, Di'],
    prompt: 'Ann, Bob, Cy, Di',
    start: exerciseStart,
    entries: [...rosterEntries(ROSTER_EDITS), ...ownerEntries, ...pickEntries],
    partners: [...REFRESHED_PARTNERS, 'Eastside Food Bank'],
  },
  {
    name: 'bring-in',
    sidebar: 'bringInPicksFromSidebar',
    menu: 'menuBringInPicks',
    confirm: 'YES',
    // The confirmation, and, after a stopped run that had brought everything in, that nothing is left to do.
    asks: /^(For the \d+ partners? where more than half of the participants picked the same segment|The roster already has the group's segment)/,
    start: exerciseStart,
    entries: [...rosterEntries(ROSTER_EDITS), ...ownerEntries, ...pickEntries],
    partners: [...REFRESHED_PARTNERS, 'Eastside Food Bank'],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Copies of a starting document (building each start from scratch costs more than the runs themselves)

type Mutable = Record<string, unknown>;

/**
 * A new stand-in and add-on holding a copy of `doc`'s document: sheets (cells, notes, formats, validations,
 * rules, merges, protections, charts, sizes, frozen panes), developer metadata, document properties. The copy
 * is checked against a real start by the suite before it is trusted.
 */
export function copyDoc(doc: Doc): Doc {
  const from = doc.s.workbook;
  const s = createStandIn({ initialSheet: null });
  const to = s.workbook;
  to.sheets = from.sheets.map((sheet) => {
    const copy = Object.create(Object.getPrototypeOf(sheet)) as SheetModel;
    Object.assign(copy, structuredClone({ ...sheet }));
    return copy;
  });
  to.metadata = structuredClone(from.metadata);
  to.activeSheetId = from.activeSheetId;
  to.nextObjectId = from.nextObjectId;
  to.activeRanges = structuredClone(from.activeRanges);
  for (const key of ['nextSheetId', 'nextMetadataId']) {
    (to as unknown as Mutable)[key] = (from as unknown as Mutable)[key];
  }
  for (const [k, v] of doc.s.properties.document) s.properties.document.set(k, v);
  to.structureChanged();
  return { s, addon: load(s) };
}

// ---------------------------------------------------------------------------------------------------------
// What a person would compare: the document as it stands, without calculating anything

const TIMESTAMP = /\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}\b/g;

function rectText(s: StandIn, rect: GridRect): string {
  const sheet = s.workbook.sheetById(rect.sheetId);
  return `${sheet?.name ?? `#${rect.sheetId}`}!${cellA1(rect.row, rect.column)}:${cellA1(
    rect.row + rect.numRows - 1,
    rect.column + rect.numColumns - 1,
  )}`;
}

function metadataText(m: MetadataEntry): string {
  const loc = m.location;
  const where =
    loc.type === 'SPREADSHEET'
      ? 'spreadsheet'
      : loc.type === 'SHEET'
        ? 'sheet'
        : `${loc.type.toLowerCase()} ${loc.type === 'ROW' ? loc.index : columnToLetters(loc.index)}`;
  return `${where}: ${m.key}=${m.value} (${m.visibility})`;
}

/** One cell as people would judge it: content, note, format, validation; undefined when it shows nothing. */
function cellView(cell: Cell | undefined): Record<string, unknown> | undefined {
  if (!cell) return undefined;
  const view: Record<string, unknown> = {};
  if (cell.formula !== undefined) view.formula = cell.formula;
  else if (cell.value !== undefined && cell.value !== '') view.value = cell.value;
  if (cell.note) view.note = cell.note;
  const format = Object.fromEntries(Object.entries(cell.format ?? {}).filter(([, v]) => v !== undefined));
  if (Object.keys(format).length) view.format = format;
  if (cell.validation) view.validation = cell.validation;
  return Object.keys(view).length ? view : undefined;
}

export interface SheetView {
  cells: Record<string, Record<string, unknown>>;
  frozen: [number, number];
  hidden: boolean;
  tabColor: string | null;
  merges: string[];
  conditionalRules: string[];
  protections: string[];
  charts: string[];
  columnWidths: string[];
  metadata: string[];
}

export interface Comparable {
  sheetNames: string[];
  sheets: Record<string, SheetView>;
  properties: Record<string, string>;
  spreadsheetMetadata: string[];
  /** Metadata whose sheet no longer exists. */
  orphanMetadata: string[];
  /** Role → names of the sheets carrying it. */
  roles: Record<Role, string[]>;
}

function sheetView(s: StandIn, sheet: SheetModel): SheetView {
  const cells: SheetView['cells'] = {};
  sheet.rows.forEach((line, r) =>
    line?.forEach((cell, c) => {
      const view = cellView(cell);
      if (view) cells[cellA1(r + 1, c + 1)] = view;
    }),
  );
  return {
    cells,
    frozen: [sheet.frozenRows, sheet.frozenColumns],
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    merges: sheet.merges.map((m) => rectText(s, m)).sort(),
    conditionalRules: sheet.conditionalRules.map((rule) =>
      JSON.stringify({ ...rule, ranges: rule.ranges.map((r) => rectText(s, r)) }),
    ),
    protections: sheet.protections.map((p) =>
      [
        p.type,
        rectText(s, p.rect),
        p.description,
        p.warningOnly ? 'warning only' : 'enforced',
        p.unprotected
          .map((r) => rectText(s, r))
          .sort()
          .join(','),
      ].join(' | '),
    ),
    charts: sheet.charts.map((c) =>
      JSON.stringify({ ...c, id: undefined, ranges: c.ranges.map((r) => rectText(s, r)) }),
    ),
    columnWidths: [...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => `${c}:${w}`),
    metadata: s.workbook.metadata
      .filter((m) => m.location.type !== 'SPREADSHEET' && m.location.sheetId === sheet.id)
      .map((m) => metadataText(m))
      .sort(),
  };
}

export function comparable(s: StandIn): Comparable {
  const sheets: Record<string, SheetView> = {};
  for (const sheet of s.workbook.sheets) sheets[sheet.name] = sheetView(s, sheet);
  const sheetIds = new Set(s.workbook.sheets.map((sheet) => sheet.id));
  const roles = Object.fromEntries(
    ROLES.map((role) => [
      role,
      s.workbook.sheets
        .filter((sheet) =>
          s.workbook.metadata.some(
            (m) =>
              m.key === ROLE_KEY &&
              m.value === role &&
              m.location.type === 'SHEET' &&
              m.location.sheetId === sheet.id,
          ),
        )
        .map((sheet) => sheet.name),
    ]),
  ) as Record<Role, string[]>;
  const view: Comparable = {
    sheetNames: s.workbook.sheets.map((sheet) => sheet.name),
    sheets,
    properties: Object.fromEntries(s.properties.document),
    spreadsheetMetadata: s.workbook.metadata
      .filter((m) => m.location.type === 'SPREADSHEET')
      .map((m) => metadataText(m))
      .sort(),
    orphanMetadata: s.workbook.metadata
      .filter((m) => m.location.type !== 'SPREADSHEET' && !sheetIds.has(m.location.sheetId))
      .map((m) => `${metadataText(m)} on a deleted sheet`),
    roles,
  };
  // The summary says when it was generated: a clean run at another minute writes another time.
  return JSON.parse(JSON.stringify(view).replace(TIMESTAMP, '<generated at>')) as Comparable;
}

/** The user's own sheets (no role metadata marks them), to compare before and after a run. */
export function userSheets(s: StandIn, names: string[]): Record<string, SheetView | 'missing'> {
  const sheets = comparable(s).sheets;
  return Object.fromEntries(names.map((name) => [name, sheets[name] ?? 'missing']));
}

/** Sheets no role metadata marks as the add-on's: the user's own. */
export function userSheetNames(s: StandIn): string[] {
  const owned = new Set(ROLES.map((r) => ownedSheetName(s, r)));
  return s.workbook.sheets.map((sheet) => sheet.name).filter((name) => !owned.has(name));
}

/** Paths where two documents (or parts) differ, the first `limit`, each with what `expected` holds there. */
export function differences(
  actual: unknown,
  expected: unknown,
  limit = 10,
  expectedIs = 'a clean run gives',
): string[] {
  const out: string[] = [];
  const walk = (path: string, a: unknown, b: unknown) => {
    if (out.length > limit || JSON.stringify(a) === JSON.stringify(b)) return;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
      for (const k of keys) walk(`${path} ${k}`, (a as Mutable)[k], (b as Mutable)[k]);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((x, i) => walk(`${path}[${i}]`, x, b[i]));
      return;
    }
    if (out.length === limit) out.push('…');
    else out.push(`${path.trim()}: ${short(a)}, ${expectedIs} ${short(b)}`);
  };
  walk('', actual, expected);
  return out;
}

function short(v: unknown): string {
  const text = JSON.stringify(v);
  if (text === undefined) return 'nothing';
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}

/** What a person would see wrong, in words: lost entries, duplicates, leftovers. */
export function visibleProblems(s: StandIn, scenario: Scenario): string[] {
  const problems: string[] = [];
  const c = comparable(s);
  for (const role of ROLES) {
    if (c.roles[role].length > 1) problems.push(`${c.roles[role].length} sheets carry the ${role} role`);
  }
  for (const name of c.sheetNames) {
    if (/ \(\d+\)$/.test(name)) problems.push(`a sheet named "${name}" is left over`);
  }
  problems.push(...c.orphanMetadata);
  const history = ownedSheetName(s, 'history');
  const generations = history
    ? rawColumn(s, history, 1)
        .slice(1)
        .filter((v) => v !== '')
    : [];
  const twice = generations.filter((g, i) => generations.indexOf(g) !== i);
  if (twice.length > 0) problems.push(`the Segment History holds generation ${short(twice[0])} twice`);
  const roster = ownedSheetName(s, 'roster');
  if (!roster) return [...problems, 'no sheet carries the roster role'];
  const names = rawColumn(s, roster, 1).slice(1);
  for (const partner of scenario.partners) {
    const count = names.filter((n) => n === partner).length;
    if (count !== 1) problems.push(`${partner} is in the roster ${count} times`);
  }
  for (const entry of scenario.entries) {
    if (entry.kind === 'roster') {
      const at = rosterCell(s, entry.partner, entry.header);
      const got = at ? rawCell(s, roster, at[0], at[1]) : '(no such cell)';
      // Dates compared by time: a copied document holds its own Date objects (possibly of another realm).
      const time = (v: unknown) =>
        Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).getTime() : null;
      const same = time(entry.value) !== null ? time(got) === time(entry.value) : got === entry.value;
      if (!same)
        problems.push(
          `${entry.partner} / ${entry.header} holds ${short(got)}, people typed ${short(entry.value)}`,
        );
    } else if (entry.kind === 'pick') {
      const at = exerciseCell(s, entry.partner, entry.person);
      const got = at ? rawCell(s, ownedSheetName(s, 'exercise')!, at[0], at[1]) : '(no such cell)';
      if (got !== entry.value)
        problems.push(
          `${entry.partner} / ${entry.person} picked ${short(got)}, people picked ${short(entry.value)}`,
        );
    } else if (entry.kind === 'action') {
      const header = actionsHeaderRow(s, entry.question);
      const summary = ownedSheetName(s, 'summary');
      const got =
        header && summary ? [1, 2, 3, 4].map((c) => rawCell(s, summary, header + 1 + entry.index, c)) : [];
      const time = (v: unknown) =>
        Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).getTime() : v;
      if (got.length === 0 || got.some((v, c) => time(v) !== time(entry.cells[c])))
        problems.push(
          `action ${entry.index + 1} of question ${entry.question + 1} holds ${short(got)}, people typed ${short(entry.cells)}`,
        );
    } else if (entry.kind === 'history') {
      const history = ownedSheetName(s, 'history');
      const rows = history
        ? rawColumn(s, history, 1)
            .slice(1)
            .filter((v) => v !== '').length
        : 0;
      if (rows < entry.rows) problems.push(`the Segment History has ${rows} rows, it had ${entry.rows}`);
    } else {
      const row = boardNotesRow(s, entry.question);
      const summary = ownedSheetName(s, 'summary');
      const got = row && summary ? rawCell(s, summary, row, 2) : '(no Board notes cell)';
      if (got !== entry.typed)
        problems.push(
          `Board notes of question ${entry.question + 1} hold ${short(got)}, people typed ${short(entry.typed)}`,
        );
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Runs

function entryOf(scenario: Scenario, path: Path): string {
  return path === 'sidebar' ? scenario.sidebar : scenario.menu;
}

/** Runs the scenario's entry as the sidebar or the menu would, a person answering its prompt or confirmation. */
function runEntry(doc: Doc, scenario: Scenario, path: Path): void {
  const ui = doc.s.core.ui;
  ui.promptResponses.length = 0;
  ui.alertResponses.length = 0;
  if (path === 'menu' && scenario.prompt !== undefined)
    ui.promptResponses.push({ button: 'OK', text: scenario.prompt });
  if (path === 'menu' && scenario.confirm) ui.alertResponses.push(scenario.confirm);
  doc.addon.run(entryOf(scenario, path), ...(path === 'sidebar' ? (scenario.args ?? []) : []));
}

function messageOf(e: unknown): string {
  return e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
}

export interface CleanRun {
  /** Method of each counted call, in order (index 0 = call 1). */
  methods: string[];
  /** The document after the run. */
  after: Comparable;
  threw: string | null;
}

/** Runs the scenario without faults, recording each counted call. */
export function cleanRun(doc: Doc, scenario: Scenario, path: Path): CleanRun {
  const { s } = doc;
  const methods: string[] = [];
  const stop = s.onServiceCall((info) => methods.push(`${info.className}.${info.method}`));
  let threw: string | null = null;
  try {
    runEntry(doc, scenario, path);
  } catch (e) {
    threw = messageOf(e);
  }
  stop();
  return { methods, after: comparable(s), threw };
}

export interface FaultOutcome {
  /** The method of the call that failed (null: the run never reached call n). */
  failedMethod: string | null;
  /** What the run threw, or null when it returned. */
  thrown: string | null;
  /** Alerts and toasts shown during the run (menu). */
  alerts: string[];
  toasts: string[];
  /** The user's own sheets before and right after the faulted run. */
  userSheetsBefore: Record<string, SheetView | 'missing'>;
  userSheetsAfter: Record<string, SheetView | 'missing'>;
  /** The document right after the faulted run. */
  afterFault: Comparable;
}

/** Runs the scenario on `doc` with the n-th counted call failing in the given phase. */
export function faultedRun(
  doc: Doc,
  scenario: Scenario,
  path: Path,
  n: number,
  phase: CallPhase,
): FaultOutcome {
  const { s } = doc;
  const names = userSheetNames(s);
  const userSheetsBefore = userSheets(s, names);
  const target = s.calls.count + n;
  let failedMethod: string | null = null;
  const stop = s.onServiceCall((info) => {
    if (info.index === target) failedMethod = `${info.className}.${info.method}`;
  });
  const alertsBefore = s.ui.alerts.length;
  const toastsBefore = s.ui.toasts.length;
  s.failOnCall(n, phase);
  let thrown: string | null = null;
  try {
    runEntry(doc, scenario, path);
  } catch (e) {
    thrown = messageOf(e);
  }
  stop();
  // Disarm a fault the run never reached, so it cannot strike the next run.
  s.failOnCall(Number.MAX_SAFE_INTEGER, phase);
  return {
    failedMethod,
    thrown,
    alerts: s.ui.alerts
      .slice(alertsBefore)
      .map((a) => a.prompt)
      .filter((a) => !scenario.asks?.test(a)),
    toasts: s.ui.toasts.slice(toastsBefore).map((t) => `${t.title ?? ''}: ${t.message}`),
    userSheetsBefore,
    userSheetsAfter: userSheets(s, names),
    afterFault: comparable(s),
  };
}

/** A message a person can act on: plain words, no programming error showing through; null when it is. */
export function unclearMessage(message: string): string | null {
  const text = message.trim();
  if (!text) return 'the message is empty';
  const bad =
    /\b(TypeError|ReferenceError|RangeError|SyntaxError|is not a function|is not defined|Cannot read|Cannot set|undefined|null|NaN|object Object|not emulated)\b/i.exec(
      text,
    );
  if (bad) return `it shows a programming error ("${bad[0]}")`;
  if (/\n\s+at /.test(text)) return 'it shows a stack trace';
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// One case

export interface Prepared {
  scenario: Scenario;
  /** The starting document; every case runs on a copy. */
  template: Doc;
  /** Clean runs from the start, counted at test time. */
  clean: Record<Path, CleanRun>;
}

export function prepare(scenario: Scenario): Prepared {
  const template = scenario.start();
  return {
    scenario,
    template,
    clean: {
      sidebar: cleanRun(copyDoc(template), scenario, 'sidebar'),
      menu: cleanRun(copyDoc(template), scenario, 'menu'),
    },
  };
}

/** Everything a person would notice about one stopped run and the clean run after it; [] when all is well. */
export function problemsAfterFault(p: Prepared, path: Path, n: number, phase: CallPhase): string[] {
  const { scenario } = p;
  const reference = p.clean[path].after;
  const doc = copyDoc(p.template);
  const fault = faultedRun(doc, scenario, path, n, phase);
  const problems: string[] = [];
  if (fault.failedMethod === null)
    problems.push(`the run made fewer than ${n} calls: the fault never struck`);

  // 1. A clear message.
  if (path === 'sidebar') {
    if (fault.thrown !== null) {
      const why = unclearMessage(fault.thrown);
      if (why) problems.push(`the sidebar shows "${fault.thrown}": ${why}`);
    } else {
      const unlike = differences(fault.afterFault, reference);
      if (unlike.length)
        problems.push('the run reported success but left the workbook unlike a clean run:', ...unlike);
    }
  } else {
    if (fault.thrown !== null)
      problems.push(`the menu handler threw instead of telling the user: ${fault.thrown}`);
    if (fault.alerts.length === 0) {
      const unlike = differences(fault.afterFault, reference);
      if (unlike.length) problems.push('no alert, yet the workbook is unlike a clean run:', ...unlike);
    }
    for (const alert of fault.alerts) {
      const why = unclearMessage(alert);
      if (why) problems.push(`the alert says "${alert}": ${why}`);
    }
  }

  // 2. The user's own sheets untouched by the stopped run.
  const touched = differences(fault.userSheetsAfter, fault.userSheetsBefore, 10, 'before the run it held');
  if (touched.length) problems.push("the stopped run changed the user's own sheets:", ...touched);

  // 3. The next clean run leaves the workbook as a clean run would.
  const alertsBefore = doc.s.ui.alerts.length;
  const next = cleanRun(doc, scenario, path);
  if (next.threw !== null) problems.push(`the next clean run failed: "${next.threw}"`);
  const nextAlerts = doc.s.ui.alerts
    .slice(alertsBefore)
    .map((a) => a.prompt)
    .filter((a) => !scenario.asks?.test(a));
  if (nextAlerts.length) problems.push(`the next clean run alerted: "${nextAlerts.join(' / ')}"`);
  problems.push(...visibleProblems(doc.s, scenario));
  const unlike = differences(next.after, reference);
  if (unlike.length)
    problems.push("after the next clean run the workbook differs from a clean run's:", ...unlike);
  return problems;
}
