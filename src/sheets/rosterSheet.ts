// Reads the Partner Roster's state and writes a plan, each in a few batched calls whose number does not grow
// with the number of partners. https://developers.google.com/apps-script/guides/support/best-practices
import { isColumnKey, shownSegmentNames, type ColumnKey } from '../core/roster/columns';
import type { RosterPlan, RosterSheetState } from '../core/roster/plan';
import type { RuleSpec, ValidationSpec } from '../core/roster/specs';
import { COLUMN_KEY, columnLetterRange, columnValues } from './metadata';
import { buildRule, buildValidation, ourRuleFormula, readValidation } from './rules';
import { protectGenerated } from './protection';
import { columnLetter } from '../core/columns';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Our key of each column (null for people's columns), as far as the used area or the last keyed column reaches,
 * so columns a stopped run keyed but never filled are still found.
 */
export function readRosterKeys(sheet: Sheet): { keys: (ColumnKey | null)[]; lastRow: number } {
  const keyed = columnValues(sheet, COLUMN_KEY);
  const width = Math.max(sheet.getLastColumn(), ...keyed.keys());
  const keys = Array.from({ length: width }, (_, i) => {
    const v = keyed.get(i + 1);
    return v && isColumnKey(v) ? v : null;
  });
  return { keys, lastRow: sheet.getLastRow() };
}

/** The segment names the roster's columns show, by id ({} without a roster): for readSegmentsRows' adoption. */
export function readShownSegmentNames(roster: Sheet | undefined): Map<string, string> {
  if (!roster) return new Map();
  const { keys } = readRosterKeys(roster);
  return keys.length
    ? shownSegmentNames(roster.getRange(1, 1, 1, keys.length).getValues()[0], keys)
    : new Map();
}

export function readRosterState(sheet: Sheet): RosterSheetState {
  const { keys, lastRow } = readRosterKeys(sheet);
  const width = keys.length;
  let values: unknown[][] = [];
  let formulas: string[][] = [];
  let validations: (ValidationSpec | null)[][] = [];
  let headerNotes: string[] = [];
  let headerBackgrounds: string[] = [];
  if (lastRow > 0 && width > 0) {
    const all = sheet.getRange(1, 1, lastRow, width);
    values = all.getValues();
    formulas = all.getFormulas();
    const header = sheet.getRange(1, 1, 1, width);
    headerNotes = header.getNotes()[0];
    headerBackgrounds = header.getBackgrounds()[0];
    if (lastRow > 1) {
      validations = sheet
        .getRange(2, 1, lastRow - 1, width)
        .getDataValidations()
        .map((row) => row.map(readValidation));
    }
  }
  const rules = sheet.getConditionalFormatRules();
  const ourRules: RuleSpec[] = [];
  let userRulesFirst = true;
  rules.forEach((rule) => {
    const formula = ourRuleFormula(rule);
    const condition = rule.getBooleanCondition();
    if (formula !== null && condition) {
      ourRules.push({
        ranges: rule.getRanges().map((r) => ({
          row: r.getRow(),
          column: r.getColumn(),
          numRows: r.getNumRows(),
          numColumns: r.getNumColumns(),
        })),
        formula,
        background: condition.getBackground(),
        fontColor: condition.getFontColor(),
      });
    } else if (ourRules.length > 0) {
      userRulesFirst = false;
    }
  });
  return {
    values,
    formulas,
    keys,
    validations,
    headerNotes,
    headerBackgrounds,
    ourRules,
    userRulesFirst,
    frozenRows: sheet.getFrozenRows(),
    frozenColumns: sheet.getFrozenColumns(),
  };
}

export function writeRosterPlan(sheet: Sheet, plan: RosterPlan, firstBuild: boolean): void {
  const { ops } = plan.layout;
  for (const column of ops.deleteColumns) sheet.deleteColumn(column);
  for (const { at, count } of ops.insertColumns) sheet.insertColumnsBefore(at, count);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < ops.width) sheet.insertColumnsAfter(maxColumns, ops.width - maxColumns);
  const maxRows = sheet.getMaxRows();
  if (maxRows < plan.lastRow + 1) sheet.insertRowsAfter(maxRows, plan.lastRow + 1 - maxRows);

  // Metadata before values: a run stopped here leaves columns the next run knows as its own.
  for (const { column, key } of plan.newColumns) {
    sheet.getRange(columnLetterRange(column)).addDeveloperMetadata(COLUMN_KEY, key);
  }
  for (const w of plan.writes) {
    sheet.getRange(w.row, w.column, w.values.length, w.values[0].length).setValues(w.values);
  }
  for (const v of plan.validations) {
    sheet.getRange(v.row, v.column, v.numRows, 1).setDataValidation(buildValidation(v.spec));
  }
  const width = ops.width;
  if (plan.headerNotes) sheet.getRange(1, 1, 1, width).setNotes([plan.headerNotes]);
  if (plan.headerBackgrounds) sheet.getRange(1, 1, 1, width).setBackgrounds([plan.headerBackgrounds]);
  if (firstBuild)
    sheet.getRange(1, 1, 1, width).setFontWeight('bold').setVerticalAlignment('middle').setWrap(true);
  if (plan.rules) {
    const users = sheet.getConditionalFormatRules().filter((rule) => ourRuleFormula(rule) === null);
    // The user's own rules keep their place, ahead of ours.
    sheet.setConditionalFormatRules([...users, ...plan.rules.map((r) => buildRule(sheet, r))]);
  }
  if (plan.frozen) {
    sheet.setFrozenRows(plan.frozen.rows);
    sheet.setFrozenColumns(plan.frozen.columns);
  }
  for (const { column, width: w } of plan.widths) sheet.setColumnWidth(column, w);
  protectGenerated(
    sheet,
    plan.openColumns.map((c) => `${columnLetter(c)}2:${columnLetter(c)}`),
  );
}
