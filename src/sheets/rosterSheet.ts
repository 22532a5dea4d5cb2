// Reads the Partner Roster's state and writes a plan, each in a few batched calls whose number does not grow
// with the number of partners. https://developers.google.com/apps-script/guides/support/best-practices
import { isColumnKey, isOpenToPeople, shownSegmentNames, type ColumnKey } from '../core/roster/columns';
import type { RosterPlan, RosterSheetState } from '../core/roster/plan';
import type { RuleSpec } from '../core/roster/specs';
import { COLUMN_KEY, markFinished, type OwnedSheets } from './metadata';
import { buildRule, buildValidation, ourRuleFormula } from './rules';
import { newSheetSize } from './ownedSheets';
import { protectGenerated, readProtection } from './protection';
import { runs } from '../core/roster/a1';
import { cellText } from '../core/text';
import { keepNewerEntries } from '../core/roster/writes';
import { blockA1, RangeBatch, valuesToLastCell, wholeColumnA1 } from './ranges';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Our key of each column (null for people's columns), as far as the used width or the last keyed column reaches,
 * so columns a stopped run keyed but never filled are still found.
 */
function keysOf(owned: OwnedSheets, usedWidth: number): (ColumnKey | null)[] {
  const keyed = owned.columnValues('roster', COLUMN_KEY);
  const width = Math.max(usedWidth, ...keyed.keys());
  return Array.from({ length: width }, (_, i) => {
    const v = keyed.get(i + 1);
    return v && isColumnKey(v) ? v : null;
  });
}

/** The roster's values (valuesToLastCell, one call) and our key of each column, the rows padded to the keys. */
export function readRosterGrid(
  sheet: Sheet,
  owned: OwnedSheets,
): { keys: (ColumnKey | null)[]; values: unknown[][] } {
  const data = valuesToLastCell(sheet);
  const used = data.length === 0 || (data.length === 1 && data[0].every((v) => v === '')) ? [] : data;
  const keys = keysOf(owned, used[0]?.length ?? 0);
  const values = used.map((row) =>
    row.length < keys.length ? [...row, ...Array(keys.length - row.length).fill('')] : row,
  );
  return { keys, values };
}

/** The segment names the roster's columns show, by id ({} without a roster): for readSegmentsRows' adoption. */
export function readShownSegmentNames(owned: OwnedSheets): Map<string, string> {
  const roster = owned.get('roster');
  if (!roster) return new Map();
  // The whole header row (two calls): only keyed columns are looked at, so trailing blanks do not matter.
  const header = roster.getRange('1:1').getValues()[0];
  const keys = keysOf(owned, header.length);
  return keys.length ? shownSegmentNames(header, keys) : new Map();
}

export interface RosterRead {
  state: RosterSheetState;
  /** The user's own conditional-format rules, in order: written back ahead of ours. */
  userRules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[];
  /** Its warning protection, if any. */
  protection: GoogleAppsScript.Spreadsheet.Protection | null;
  /** Rows and columns the sheet is known to have (what was read): the writer asks for its size only past them. */
  known: { rows: number; columns: number };
}

/**
 * The roster as the planner needs it. No cell's data validation is read: the add-on puts its own rules back
 * whole (writeRosterPlan), so a refresh calls no getter on rule objects, whatever the size of the list.
 */
export function readRosterState(sheet: Sheet, owned: OwnedSheets): RosterRead {
  // getDataRange: A1 to the last row and column with content, in one call (its size getters need no round trip).
  const all = sheet.getDataRange();
  let values: unknown[][] = all.getValues();
  let formulas: string[][] = all.getFormulas();
  if (values.length === 1 && values[0].length === 1 && values[0][0] === '' && formulas[0][0] === '') {
    values = [];
    formulas = [];
  }
  const keys = keysOf(owned, values[0]?.length ?? 0);
  const width = keys.length;
  // Keyed columns past the last one with content (a stopped run keyed them): read as blank.
  const pad = <T>(rows: T[][], blank: T) =>
    rows.map((row) => (row.length < width ? [...row, ...Array<T>(width - row.length).fill(blank)] : row));
  values = pad(values, '' as unknown);
  formulas = pad(formulas, '');
  let headerNotes: string[] = [];
  let headerBackgrounds: string[] = [];
  if (values.length > 0 && width > 0) {
    const header = sheet.getRange(1, 1, 1, width);
    headerNotes = header.getNotes()[0];
    headerBackgrounds = header.getBackgrounds()[0];
  }
  const rules = sheet.getConditionalFormatRules();
  const ourRules: RuleSpec[] = [];
  const userRules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
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
    } else {
      userRules.push(rule);
      if (ourRules.length > 0) userRulesFirst = false;
    }
  });
  const state = {
    values,
    formulas,
    keys,
    headerNotes,
    headerBackgrounds,
    ourRules,
    userRulesFirst,
    frozenRows: sheet.getFrozenRows(),
    frozenColumns: sheet.getFrozenColumns(),
  };
  return {
    state,
    userRules,
    protection: readProtection(sheet),
    known: { rows: values.length, columns: width },
  };
}

/** The roster's rows moved between the read and the write (people sorted it): plan again from a new read. */
export class RowsMovedError extends Error {
  constructor() {
    super('The roster rows moved while it was being refreshed.');
    this.name = 'RowsMovedError';
  }
}

/**
 * A range now open that a run of ours opened: data rows down from row 2, over columns open to people or made by
 * this run (Sheets widens an open range over a column inserted inside it). Anything else open is the owner's,
 * and stays open.
 */
function openedByUs(range: GoogleAppsScript.Spreadsheet.Range, plan: RosterPlan): boolean {
  if (range.getRow() !== 2) return false;
  const { slots } = plan.layout;
  for (let c = range.getColumn(); c <= range.getLastColumn(); c++) {
    const slot = slots[c - 1];
    if (!slot || (slot.current !== null && !isOpenToPeople(slot.key))) return false;
  }
  return true;
}

/**
 * Writes a plan in a number of calls that grows with the columns and rules that changed, never with partners:
 * every range comes from one getRangeList, values go in one setValues per block, rules in one call per run of
 * columns. https://developers.google.com/apps-script/guides/support/best-practices#use_batch_operations
 *
 * @param read the roster as read (readRosterState); null for a roster made in this run.
 * @param firstBuild a new roster, or one a stopped first build left unfinished: the one-time formats, then the
 *   finished mark as the last call.
 */
export function writeRosterPlan(
  sheet: Sheet,
  plan: RosterPlan,
  read: RosterRead | null,
  firstBuild: boolean,
): void {
  const userRules = read ? read.userRules : [];
  const { ops } = plan.layout;
  for (const column of ops.deleteColumns) sheet.deleteColumn(column);
  for (const { at, count } of ops.insertColumns) sheet.insertColumnsBefore(at, count);
  // The grid's size is asked only when the plan reaches past what the read saw (one call each, usually only
  // rows), and never for a sheet this run inserted (its size is the default).
  const size = read ? null : newSheetSize(sheet);
  const inserted = ops.insertColumns.reduce((n, i) => n + i.count, 0) - ops.deleteColumns.length;
  if (ops.width > (read ? read.known.columns + inserted : 0)) {
    const maxColumns = size ? size.columns : sheet.getMaxColumns();
    if (maxColumns < ops.width) sheet.insertColumnsAfter(maxColumns, ops.width - maxColumns);
  }
  if (plan.lastRow + 1 > (read ? read.known.rows : 0)) {
    const maxRows = size ? size.rows : sheet.getMaxRows();
    if (maxRows < plan.lastRow + 1) sheet.insertRowsAfter(maxRows, plan.lastRow + 1 - maxRows);
  }

  const width = ops.width;
  const batch = new RangeBatch(sheet);
  const keyed = plan.newColumns.map(({ column, key }) => ({ key, at: batch.add(wholeColumnA1(column)) }));
  const writes = plan.writes.map((w) => ({
    write: w,
    at: batch.add(blockA1(w.row, w.column, w.values.length, w.values[0].length)),
  }));
  const validations = plan.validations.map((v) => ({
    block: v,
    at: batch.add(blockA1(v.row, v.column, v.numRows, v.numColumns)),
  }));
  const header =
    plan.headerNotes || plan.headerBackgrounds || firstBuild ? batch.add(blockA1(1, 1, 1, width)) : -1;
  const rules = (plan.rules ?? []).map((spec) => ({
    spec,
    at: spec.ranges.map((g) => batch.add(blockA1(g.row, g.column, g.numRows, g.numColumns))),
  }));
  const wraps = (plan.wrap ?? []).map((c) => batch.add(wholeColumnA1(c)));
  const openA1s = runs(plan.openColumns).map(([from, to]) => blockA1(2, from, null, to - from + 1));
  const open = openA1s.map((a1) => batch.add(a1));
  // Each write into existing rows first re-reads them (one call), with the Partner and ID cells of those rows:
  // a person may have sorted the roster since the plan's read. Rows that moved stop the write (the caller plans
  // again); cells people changed meanwhile (Status, carried choices) are kept (the guard).
  const asRead = plan.rowsAsRead;
  const rereads = writes.map(({ write }) => {
    const rows = asRead ? Math.min(write.values.length, asRead.row + asRead.values.length - write.row) : 0;
    if (!asRead || rows < 1) return null;
    const first = Math.min(write.column, ...asRead.columns);
    const last = Math.max(write.column + write.values[0].length - 1, ...asRead.columns);
    return { first, at: batch.add(blockA1(write.row, first, rows, last - first + 1)) };
  });

  // Metadata before values: a run stopped here leaves columns the next run knows as its own.
  for (const { key, at } of keyed) batch.get(at).addDeveloperMetadata(COLUMN_KEY, key);
  writes.forEach(({ write, at }, w) => {
    const reread = rereads[w];
    if (!reread || !asRead) {
      batch.get(at).setValues(write.values);
      return;
    }
    const now = batch.get(reread.at).getValues();
    // Rows as read from row 2 (a write may start at the header row).
    const moved = now.some((row, r) => {
      const read = asRead.values[write.row - asRead.row + r];
      return read !== undefined && asRead.columns.some((c, i) => cellText(row[c - reread.first]) !== read[i]);
    });
    if (moved) throw new RowsMovedError();
    const offset = write.column - reread.first;
    batch.get(at).setValues(
      write.guard
        ? keepNewerEntries(
            write,
            now.map((row) => row.slice(offset)),
          )
        : write.values,
    );
  });
  // One rule per block (setDataValidation), not a grid of one rule per cell: what goes over the wire does not
  // grow with the list. Values are left as they are (the reference names no change to them).
  for (const { block, at } of validations) batch.get(at).setDataValidation(buildValidation(block.spec));
  if (plan.headerNotes) batch.get(header).setNotes([plan.headerNotes]);
  if (plan.headerBackgrounds) batch.get(header).setBackgrounds([plan.headerBackgrounds]);
  if (firstBuild) batch.get(header).setFontWeight('bold').setWrap(true);
  if (plan.rules) {
    // The user's own rules keep their place, ahead of ours (a sheet made in this run has none yet).
    sheet.setConditionalFormatRules([
      ...userRules,
      ...rules.map((r) =>
        buildRule(
          r.spec,
          r.at.map((i) => batch.get(i)),
        ),
      ),
    ]);
  }
  if (plan.frozen) {
    sheet.setFrozenRows(plan.frozen.rows);
    sheet.setFrozenColumns(plan.frozen.columns);
  }
  for (const { column, count, width: w } of plan.widths) sheet.setColumnWidths(column, count, w);
  for (const at of wraps) batch.get(at).setWrap(true);
  protectGenerated(
    sheet,
    { a1s: openA1s, ranges: () => open.map((i) => batch.get(i)) },
    read ? read.protection : null,
    (range) => openedByUs(range, plan),
  );
  if (firstBuild) markFinished(sheet, 'roster');
}
