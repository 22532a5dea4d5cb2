// "Turn PARTNER_SEGMENT into values": the selection's PARTNER_SEGMENT cells, spilled results included, become
// plain values, so people without the add-on see the text instead of #NAME?. Other formulas stay as they are.
import { typedText } from '../core/roster/cells';
import { UserError } from './errors';
type Range = GoogleAppsScript.Spreadsheet.Range;

// Anywhere in the formula (=IFERROR(PARTNER_SEGMENT(…)), =UPPER(…)), but not inside a "string literal".
export const OUR_FUNCTIONS = ['PARTNER_SEGMENT', 'PARTNER_SEGMENT_WHY', 'SEGMENT_HOW_TO_MANAGE'] as const;
export type OurFunction = (typeof OUR_FUNCTIONS)[number];
const OUR_CALL = /\b(PARTNER_SEGMENT|PARTNER_SEGMENT_WHY|SEGMENT_HOW_TO_MANAGE)\s*\(/i;
/** The first of our functions the formula calls (outermost), or null. */
const ourCall = (formula: string): OurFunction | null => {
  const m = OUR_CALL.exec(formula.replace(/"(?:[^"]|"")*"/g, '""'));
  return m ? (m[1].toUpperCase() as OurFunction) : null;
};

export interface ValuesResult {
  /** Our formulas replaced by their values. */
  formulas: number;
  /** Of those, how many call each of our functions (the outermost one a formula calls). */
  byFunction: Partial<Record<OurFunction, number>>;
  /** Cells that now hold a value they got from those formulas (blank results not counted). */
  cells: number;
  sheet: string;
}

function written(v: unknown): unknown {
  return typeof v === 'string' ? typedText(v) : v;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Rows a formula's result covers: one per row of its first argument when that is a range (on this sheet or
 * another). Worked out from the A1 text; a sheet is asked only for what the text cannot say (whether another
 * sheet exists, how many rows an open range like B2:B runs to), once per sheet, so a column of formulas does not
 * make calls per row.
 */
function spillCounter(sheet: Sheet): (formula: string, row: number) => number {
  const sheets = new Map<string, { sheet: Sheet | null; maxRows?: number }>();
  const known = (name: string) => {
    let entry = sheets.get(name);
    if (!entry) sheets.set(name, (entry = { sheet: name ? sheet.getParent().getSheetByName(name) : sheet }));
    return entry;
  };
  const maxRows = (name: string) => {
    const entry = known(name);
    return (entry.maxRows ??= entry.sheet ? entry.sheet.getMaxRows() : 0);
  };
  return (formula, row) => {
    const first = /\(\s*([^,()]+?)\s*[,)]/.exec(formula)?.[1] ?? '';
    const m = /^(?:('(?:[^']|'')+'|[^'!\s]+)!)?\$?[A-Z]{1,3}\$?(\d*):\$?[A-Z]{1,3}\$?(\d*)$/i.exec(first);
    if (!m) return 1;
    const name = m[1] ? m[1].replace(/^'|'$/g, '').replace(/''/g, "'") : '';
    if (!known(name).sheet) return 1; // a range on a sheet that is not there: #REF!, nothing spills
    const start = m[2] ? Number(m[2]) : 1;
    const end = m[3] ? Number(m[3]) : maxRows(name);
    return Math.min(Math.abs(end - start) + 1, maxRows('') - row + 1);
  };
}

export function formulasToValues(selection: Range | null): ValuesResult {
  if (!selection)
    throw new UserError('Select the cells with PARTNER_SEGMENT formulas first, then choose this again.');
  const sheet = selection.getSheet();
  const formulas = selection.getFormulas();
  const top = selection.getRow();
  const left = selection.getColumn();
  const ours: { row: number; column: number; rows: number }[] = [];
  const byFunction: Partial<Record<OurFunction, number>> = {};
  const spillRows = spillCounter(sheet);
  formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      const call = f ? ourCall(f) : null;
      if (!call) return;
      byFunction[call] = (byFunction[call] ?? 0) + 1;
      ours.push({ row: top + r, column: left + c, rows: spillRows(f, top + r) });
    }),
  );
  if (ours.length === 0) {
    return { formulas: 0, byFunction, cells: 0, sheet: sheet.getName() };
  }
  // A formula over a range spills one row per row of its first argument: those cells become values too.
  let bottom = top + formulas.length - 1;
  const right = left + formulas[0].length - 1;
  for (const f of ours) bottom = Math.max(bottom, f.row + f.rows - 1);
  const area = sheet.getRange(top, left, bottom - top + 1, right - left + 1);
  const values = area.getValues();
  const areaFormulas = bottom === top + formulas.length - 1 ? formulas : area.getFormulas();
  // Per column, the cells from each of our formulas down through its spill; runs that touch are written as one
  // block, so a column of one-cell formulas is one call, not one per row.
  const byColumn = new Map<number, { from: number; to: number }[]>();
  for (const f of ours) {
    let to = f.row;
    while (to < f.row + f.rows - 1 && areaFormulas[to + 1 - top][f.column - left] === '') to++;
    const runs = byColumn.get(f.column) ?? [];
    runs.push({ from: f.row, to });
    byColumn.set(f.column, runs);
  }
  let cells = 0;
  for (const [column, runs] of byColumn) {
    runs.sort((x, y) => x.from - y.from);
    const merged: { from: number; to: number }[] = [];
    for (const run of runs) {
      const last = merged[merged.length - 1];
      if (last && run.from <= last.to + 1) last.to = Math.max(last.to, run.to);
      else merged.push({ ...run });
    }
    for (const { from, to } of merged) {
      const block = [];
      for (let r = from; r <= to; r++) block.push([written(values[r - top][column - left])]);
      sheet.getRange(from, column, block.length, 1).setValues(block);
      cells += block.filter(([v]) => v !== '').length;
    }
  }
  return { formulas: ours.length, byFunction, cells, sheet: sheet.getName() };
}
