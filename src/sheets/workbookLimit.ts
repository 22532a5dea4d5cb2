// Google Sheets' 10 million cells per spreadsheet (every sheet's rows × columns, empty cells too):
// https://support.google.com/drive/answer/37603. The add-on grows the grid (new sheets, rows, columns) before it
// writes anything into it, so a refusal there leaves nothing half-written; this turns it into plain words.
import { workbookLimitProblem } from '../core/limits';
import { UserError } from './errors';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Every sheet's grid: 1 + 2 calls a sheet, so asked only after something failed. */
export function cellsInWorkbook(ss: Spreadsheet): number {
  return ss.getSheets().reduce((n, sheet) => n + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
}

/**
 * What to throw after `error` stopped a run that made `made` and still needed about `adding` cells for `what`
 * ("the roster"). When the spreadsheet is at the cell limit, the sheets this run made are deleted (nothing of
 * anyone's is in them) and the reason is said in plain words; any other error goes on as it was. The limit is
 * judged by counting, not by the error's wording, which Apps Script does not document.
 */
export function outOfRoom(
  ss: Spreadsheet,
  error: unknown,
  made: readonly Sheet[],
  adding: number,
  what: string,
): unknown {
  if (error instanceof UserError) return error;
  try {
    // The spreadsheet as it was before this run, plus what the run needed: past the limit or not.
    const ours = made.reduce((n, sheet) => n + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
    const problem = workbookLimitProblem(cellsInWorkbook(ss) - ours, adding, what);
    if (!problem) return error;
    for (const sheet of made) ss.deleteSheet(sheet);
    return new UserError(problem);
  } catch {
    return error; // the service is failing: the first error is the one to report
  }
}
