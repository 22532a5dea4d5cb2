// Shared helpers for the add-on tests through dist/Code.js: a stand-in with a partner list, the roster as rows
// keyed by header, and the Discussion Summary read the way a person reads it (column A, top to bottom).
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { cellA1 } from '../../dev/standin/a1';
import { createStandIn, type StandIn } from '../../dev/standin/index';
import { loadAddon, type LoadedAddon } from '../../dev/standin/loader';

export const LIST = 'Partners';
export const ROSTER = 'Partner Roster';
export const SUMMARY = 'Discussion Summary';
export const SEGMENTS = 'Segments';

/** The seed's discussion questions, verbatim (PRODUCT.md, "Discussion Summary"). */
export const QUESTIONS = [
  'Do we have any partners who fall into more than one segment? What does that tell us about those partners?',
  'Where do we manage partner relationships appropriately (i.e., appropriate for the segment)?',
  'Where could we improve?',
  'How does looking at our partners by segment affect how you think about partner relationships?',
  'What should we start doing differently (more of this, less of that) in relation to our partner segments?',
] as const;

export const BOARD_NOTES = 'Board notes';

/** A stand-in holding one partner list (`list` includes its header row), with the add-on loaded. */
export function setUp(list: unknown[][]): { s: StandIn; addon: LoadedAddon } {
  const s = createStandIn({ initialSheet: null });
  s.addSheet(LIST, list);
  const addon = loadAddon({ standIn: s });
  return { s, addon };
}

/** The partner list replaced by `rows` under `header`, as people retyping or pasting their list would leave it. */
export function replaceList(s: StandIn, header: unknown[], rows: unknown[][]): void {
  s.workbook.sheetByName(LIST)!.rows = [];
  s.addSheet(LIST, [header, ...rows]);
  s.workbook.structureChanged();
}

/** `n` partners named "Partner 0"…, each described by `describe(i)`. */
export function manyPartners(n: number, describe: (i: number) => string): string[][] {
  return [['Name', 'Notes'], ...Array.from({ length: n }, (_, i) => [`Partner ${i}`, describe(i)])];
}

export function build(addon: LoadedAddon): Record<string, unknown> {
  return addon.run('buildRosterFromSidebar') as Record<string, unknown>;
}

export function generate(addon: LoadedAddon): Record<string, unknown> {
  return addon.run('generateSummaryFromSidebar') as Record<string, unknown>;
}

export type RosterRow = Record<string, unknown>;

/** The roster as rows of objects keyed by header. */
export function roster(s: StandIn): RosterRow[] {
  const [header, ...rows] = s.sheetValues(ROSTER);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

/** The A1 of a partner's cell in the roster. */
export function rosterCell(s: StandIn, partner: string, header: string): string {
  const values = s.sheetValues(ROSTER);
  const row = values.findIndex((r) => r[0] === partner);
  const column = values[0].indexOf(header);
  if (row < 1 || column < 0) throw new Error(`no roster cell for ${partner} / ${header}`);
  return cellA1(row + 1, column + 1);
}

/** Segment names as the Segments tab lists them (column A under "Segment"). */
export function segmentNames(s: StandIn): string[] {
  return s
    .sheetValues(SEGMENTS)
    .slice(1)
    .map((r) => String(r[0]))
    .filter((n) => n !== '');
}

/** "How to manage" per segment, from the Segments tab. */
export function howToManage(s: StandIn): Map<string, string> {
  const [header, ...rows] = s.sheetValues(SEGMENTS);
  const at = header.indexOf('How to manage');
  return new Map(rows.filter((r) => r[0] !== '').map((r) => [String(r[0]), String(r[at])]));
}

/** Level names as the Segments tab lists them (under "Level"). */
export function levelNames(s: StandIn): string[] {
  const [header, ...rows] = s.sheetValues(SEGMENTS);
  const at = header.indexOf('Level');
  return rows.map((r) => String(r[at])).filter((n) => n !== '');
}

/** Column A of the summary, as text. */
export function columnA(s: StandIn): string[] {
  return s.sheetValues(SUMMARY).map((r) => String(r[0]));
}

/** 1-based row of the first cell of column A that reads `label` (after row `after`). */
export function summaryRow(s: StandIn, label: string, after = 0): number {
  const index = columnA(s).indexOf(label, after);
  if (index < 0) throw new Error(`the summary has no row "${label}"`);
  return index + 1;
}

/** The value a person reads beside a label in column A (column B). */
export function besideLabel(s: StandIn, label: string, after = 0): unknown {
  return s.sheetValues(SUMMARY)[summaryRow(s, label, after) - 1][1];
}

/** The lines between question `q` and its Board notes row. */
export function evidenceUnder(s: StandIn, q: number): string[] {
  const a = columnA(s);
  const start = a.indexOf(QUESTIONS[q]);
  const end = a.indexOf(BOARD_NOTES, start);
  if (start < 0 || end < 0) throw new Error(`question ${q + 1} or its Board notes are missing`);
  return a.slice(start + 1, end);
}

/** The A1 of the Board notes cell (column B) that belongs to question `q`. */
export function notesCell(s: StandIn, q: number): string {
  const question = summaryRow(s, QUESTIONS[q]);
  return `B${summaryRow(s, BOARD_NOTES, question)}`;
}

/** A table of the summary: header row found by `firstHeader` after the heading `heading`. */
export function summaryTable(s: StandIn, heading: string): { header: string[]; rows: unknown[][] } {
  const values = s.sheetValues(SUMMARY);
  const headerRow = summaryRow(s, 'Segment', summaryRow(s, heading));
  const header = values[headerRow - 1].map(String).filter((h) => h !== '');
  const rows: unknown[][] = [];
  for (let r = headerRow; r < values.length && values[r][0] !== ''; r++) rows.push(values[r]);
  return { header, rows };
}

/** Every formula of a sheet that calls one of the add-on's custom functions. */
export function customFunctionCalls(s: StandIn, sheet: string): string[] {
  return s
    .sheetFormulas(sheet)
    .flat()
    .filter((f) => /\b(PARTNER_SEGMENT|PARTNER_SEGMENT_WHY|SEGMENT_HOW_TO_MANAGE)\s*\(/i.test(f));
}

/** Segments ticked in a roster row, among `segments`. */
export function ticked(row: RosterRow, segments: readonly string[]): string[] {
  return segments.filter((name) => row[name] === true);
}

let validator: ReturnType<Ajv['compile']> | null = null;

/** Validates a snapshot against dev/snapshot.schema.json; returns ajv's errors (null when valid). */
export function snapshotErrors(snapshot: unknown): unknown {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync('dev/snapshot.schema.json', 'utf8')),
  );
  return validator(snapshot) ? null : validator.errors;
}
