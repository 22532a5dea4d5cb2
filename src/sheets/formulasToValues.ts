// "Turn PARTNER_SEGMENT into values": the selection's PARTNER_SEGMENT cells, spilled results included, become
// plain values, so people without the add-on see the text instead of #NAME?. Other formulas stay as they are.
import { typedText } from '../core/roster/cells';
import { UserError } from './errors';
type Range = GoogleAppsScript.Spreadsheet.Range;

const OUR_CALL = /^=\s*(PARTNER_SEGMENT|SEGMENT_HOW_TO_MANAGE)\s*\(/i;

export interface ValuesResult {
  converted: number;
  sheet: string;
}

function written(v: unknown): unknown {
  return typeof v === 'string' ? typedText(v) : v;
}

/** Rows a formula's result covers: one per row of its first argument when that is a range on this sheet. */
function spillRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, formula: string, row: number): number {
  const first = /\(\s*([^,()]+?)\s*[,)]/.exec(formula)?.[1] ?? '';
  if (!/^\$?[A-Z]{1,3}\$?\d*:\$?[A-Z]{1,3}\$?\d*$/i.test(first)) return 1;
  return Math.min(sheet.getRange(first).getNumRows(), sheet.getMaxRows() - row + 1);
}

export function formulasToValues(selection: Range | null): ValuesResult {
  if (!selection)
    throw new UserError('Select the cells with PARTNER_SEGMENT formulas first, then choose this again.');
  const sheet = selection.getSheet();
  const formulas = selection.getFormulas();
  const top = selection.getRow();
  const left = selection.getColumn();
  const ours: { row: number; column: number; rows: number }[] = [];
  formulas.forEach((row, r) =>
    row.forEach((f, c) => {
      if (OUR_CALL.test(f)) ours.push({ row: top + r, column: left + c, rows: spillRows(sheet, f, top + r) });
    }),
  );
  if (ours.length === 0) {
    return { converted: 0, sheet: sheet.getName() };
  }
  // A formula over a range spills one row per row of its first argument: those cells become values too.
  let bottom = top + formulas.length - 1;
  const right = left + formulas[0].length - 1;
  for (const f of ours) bottom = Math.max(bottom, f.row + f.rows - 1);
  const area = sheet.getRange(top, left, bottom - top + 1, right - left + 1);
  const values = area.getValues();
  const areaFormulas = bottom === top + formulas.length - 1 ? formulas : area.getFormulas();
  // Per column, the cells from each of our formulas down through its spill: written in one call per run.
  let converted = 0;
  const byColumn = new Map<number, { from: number; to: number }[]>();
  for (const f of ours) {
    let to = f.row;
    while (to < f.row + f.rows - 1 && areaFormulas[to + 1 - top][f.column - left] === '') to++;
    const runs = byColumn.get(f.column) ?? [];
    runs.push({ from: f.row, to });
    byColumn.set(f.column, runs);
  }
  for (const [column, runs] of byColumn) {
    for (const { from, to } of runs) {
      const block = [];
      for (let r = from; r <= to; r++) block.push([written(values[r - top][column - left])]);
      sheet.getRange(from, column, block.length, 1).setValues(block);
      converted += block.length;
    }
  }
  return { converted, sheet: sheet.getName() };
}
