// The naive baseline: the same roster written the way a first Apps Script usually is, one service call (or a
// few) per partner row. It runs against the stand-in, so its calls are counted by the same rules
// (dev/standin/calls.ts) as the add-on's. The logic is kept crude on purpose (what matters is the I/O shape):
// the list and the roster are read in one call each, as any script does, but every partner row is written
// with its own calls:
//   build:   per partner: its row (getRange + setValues), its segment checkboxes (getRange + insertCheckboxes),
//            its three dropdowns and its Last contact date rule (getRange + setDataValidation, ×4), its Reviewed
//            checkbox (getRange + insertCheckboxes): 14 calls a partner;
//   refresh: per partner already there: Suggested and Status (getRange + setValue, ×2): 4 calls; per new
//            partner: the 14 calls of the build;
//   summary: per partner: its roster row read (getRange + getValues): 2 calls; then a fixed block of counts.
// Fixed calls (getActiveSpreadsheet, reading the list, inserting the sheets, headers) come on top.
import { DEFAULT_LEVELS, DEFAULT_SEGMENTS } from '../../src/core/catalogue';
import { AFTER_SEGMENTS, BEFORE_SEGMENTS, HEADERS } from '../../src/core/roster/columns';
import { createStandIn, type StandIn } from '../standin/index';
import { appendRows, generateList, LIST_SHEET, seedList } from './generate';

// The product's own segments and levels: a naive script would start from the same catalogue.
const SEGMENTS: [string, string[]][] = DEFAULT_SEGMENTS.map((s) => [
  s.name,
  s.keywords.map((k) => k.toLowerCase()),
]);
const LEVELS = DEFAULT_LEVELS.map((l) => l.name);
const HEADER = [
  ...BEFORE_SEGMENTS.map((role) => HEADERS[role]),
  ...SEGMENTS.map(([name]) => name),
  ...AFTER_SEGMENTS.map((role) => HEADERS[role]),
];
const SEG_COL = BEFORE_SEGMENTS.length + 1;
const PRIMARY_COL = HEADER.indexOf(HEADERS.primary) + 1;
const LEVEL_COL = HEADER.indexOf(HEADERS.level) + 1;
const MANAGED_COL = HEADER.indexOf(HEADERS.managedLike) + 1;
const REVIEWED_COL = HEADER.indexOf(HEADERS.reviewed) + 1;
const LAST_CONTACT_COL = HEADER.indexOf(HEADERS.lastContact) + 1;
const STATUS_COL = HEADER.indexOf(HEADERS.status) + 1;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The stand-in's SpreadsheetApp of the run under way. */
let app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;

interface Partner {
  key: string;
  name: string;
  id: string;
  text: string;
}

/** A partner's ID, or (no ID) its name without case or extra spaces. */
function keyOf(name: string, id: string): string {
  const realId = /[a-z0-9]/i.test(id) && !['N/A', 'TBD'].includes(id);
  return realId ? `id:${id}` : `name:${name.toLowerCase().replace(/\s+/g, ' ')}`;
}

/** Crude merge by ID, else by name; crude substring matching. */
function partnersOf(values: unknown[][]): Partner[] {
  const byKey = new Map<string, Partner>();
  for (const row of values.slice(2)) {
    const name = String(row[0] ?? '').trim();
    const id = String(row[1] ?? '').trim();
    if (!name && !id) continue;
    const key = keyOf(name, id);
    const text = `${row[2] ?? ''} ${row[3] ?? ''}`;
    const partner = byKey.get(key);
    if (partner) partner.text += ` ${text}`;
    else byKey.set(key, { key, name, id, text });
  }
  return [...byKey.values()];
}

function suggested(text: string): string[] {
  const lower = text.toLowerCase();
  return SEGMENTS.filter(([, words]) => words.some((w) => lower.includes(w))).map(([name]) => name);
}

const letter = (column: number) => String.fromCharCode(64 + column); // the roster's columns stay within Z
const COUNT_COL = HEADER.indexOf(HEADERS.count) + 1;

function rosterRow(p: Partner, r: number): unknown[] {
  const names = suggested(p.text);
  const segments = `${letter(SEG_COL)}${r}:${letter(SEG_COL + SEGMENTS.length - 1)}${r}`;
  const count = `${letter(COUNT_COL)}${r}`;
  const last = `${letter(LAST_CONTACT_COL)}${r}`;
  return [
    p.name,
    p.id,
    names.join(', '),
    names.map((name) => `${name}: ?`).join(' · '), // Why suggested: a naive script's crude version
    ...SEGMENTS.map(([name]) => names.includes(name)),
    `=COUNTIF(${segments},TRUE)`,
    '', // Primary segment
    '', // Level
    '', // Strategic for (no goals in the bench's lists: no dropdown, as the add-on)
    '', // Managed like
    '', // Owner
    '', // Last contact
    `=IF(${last}="","now",EDATE(${last},3))`,
    `=IF(${count}>1,"Several segments",IF(${count}=0,"No segment",""))`,
    false,
    '',
    'In list',
  ];
}

interface Rules {
  segments: GoogleAppsScript.Spreadsheet.DataValidation;
  levels: GoogleAppsScript.Spreadsheet.DataValidation;
  dates: GoogleAppsScript.Spreadsheet.DataValidation;
}

/** Built once (builders are local objects: not service calls). */
function rules(): Rules {
  const list = (values: string[]) => app.newDataValidation().requireValueInList(values, true).build();
  return {
    segments: list(SEGMENTS.map(([name]) => name)),
    levels: list(LEVELS),
    dates: app.newDataValidation().requireDate().setAllowInvalid(false).build(),
  };
}

function writePartnerRow(roster: Sheet, p: Partner, r: number, { segments, levels, dates }: Rules): void {
  roster.getRange(r, 1, 1, HEADER.length).setValues([rosterRow(p, r)]);
  roster.getRange(r, SEG_COL, 1, SEGMENTS.length).insertCheckboxes();
  roster.getRange(r, PRIMARY_COL).setDataValidation(segments);
  roster.getRange(r, LEVEL_COL).setDataValidation(levels);
  roster.getRange(r, MANAGED_COL).setDataValidation(segments);
  roster.getRange(r, LAST_CONTACT_COL).setDataValidation(dates);
  roster.getRange(r, REVIEWED_COL).insertCheckboxes();
}

function naiveBuild(ss: Spreadsheet): void {
  const partners = partnersOf(ss.getSheetByName(LIST_SHEET)!.getDataRange().getValues());
  const roster = ss.insertSheet('Partner Roster');
  roster.insertRowsAfter(roster.getMaxRows(), partners.length + 1);
  roster.getRange(1, 1, 1, HEADER.length).setValues([HEADER]);
  const r = rules();
  partners.forEach((p, i) => writePartnerRow(roster, p, i + 2, r));
}

function naiveRefresh(ss: Spreadsheet): void {
  const partners = partnersOf(ss.getSheetByName(LIST_SHEET)!.getDataRange().getValues());
  const roster = ss.getSheetByName('Partner Roster')!;
  const rows = roster.getDataRange().getValues();
  const rowOf = new Map(rows.slice(1).map((row, i) => [keyOf(String(row[0]), String(row[1])), i + 2]));
  let next = rows.length + 1;
  const r0 = rules();
  roster.insertRowsAfter(roster.getMaxRows(), partners.length);
  for (const p of partners) {
    const r = rowOf.get(p.key);
    if (r) {
      roster.getRange(r, 3).setValue(suggested(p.text).join(', '));
      roster.getRange(r, STATUS_COL).setValue('In list');
    } else writePartnerRow(roster, p, next++, r0);
  }
}

function naiveSummary(ss: Spreadsheet): void {
  const roster = ss.getSheetByName('Partner Roster')!;
  const last = roster.getLastRow();
  const counts = new Map<string, number>();
  for (let r = 2; r <= last; r++) {
    const row = roster.getRange(r, 1, 1, HEADER.length).getValues()[0];
    SEGMENTS.forEach(([name], i) => {
      if (row[SEG_COL - 1 + i] === true) counts.set(name, (counts.get(name) ?? 0) + 1);
    });
  }
  const summary = ss.insertSheet('Discussion Summary');
  summary.getRange(1, 1).setValue('Partner segments: discussion summary');
  SEGMENTS.forEach(([name], i) =>
    summary.getRange(3 + i, 1, 1, 2).setValues([[name, counts.get(name) ?? 0]]),
  );
}

export interface NaiveCalls {
  build: number;
  refresh: number;
  summary: number;
}

/** Runs the naive build, refresh (1% new) and summary for `partners` partners; returns each one's calls. */
export function runNaive(partners: number, newPartners: number): NaiveCalls {
  const list = generateList(partners, newPartners);
  const s: StandIn = createStandIn({ initialSheet: null });
  seedList(s, list);
  app = s.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const phase = (fn: (ss: Spreadsheet) => void): number => {
    s.calls.reset();
    s.runExecution(() => fn(app.getActiveSpreadsheet()));
    return s.calls.count;
  };
  const build = phase(naiveBuild);
  appendRows(s, list);
  const refresh = phase(naiveRefresh);
  const summary = phase(naiveSummary);
  return { build, refresh, summary };
}
