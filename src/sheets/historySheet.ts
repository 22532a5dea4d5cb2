// The Segment History tab (role `history`, issue #14): its last rows read in two calls, one row appended in two.
// src/core/summary/history.ts plans what the row holds; this file only reads and writes the sheet.
import { typedText } from '../core/roster/cells';
import { HISTORY_HEADER } from '../core/summary/history';
import { createOwnedSheet, doneMaking, newSheetSize } from './ownedSheets';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface HistoryRead {
  /** The sheet's last row with data (0: empty or no tab). */
  lastRow: number;
  /** Its last two rows (one when only one is below the header), full width. */
  rows: unknown[][];
}

/**
 * The last two rows: getLastRow, then getSheetValues to the last column (fact 31). Only these are read, however
 * long the history: the older rows' records are never needed again.
 */
export function readHistoryEnd(sheet: Sheet | undefined): HistoryRead {
  if (!sheet) return { lastRow: 0, rows: [] };
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return { lastRow, rows: [] };
  const from = Math.max(2, lastRow - 1);
  return { lastRow, rows: sheet.getSheetValues(from, 1, lastRow - from + 1, -1) };
}

/** The history tab, made now if there is none (after planning, like every tab the summary writes). */
export function historySheet(ss: Spreadsheet, existing: Sheet | undefined): Sheet {
  return existing ?? createOwnedSheet(ss, 'history');
}

/**
 * Appends one generation's row, in one setValues: on an empty tab with the header above it. It is the run's
 * last write, so a run stopped before it leaves no row, and one stopped after finds its row (planHistory).
 */
export function appendHistory(sheet: Sheet, lastRow: number, row: readonly (string | number)[]): void {
  const width = Math.max(row.length, HISTORY_HEADER.length);
  const cells = (r: readonly (string | number)[]) =>
    Array.from({ length: width }, (_, i) => {
      const v = r[i] ?? '';
      return typeof v === 'string' ? typedText(v) : v;
    });
  const block = lastRow < 1 ? [cells([...HISTORY_HEADER]), cells(row)] : [cells(row)];
  const at = lastRow < 1 ? 1 : lastRow + 1;
  // A record wider than the grid (more than 17 cells: over 20,000 partners) needs columns first.
  if (width > 26) {
    const columns = newSheetSize(sheet)?.columns ?? sheet.getMaxColumns();
    if (columns < width) sheet.insertColumnsAfter(columns, width - columns);
  }
  if (at + block.length - 1 > 1000) {
    const rows = newSheetSize(sheet)?.rows ?? sheet.getMaxRows();
    if (rows < at + block.length - 1) sheet.insertRowsAfter(rows, 1000);
  }
  // A first write: a run stopped between the tab's role metadata and the end of createOwnedSheet left its
  // "making" mark; it goes before the row (the row stays the last write).
  if (lastRow < 1) doneMaking('history');
  sheet.getRange(at, 1, block.length, width).setValues(block);
}
