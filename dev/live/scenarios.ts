// The end-to-end scenarios of `npm run test:live`, run the same way in a real spreadsheet (SelfCheck.js pushed
// beside the add-on's Code.js) and offline in the stand-in (test/live/selfCheck.test.ts). They use only
// Apps Script globals and the add-on's top-level functions, as a person does through the sidebar: make a partner
// list, build, tick and choose, rename a segment, change the list, refresh, generate the summary, type Board
// notes, regenerate. Every step is timed; every outcome PRODUCT.md promises is checked and reported, never
// thrown. Each scenario deletes what it made and puts the document properties back; it never touches a sheet
// it did not make, and refuses to start where the add-on's tabs already exist.
import type { ListChoice, Overview, RosterReport, SegmentsView, SummaryReport } from '../../src/api';
import type {
  CallCount,
  CheckResult,
  CleanupReport,
  ProbeUnits,
  ScenarioReport,
  SelfCheckOptions,
  SelfCheckReport,
  StepReport,
} from './report';

// The add-on's top-level functions (dist/Code.js), called as globals: Apps Script runs every file of a project
// in one global scope.
declare function getOverview(): Overview;
declare function chooseList(choice: ListChoice): Overview;
declare function getSegments(): SegmentsView;
declare function renameSegment(id: string, name: string): SegmentsView;
declare function buildRosterFromSidebar(): RosterReport;
declare function generateSummaryFromSidebar(): SummaryReport;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Cell = string | number | boolean;

/** PRODUCT.md: the add-on finds its sheets by this developer-metadata key. */
const ROLE_KEY = 'partnerSegments.role';
const CUSTOM_FUNCTION_CALL = /\b(PARTNER_SEGMENT|SEGMENT_HOW_TO_MANAGE)\s*\(/i;
const QUESTIONS = [
  'Do we have any partners who fall into more than one segment? What does that tell us about those partners?',
  'Where do we manage partner relationships appropriately (i.e., appropriate for the segment)?',
  'Where could we improve?',
  'How does looking at our partners by segment affect how you think about partner relationships?',
  'What should we start doing differently (more of this, less of that) in relation to our partner segments?',
];
const BOARD_NOTES = 'Board notes';

export const SCENARIOS = ['round trip', 'larger list', 'timing probes'] as const;

/** One scenario's run: its checks, timed steps, and what it made. */
class Run {
  readonly checks: CheckResult[] = [];
  readonly steps: StepReport[] = [];
  /** Sheets the scenario itself inserted (its partner lists). */
  readonly made = new Set<number>();

  constructor(
    readonly ss: Spreadsheet,
    private readonly counter: (() => CallCount) | undefined,
  ) {}

  check(name: string, ok: boolean, detail?: unknown): boolean {
    const result: CheckResult = { name, ok };
    if (!ok && detail !== undefined)
      result.detail = typeof detail === 'string' ? detail : JSON.stringify(detail);
    this.checks.push(result);
    return ok;
  }

  /** Expects `actual` to equal `expected` (compared as JSON). */
  same(name: string, actual: unknown, expected: unknown): boolean {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    return this.check(name, a === e, `expected ${e}, got ${a}`);
  }

  /** Times `fn` and the flush after it; with a counter, counts its service calls too. */
  step<T>(name: string, kind: StepReport['kind'], fn: () => T): T {
    const before = this.counter?.();
    const start = Date.now();
    const result = fn();
    const after = this.counter?.();
    SpreadsheetApp.flush(); // pending writes land inside the step's time
    const step: StepReport = { name, kind, seconds: (Date.now() - start) / 1000 };
    if (before && after) {
      step.calls = after.calls - before.calls;
      step.cellsWritten = after.cellsWritten - before.cellsWritten;
    }
    this.steps.push(step);
    return result;
  }

  /** Times a probe: `fn` reads something and returns how many getters it called. */
  probe(name: string, fn: () => number): void {
    const start = Date.now();
    const getters = fn();
    this.steps.push({ name, kind: 'probe', seconds: (Date.now() - start) / 1000, getters });
  }

  /**
   * Times `fn` from a flush (nothing queued before it) to the flush after it, with what it did (`units`), and the
   * closing flush's own share (flushSeconds).
   */
  timed(name: string, units: ProbeUnits, fn: () => void): void {
    SpreadsheetApp.flush();
    const start = Date.now();
    fn();
    const before = Date.now();
    SpreadsheetApp.flush();
    const end = Date.now();
    this.steps.push({
      name,
      kind: 'probe',
      seconds: (end - start) / 1000,
      flushSeconds: (end - before) / 1000,
      units,
    });
  }

  /** A new sheet for the scenario's partner list, under a name no sheet has. */
  insertList(base: string, grid: Cell[][]): Sheet {
    const taken = new Set(this.ss.getSheets().map((s) => s.getName().toLowerCase()));
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
    const sheet = this.ss.insertSheet(name, this.ss.getSheets().length);
    this.made.add(sheet.getSheetId());
    sheet.getRange(1, 1, grid.length, grid[0].length).setValues(grid);
    return sheet;
  }
}

/** A sheet read once: values and formulas, rows keyed by header. */
class Table {
  readonly header: string[];
  readonly values: unknown[][];
  readonly formulas: string[][];

  constructor(readonly sheet: Sheet) {
    const range = sheet.getDataRange();
    this.values = range.getValues();
    this.formulas = range.getFormulas();
    this.header = this.values[0].map((h) => String(h));
  }

  get rows(): unknown[][] {
    return this.values.slice(1);
  }

  column(header: string): number {
    return this.header.indexOf(header);
  }

  /** The roster rows of a partner (by the Partner column). */
  rowsOf(partner: string): Record<string, unknown>[] {
    const p = this.column('Partner');
    return this.rows
      .filter((r) => r[p] === partner)
      .map((r) => Object.fromEntries(this.header.map((h, i) => [h, r[i]])));
  }

  row(partner: string): Record<string, unknown> {
    return this.rowsOf(partner)[0] ?? {};
  }

  /** Column A as text (the summary's labels, questions and evidence). */
  columnA(): string[] {
    return this.values.map((r) => String(r[0]));
  }

  /** Writes one cell of a partner's row, as a person would. */
  set(partner: string, header: string, value: Cell): void {
    const p = this.column('Partner');
    const row = this.rows.findIndex((r) => r[p] === partner);
    const column = this.column(header);
    if (row < 0 || column < 0) throw new Error(`The roster has no "${header}" cell for ${partner}.`);
    this.sheet.getRange(row + 2, column + 1).setValue(value);
  }
}

// ——— Checks shared by the scenarios ———

/** Segment columns in use: between Suggested and # Segments (PRODUCT.md's order), retired ones left out. */
function segmentColumns(roster: Table): number[] {
  const from = roster.column('Suggested');
  const to = roster.column('# Segments');
  const out: number[] = [];
  for (let c = from + 1; c < to; c++) if (!/\(retired\)$/.test(roster.header[c])) out.push(c);
  return out;
}

function checkRoster(run: Run, label: string, roster: Table, partners: string[]): void {
  const p = roster.column('Partner');
  const names = roster.rows.map((r) => String(r[p]));
  const missing = partners.filter((n) => !names.includes(n));
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  const extra = names.filter((n) => !partners.includes(n));
  run.check(`${label}: every partner once`, missing.length + twice.length + extra.length === 0, {
    missing,
    twice,
    extra,
  });
  const count = roster.column('# Segments');
  const columns = segmentColumns(roster);
  const wrong = roster.rows
    .filter((r) => r[count] !== columns.filter((c) => r[c] === true).length)
    .map((r) => `${String(r[p])}: # Segments ${String(r[count])}`);
  run.check(`${label}: # Segments equals the ticks`, count >= 0 && wrong.length === 0, wrong.slice(0, 5));
  run.check(
    `${label}: # Segments is a live formula`,
    roster.formulas.slice(1).every((r) => r[count] !== ''),
    'a # Segments cell holds a value, not a formula',
  );
}

function checkNoCustomFunctions(run: Run, tables: Table[]): void {
  for (const table of tables) {
    const calls = table.formulas.flat().filter((f) => CUSTOM_FUNCTION_CALL.test(f));
    run.check(`no custom function in ${table.sheet.getName()}`, calls.length === 0, calls.slice(0, 3));
  }
}

/** Row (0-based) of each question, and of the Board notes row under it. */
function questionRows(summary: Table): { question: number; notes: number }[] {
  const a = summary.columnA();
  return QUESTIONS.map((q) => {
    const question = a.findIndex((text) => text.trim().endsWith(q));
    const notes = question < 0 ? -1 : a.indexOf(BOARD_NOTES, question);
    return { question, notes };
  });
}

function checkSummary(run: Run, label: string, summary: Table): void {
  const rows = questionRows(summary);
  run.check(
    `${label}: the five questions, each with a Board notes cell`,
    rows.every((r) => r.question >= 0 && r.notes > r.question),
    rows,
  );
  run.check(
    `${label}: live counts are formulas`,
    summary.formulas.flat().some((f) => f !== ''),
    'no formula in the summary',
  );
}

/** The evidence lines under question q (between it and its Board notes row). */
function evidence(summary: Table, q: number): string[] {
  const { question, notes } = questionRows(summary)[q];
  return question < 0 || notes < 0 ? [] : summary.columnA().slice(question + 1, notes);
}

function sheetNamed(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`No sheet named "${name}" after the add-on reported it.`);
  return sheet;
}

// ——— Scenario 1: what a team does before a board meeting ———

const SAMPLE: Cell[][] = [
  ['Our partners (Partner Segments self-check)', '', '', '', ''],
  ['Organization', 'Partner ID', 'Relationship', 'Notes', 'Contact email'],
  ['Acme Consulting', 'P1', 'Contractor', 'invoice monthly', 'billing@acme.example'],
  ['City of Springfield', 'P2', 'permit office', 'grant from the city', ''],
  ['Helping Hands', 'P3', 'volunteers', '', ''],
  ['Bright Futures Foundation', 'P4', 'funder', 'advisory council member too', ''],
  ['Acme Consulting', 'P1', 'vendor', 'the same partner on a second row', ''],
  ['', '', '', '', ''],
  ['Riverside Alliance', 'P5', 'coalition peer', '', ''],
  ['Quiet Org', 'P6', 'newsletter', '', ''],
];
const SAMPLE_PARTNERS = [
  'Acme Consulting',
  'City of Springfield',
  'Helping Hands',
  'Bright Futures Foundation',
  'Riverside Alliance',
  'Quiet Org',
];
const RENAMED = 'Expert advisor';

function roundTrip(run: Run): number {
  const ss = run.ss;
  const list = run.step('write the partner list', 'edit', () =>
    run.insertList('Self-check partners', SAMPLE),
  );
  run.step('chooseList', 'addon', () => chooseList({ sheet: list.getName() }));

  const first = run.step('build the roster', 'addon', () => buildRosterFromSidebar());
  run.same(
    'first build: report',
    [first.firstBuild, first.partners, first.new],
    [true, SAMPLE_PARTNERS.length, SAMPLE_PARTNERS.length],
  );
  const rosterSheet = sheetNamed(ss, first.rosterSheet);
  let roster = new Table(rosterSheet);
  checkRoster(run, 'first build', roster, SAMPLE_PARTNERS);
  run.same(
    'first build: suggestions ticked, nothing reviewed yet',
    [roster.row('Acme Consulting').Contractor, roster.row('Acme Consulting').Reviewed],
    [true, false],
  );
  run.check(
    'first build: every partner In list',
    roster.rows.every((r) => r[roster.column('Status')] === 'In list'),
  );

  // Relationship upkeep (#12): Next review is a live formula over the Segments table's rhythms (an array
  // expression, checked here in real Sheets too): "now" without a Last contact; a Last contact on 2020-01-10 (as its
  // day number) plus a Contractor's 3 months is 2020-04-10, long past, so Check says the review is overdue.
  run.same(
    'first build: Next review "now" without a Last contact',
    roster.row('Acme Consulting')['Next review'],
    'now',
  );
  run.step('type a Last contact', 'edit', () => roster.set('Acme Consulting', 'Last contact', 43840));
  roster = new Table(rosterSheet);
  const next = roster.row('Acme Consulting')['Next review'];
  const zone = ss.getSpreadsheetTimeZone();
  run.same(
    'Last contact plus the rhythm: Next review 2020-04-10, a review overdue',
    [
      next instanceof Date ? Utilities.formatDate(next, zone, 'yyyy-MM-dd') : next,
      String(roster.row('Acme Consulting').Check).split('; ').includes('Review overdue'),
    ],
    [next instanceof Date ? '2020-04-10' : 43931, true],
  );

  run.step('tick, untick, choose, exclude', 'edit', () => {
    roster.set('Acme Consulting', 'Advisor', true);
    roster.set('Acme Consulting', 'Managed like', 'Advisor');
    roster.set('Acme Consulting', 'Level', 'Collaborating');
    roster.set('Acme Consulting', 'Notes', 'Met in May');
    roster.set('City of Springfield', 'Funder', false);
    roster.set('City of Springfield', 'Reviewed', true);
    roster.set('City of Springfield', 'Primary segment', 'Public agency');
    roster.set('Riverside Alliance', 'Status', 'Excluded');
  });

  const segments = run.step('getSegments', 'addon', () => getSegments());
  const advisor = segments.segments.find((s) => s.name === 'Advisor');
  if (!advisor) throw new Error('getSegments lists no "Advisor" segment.');
  const renamed = run.step('renameSegment', 'addon', () => renameSegment(advisor.id, RENAMED));
  run.check(
    'rename in the sidebar: the segment keeps its id',
    renamed.segments.some((s) => s.id === advisor.id && s.name === RENAMED),
    renamed.segments.map((s) => s.name),
  );

  // The list changes: Helping Hands leaves, a new partner arrives.
  run.step('change the partner list', 'edit', () => {
    const names = list.getRange(1, 1, list.getLastRow(), 1).getValues();
    const at = names.findIndex((r) => r[0] === 'Helping Hands');
    if (at < 0) throw new Error('Helping Hands is not in the list any more.');
    list.deleteRow(at + 1);
    list.appendRow(['Metro Transit Agency', 'P7', 'public agency', 'permit', '']);
  });
  const listAfterEdits = JSON.stringify(list.getDataRange().getValues());

  const refresh = run.step('refresh the roster', 'addon', () => buildRosterFromSidebar());
  run.same(
    'refresh: report',
    [refresh.firstBuild, refresh.new, refresh.notInList, refresh.excluded],
    [false, 1, 1, 1],
  );
  roster = new Table(rosterSheet);
  const afterRefresh = [...SAMPLE_PARTNERS, 'Metro Transit Agency'];
  checkRoster(run, 'refresh', roster, afterRefresh);
  run.check(
    'refresh: the renamed segment heads its column',
    roster.header.includes(RENAMED) && !roster.header.includes('Advisor'),
    roster.header,
  );
  const acme = roster.row('Acme Consulting');
  run.same(
    'refresh: ticks, choices and notes kept, following the rename',
    [acme.Contractor, acme[RENAMED], acme['Managed like'], acme.Level, acme.Notes],
    [true, true, RENAMED, 'Collaborating', 'Met in May'],
  );
  const city = roster.row('City of Springfield');
  run.same(
    'refresh: an untick, Reviewed and Primary segment kept',
    [city.Funder, city.Reviewed, city['Primary segment']],
    [false, true, 'Public agency'],
  );
  run.same(
    'refresh: Status',
    [
      roster.row('Helping Hands').Status,
      roster.row('Riverside Alliance').Status,
      roster.row('Metro Transit Agency').Status,
    ],
    ['Not in list', 'Excluded', 'In list'],
  );
  run.same(
    'refresh: a new partner arrives with its suggestions',
    [roster.row('Metro Transit Agency')['Public agency'], roster.row('Metro Transit Agency').Reviewed],
    [true, false],
  );

  const before = JSON.stringify([roster.values, roster.formulas]);
  const again = run.step('refresh again', 'addon', () => buildRosterFromSidebar());
  roster = new Table(rosterSheet);
  run.check('refresh twice: nothing new', again.new === 0 && again.notInList === 1, again);
  run.check(
    'refresh twice: the roster is unchanged',
    JSON.stringify([roster.values, roster.formulas]) === before,
  );

  const generated = run.step('generate the summary', 'addon', () => generateSummaryFromSidebar());
  const summarySheet = sheetNamed(ss, generated.summarySheet);
  let summary = new Table(summarySheet);
  checkSummary(run, 'summary', summary);
  const multi = evidence(summary, 0).join('\n');
  run.check(
    'summary: multi-segment partners as the board left them',
    multi.includes('Acme Consulting') && multi.includes(RENAMED),
    evidence(summary, 0),
  );
  run.check(
    'summary: an Excluded partner is left out',
    !summary.columnA().join('\n').includes('Riverside Alliance'),
    summary.columnA().filter((a) => a.includes('Riverside Alliance')),
  );

  const NOTES = ['Acme gives advice too: thank them for it.', 'Start: a yearly check-in per segment.'];
  run.step('type Board notes', 'edit', () => {
    const rows = questionRows(summary);
    summarySheet.getRange(rows[0].notes + 1, 2).setValue(NOTES[0]);
    summarySheet.getRange(rows[4].notes + 1, 2).setValue(NOTES[1]);
  });
  run.step('generate the summary again', 'addon', () => generateSummaryFromSidebar());
  summary = new Table(summarySheet);
  checkSummary(run, 'summary again', summary);
  const notes = questionRows(summary).map((r) => (r.notes < 0 ? null : summary.values[r.notes][1]));
  run.same('summary again: Board notes kept with their questions', notes, [NOTES[0], '', '', '', NOTES[1]]);

  checkNoCustomFunctions(run, [new Table(rosterSheet), summary]);
  run.check(
    'the partner list is never changed by the add-on',
    JSON.stringify(list.getDataRange().getValues()) === listAfterEdits,
  );
  return SAMPLE.length;
}

// ——— Scenario 2: a longer list, for the timings ———

const RELATIONSHIPS = [
  'contractor',
  'grant',
  'advisory council',
  'volunteer',
  'coalition peer',
  'permit',
  'MOU',
  'subgrantee',
  'newsletter',
];

function largerList(run: Run, rows: number): number {
  const ss = run.ss;
  const grid: Cell[][] = [['Organization', 'Partner ID', 'Relationship', 'Notes']];
  const partners: string[] = [];
  for (let i = 1; i <= rows; i++) {
    // Every 25th row repeats the partner above (same ID): one partner, two rows.
    const n = i % 25 === 0 ? i - 1 : i;
    const name = `Partner ${String(n).padStart(4, '0')}`;
    if (n === i) partners.push(name);
    grid.push([
      name,
      `L${n}`,
      RELATIONSHIPS[i % RELATIONSHIPS.length],
      `${RELATIONSHIPS[(i * 7) % RELATIONSHIPS.length]} and ${RELATIONSHIPS[(i * 3) % RELATIONSHIPS.length]}`,
    ]);
  }
  const list = run.step('write the partner list', 'edit', () =>
    run.insertList('Self-check larger list', grid),
  );
  run.step('chooseList', 'addon', () => chooseList({ sheet: list.getName() }));
  const built = run.step('build the roster', 'addon', () => buildRosterFromSidebar());
  run.same('build: report', [built.firstBuild, built.partners], [true, partners.length]);
  const rosterSheet = sheetNamed(ss, built.rosterSheet);
  let roster = new Table(rosterSheet);
  checkRoster(run, 'build', roster, partners);

  run.step('tick a segment in every tenth row', 'edit', () => {
    const column = roster.column('Funder') + 1;
    for (let r = 2; r <= roster.values.length; r += 10) rosterSheet.getRange(r, column).setValue(true);
  });
  const before = new Table(rosterSheet);
  const refresh = run.step('refresh the roster', 'addon', () => buildRosterFromSidebar());
  roster = new Table(rosterSheet);
  run.check('refresh: nothing new', refresh.new === 0 && refresh.notInList === 0, refresh);
  run.check(
    'refresh: the roster is unchanged',
    JSON.stringify([roster.values, roster.formulas]) === JSON.stringify([before.values, before.formulas]),
  );
  checkRoster(run, 'refresh', roster, partners);
  run.probe('read every rule of the roster, as a refresh did before issue #16', () =>
    readEveryRule(rosterSheet),
  );

  const generated = run.step('generate the summary', 'addon', () => generateSummaryFromSidebar());
  const summary = new Table(sheetNamed(ss, generated.summarySheet));
  checkSummary(run, 'summary', summary);
  checkNoCustomFunctions(run, [roster, summary]);
  return grid.length;
}

/**
 * What a refresh asked of the roster's rules until issue #16 (it reads none now): every data cell's rule, then its
 * type, and a checkbox's values, a dropdown's list and help text, or a date rule's allow-invalid and help text.
 * Returns the getters called.
 */
function readEveryRule(sheet: Sheet): number {
  const rules = sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).getDataValidations();
  const criteria = SpreadsheetApp.DataValidationCriteria;
  let getters = 0;
  for (const row of rules)
    for (const rule of row) {
      if (!rule) continue;
      const type = rule.getCriteriaType();
      getters += 1;
      if (type === criteria.CHECKBOX) {
        rule.getCriteriaValues();
        getters += 1;
      } else if (type === criteria.VALUE_IN_LIST) {
        rule.getCriteriaValues();
        rule.getHelpText();
        getters += 2;
      } else if (type === criteria.DATE_IS_VALID_DATE) {
        rule.getAllowInvalid();
        rule.getHelpText();
        getters += 2;
      }
    }
  return getters;
}

// ——— Timing probes (issue #16): the constants of the bench's model, measured one by one ———

/** Columns of the probe grid, as a roster with 8 segments: Partner, ID, Suggested, 8 ticks, # Segments, … */
const PROBE_WIDTH = 19;
const PROBE_TICKS = { from: 4, to: 11 };
const PROBE_COUNT = 12;
const PROBE_CHECK = 16;
/** The rule blocks of such a roster: the ticks, Primary, Level, Managed like, Reviewed, Status. */
const PROBE_BLOCKS: { column: number; width: number; rule: 'checkbox' | string[] }[] = [
  { column: 4, width: 8, rule: 'checkbox' },
  { column: 13, width: 1, rule: ['Contractor', 'Advisor', 'Funder'] },
  { column: 14, width: 1, rule: ['Networking', 'Coordinating', 'Cooperating', 'Collaborating'] },
  { column: 15, width: 1, rule: ['Contractor', 'Advisor', 'Funder'] },
  { column: 17, width: 1, rule: 'checkbox' },
  { column: 19, width: 1, rule: ['In list', 'Not in list', 'Excluded'] },
];

function letter(column: number): string {
  let s = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** A roster-like grid of `rows` data rows (a header row first); with `formulas`, # Segments and Check as formulas. */
function probeGrid(rows: number, formulas: boolean): { grid: Cell[][]; formulaBytes: number } {
  const grid: Cell[][] = [Array.from({ length: PROBE_WIDTH }, (_, i) => `Column ${i + 1}`)];
  let formulaBytes = 0;
  const [d, k, l, m, o] = [4, 11, 12, 13, 15].map(letter);
  for (let r = 2; r <= rows + 1; r++) {
    const row: Cell[] = [`Partner ${r}`, `P-${r}`, 'Funder, Advisor'];
    for (let c = PROBE_TICKS.from; c <= PROBE_TICKS.to; c++) row.push((r + c) % 5 === 0);
    row.push(0, '', '', '', '', false, '', 'In list');
    if (formulas) {
      // The add-on's own two per-row formulas, as it writes them (src/core/roster/formulas.ts).
      const count = `=COUNTIF(${d}${r}:${k}${r},TRUE)`;
      const look = (c: string) => `XLOOKUP(${c}${r},${d}$1:${k}$1,${d}${r}:${k}${r},${c}${r}="")`;
      const check =
        `=TEXTJOIN("; ",TRUE,IF(${l}${r}>1,"In "&${l}${r}&" segments",IF(${l}${r},"","No segment ticked")),` +
        `IF(${look(o)},"","Managed like "&${o}${r}&", not one of its segments"),` +
        `IF(${look(m)},"","Primary segment "&${m}${r}&" not ticked"))`;
      row[PROBE_COUNT - 1] = count;
      row[PROBE_CHECK - 1] = check;
      formulaBytes += count.length + check.length;
    }
    grid.push(row);
  }
  return { grid, formulaBytes };
}

function probeRule(rule: 'checkbox' | string[]): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  return rule === 'checkbox'
    ? builder.requireCheckbox().build()
    : builder.requireValueInList(rule, true).setAllowInvalid(false).setHelpText('Choose one.').build();
}

/**
 * Each probe timed from a flush to the flush after it, on a scratch sheet of `rows` roster-like rows (deleted at
 * the end): the burst of addDeveloperMetadata calls of a first build (does it queue until the flush?); setValues
 * without and with the formula columns; a read right after writing formulas (recalculation); getValues against
 * getFormulas; validations as a grid of one rule per cell against one rule per block; getDataValidations on its
 * own, then with the getters a refresh used to call; the closing flush of a build's writes. Returns the rows.
 */
function timingProbes(run: Run, rows: number): number {
  const plain = probeGrid(rows, false);
  const withFormulas = probeGrid(rows, true);
  const sheet = run.step('make the probe sheet', 'edit', () => {
    const made = run.insertList('Self-check timing probes', [plain.grid[0]]);
    if (made.getMaxRows() < rows + 1) made.insertRowsAfter(made.getMaxRows(), rows + 1 - made.getMaxRows());
    return made;
  });
  const cells = (rows + 1) * PROBE_WIDTH;
  const all = sheet.getRange(1, 1, rows + 1, PROBE_WIDTH);
  const columns = sheet
    .getRangeList(Array.from({ length: PROBE_WIDTH }, (_, i) => `${letter(i + 1)}:${letter(i + 1)}`))
    .getRanges();
  run.timed(`addDeveloperMetadata × ${PROBE_WIDTH}, one a column`, { calls: PROBE_WIDTH }, () => {
    columns.forEach((c, i) => c.addDeveloperMetadata('partnerSegments.selfCheckProbe', String(i + 1)));
  });
  run.timed('setValues without the formula columns', { calls: 1, cellsWritten: cells }, () =>
    all.setValues(plain.grid),
  );
  run.timed(
    'setValues with the formula columns',
    { calls: 1, cellsWritten: cells, formulaBytes: withFormulas.formulaBytes },
    () => all.setValues(withFormulas.grid),
  );
  run.timed('getValues', { calls: 1, cellsRead: cells }, () => all.getValues());
  run.timed('getFormulas', { calls: 1, cellsRead: cells }, () => all.getFormulas());
  // Values over the formulas, then the formulas again and a read at once: the read waits for the recalculation.
  all.setValues(plain.grid);
  run.timed(
    'setValues with the formula columns, then getValues at once (recalculation)',
    { calls: 2, cellsWritten: cells, cellsRead: cells, formulaBytes: withFormulas.formulaBytes },
    () => {
      all.setValues(withFormulas.grid);
      all.getValues();
    },
  );
  const first = PROBE_BLOCKS[0].column;
  const last = PROBE_BLOCKS[PROBE_BLOCKS.length - 1].column;
  const ruled = sheet.getRange(2, first, rows, last - first + 1);
  const perColumn: (GoogleAppsScript.Spreadsheet.DataValidation | null)[] = Array(last - first + 1).fill(
    null,
  );
  for (const b of PROBE_BLOCKS) {
    const rule = probeRule(b.rule);
    for (let c = b.column; c < b.column + b.width; c++) perColumn[c - first] = rule;
  }
  run.timed(
    'validations as a grid, one rule a cell',
    { calls: 1, validationCellsWritten: rows * perColumn.length },
    () => ruled.setDataValidations(Array.from({ length: rows }, () => perColumn)),
  );
  run.timed(
    'getDataValidations alone',
    { calls: 1, cellsRead: rows * perColumn.length, validationCellsRead: rows * perColumn.length },
    () => ruled.getDataValidations(),
  );
  run.probe('getDataValidations and the getters a refresh used to call', () => readEveryRule(sheet));
  ruled.clearDataValidations();
  const blocks = sheet
    .getRangeList(
      PROBE_BLOCKS.map((b) => `${letter(b.column)}2:${letter(b.column + b.width - 1)}${rows + 1}`),
    )
    .getRanges();
  run.timed(
    `validations by block, one rule each (${PROBE_BLOCKS.length})`,
    { calls: PROBE_BLOCKS.length, validationCellsWritten: PROBE_BLOCKS.length },
    () => PROBE_BLOCKS.forEach((b, i) => blocks[i].setDataValidation(probeRule(b.rule))),
  );
  // A build's last writes queued, then the flush alone: what the closing flush of a run pays.
  all.setValues(withFormulas.grid);
  PROBE_BLOCKS.forEach((b, i) => blocks[i].setDataValidation(probeRule(b.rule)));
  const start = Date.now();
  SpreadsheetApp.flush();
  const seconds = (Date.now() - start) / 1000;
  run.steps.push({
    name: 'the closing flush of a write like a build',
    kind: 'probe',
    seconds,
    flushSeconds: seconds,
    units: { calls: 0 },
  });
  run.check(
    'probes: the sheet holds the last grid',
    sheet.getRange(rows + 1, 1).getValue() === `Partner ${rows + 1}`,
  );
  return rows + 1;
}

// ——— Running them, in a sandbox each ———

function hasRoleMetadata(sheet: Sheet): boolean {
  return sheet.getDeveloperMetadata().some((md) => md.getKey() === ROLE_KEY);
}

/** Deletes what the scenario made and puts the document properties back. */
function cleanUp(
  run: Run,
  sheetsBefore: Set<number>,
  saved: Record<string, string>,
  keep: boolean,
): CleanupReport {
  const report: CleanupReport = { deleted: [], leftAlone: [], propertiesRestored: 0, kept: keep };
  if (keep) return report;
  try {
    for (const sheet of run.ss.getSheets()) {
      if (sheetsBefore.has(sheet.getSheetId())) continue;
      const name = sheet.getName();
      if (run.made.has(sheet.getSheetId()) || hasRoleMetadata(sheet)) {
        run.ss.deleteSheet(sheet);
        report.deleted.push(name);
      } else report.leftAlone.push(name);
    }
    const props = PropertiesService.getDocumentProperties();
    const now = props.getProperties();
    for (const key of Object.keys(now)) {
      if (!(key in saved)) {
        props.deleteProperty(key);
        report.propertiesRestored++;
      } else if (now[key] !== saved[key]) {
        props.setProperty(key, saved[key]);
        report.propertiesRestored++;
      }
    }
    for (const key of Object.keys(saved)) {
      if (!(key in now)) {
        props.setProperty(key, saved[key]);
        report.propertiesRestored++;
      }
    }
  } catch (e) {
    report.error = message(e);
  }
  return report;
}

function message(e: unknown): string {
  return e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
}

function runScenario(
  ss: Spreadsheet,
  name: string,
  options: SelfCheckOptions,
  keep: boolean,
  body: (run: Run) => number,
): ScenarioReport {
  const started = Date.now();
  const run = new Run(ss, options.counter);
  const sheetsBefore = new Set(ss.getSheets().map((s) => s.getSheetId()));
  const saved = PropertiesService.getDocumentProperties().getProperties();
  let error: string | undefined;
  let listRows = 0;
  let began = false;
  try {
    const overview = run.step('getOverview', 'addon', () => getOverview());
    const tabs = Object.values(overview.tabs).filter((t): t is string => t !== null);
    if (tabs.length > 0) {
      throw new Error(
        `This spreadsheet already has Partner Segments tabs (${tabs.join(', ')}). Run the self-check in a ` +
          'scratch spreadsheet without them: it never changes sheets it did not make.',
      );
    }
    began = true;
    listRows = body(run);
  } catch (e) {
    error = message(e);
  }
  const cleanup = began
    ? cleanUp(run, sheetsBefore, saved, keep)
    : { deleted: [], leftAlone: [], propertiesRestored: 0, kept: false };
  if (began && !keep) {
    run.check('clean-up: every sheet it made is gone', cleanup.error === undefined, cleanup.error);
  }
  const ok = error === undefined && run.checks.every((c) => c.ok);
  const report: ScenarioReport = {
    name,
    ok,
    seconds: (Date.now() - started) / 1000,
    listRows,
    checks: run.checks,
    steps: run.steps,
    cleanup,
  };
  if (error !== undefined) report.error = error;
  return report;
}

/** Seconds of Apps Script's 6-minute limit the scenarios may use, leaving time to clean up and report. */
const BUDGET_SECONDS = 270;

function skipped(name: string, elapsed: number, budget: number): ScenarioReport {
  return {
    name,
    ok: false,
    seconds: 0,
    listRows: 0,
    checks: [],
    steps: [],
    error:
      `not run: ${Math.round(elapsed)} s of the ${budget} s budget were used, and Apps Script stops a run at ` +
      `6 minutes. Run it alone (option only: ["${name}"]; npm run test:live -- --only "${name}").`,
    cleanup: { deleted: [], leftAlone: [], propertiesRestored: 0, kept: false },
  };
}

/** Runs the scenarios in the active spreadsheet and reports; never throws. */
export function runScenarios(options: SelfCheckOptions = {}): SelfCheckReport {
  const started = Date.now();
  const report: SelfCheckReport = {
    ok: false,
    startedAt: new Date(started).toISOString(),
    seconds: 0,
    sheetsBefore: [],
    scenarios: [],
    addOnCalls: 0,
    addOnSeconds: 0,
    summary: [],
  };
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss) {
    report.summary.push(
      'FAILED: no active spreadsheet. Run the self-check from an Apps Script project bound to a spreadsheet.',
    );
    return report;
  }
  report.sheetsBefore = ss.getSheets().map((s) => s.getName());
  const names = SCENARIOS.filter((n) => !options.only || options.only.includes(n));
  const unknown = (options.only ?? []).filter((n) => !(SCENARIOS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    report.summary.push(
      `FAILED: no scenario named ${unknown.join(', ')} (there are: ${SCENARIOS.join(', ')}).`,
    );
    return report;
  }
  const rows = options.largerListRows ?? 300;
  const probeRows = options.probeRows ?? 300;
  const budget = options.budgetSeconds ?? BUDGET_SECONDS;
  let longest = 0;
  names.forEach((name, i) => {
    // Apps Script stops an execution at 6 minutes, and a stopped one cleans nothing up: a scenario starts only
    // while one as long as the longest so far still fits in the budget.
    const elapsed = (Date.now() - started) / 1000;
    if (i > 0 && elapsed + longest > budget) {
      report.scenarios.push(skipped(name, elapsed, budget));
      return;
    }
    const keep = options.keep === true && i === names.length - 1;
    const body =
      name === 'round trip'
        ? roundTrip
        : name === 'larger list'
          ? (run: Run) => largerList(run, rows)
          : (run: Run) => timingProbes(run, probeRows);
    const scenario = runScenario(ss, name, options, keep, body);
    longest = Math.max(longest, scenario.seconds);
    report.scenarios.push(scenario);
  });
  for (const s of report.scenarios) {
    const addOn = s.steps.filter((st) => st.kind === 'addon');
    report.addOnCalls += addOn.length;
    report.addOnSeconds += addOn.reduce((t, st) => t + st.seconds, 0);
    const failed = s.checks.filter((c) => !c.ok).map((c) => c.name);
    report.summary.push(
      `${s.ok ? 'passed' : 'FAILED'}: ${s.name} (${s.checks.length} checks, ${s.seconds.toFixed(1)} s)` +
        (s.error ? `; stopped: ${s.error}` : '') +
        (failed.length ? `; failed: ${failed.join('; ')}` : ''),
    );
  }
  report.addOnSeconds = Math.round(report.addOnSeconds * 1000) / 1000;
  report.ok = report.scenarios.length > 0 && report.scenarios.every((s) => s.ok);
  report.seconds = (Date.now() - started) / 1000;
  return report;
}
