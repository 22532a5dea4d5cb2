// Sheet: one tab of the spreadsheet.
// https://developers.google.com/apps-script/reference/spreadsheet/sheet
import { parseRange } from './a1';
import { parseInput } from './cellValues';
import { normalizeColor } from './colors';
import { makeChartBuilder, chartImpl, makeChart } from './charts';
import { conditionalRuleData, makeConditionalRule } from './conditionalFormat';
import type { Core } from './core';
import { SheetType } from './enums';
import { exception, MAX_WORKBOOK_CELLS, WORKBOOK_TOO_BIG } from './errors';
import { addMetadataAt, makeFinder, metadataAt } from './metadata';
import { protectionsOf, protectSheet } from './protection';
import { checkedRange } from './range';
import { makeRangeList } from './rangeList';
import type { SheetModel } from './workbook';

const ROWS_OUT_OF_BOUNDS = 'Those rows are out of bounds.';
const COLUMNS_OUT_OF_BOUNDS = 'Those columns are out of bounds.'; // fact 28
// Stand-in wording for deleting every row/column (Sheets UI text, not checked in Apps Script).
const DELETE_ALL_ROWS = 'Sorry, it is not possible to delete all non-frozen rows.';
const DELETE_ALL_COLUMNS = 'Sorry, it is not possible to delete all non-frozen columns.';

export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_ROW_HEIGHT = 21;

export class SheetImpl {
  constructor(
    readonly _core: Core,
    readonly _model: SheetModel,
  ) {}

  private get workbook() {
    return this._core.workbook;
  }

  // ---- identity ----

  getName() {
    return this._model.name;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#setName(String) — fact 11.
  setName(name: string) {
    const text = String(name);
    if (text !== this._model.name && this.workbook.sheetByName(text)) {
      throw exception(`A sheet with the name "${text}" already exists. Please enter another name.`);
    }
    this.workbook.renameSheet(this._model, text);
    return this;
  }
  getSheetId() {
    return this._model.id;
  }
  // Fact 14: 1-based.
  getIndex() {
    return this.workbook.sheets.indexOf(this._model) + 1;
  }
  getParent() {
    return this._core.spreadsheet();
  }
  getType() {
    return SheetType.GRID;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#activate()
  activate() {
    this.workbook.activeSheetId = this._model.id;
    return this;
  }
  toString() {
    return 'Sheet';
  }

  // ---- ranges ----

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer,Integer,Integer) — fact 27.
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number) {
    if (typeof rowOrA1 === 'string') return rangeFromA1(this._core, this._model, rowOrA1);
    return checkedRange(this._core, this._model, rowOrA1, column ?? 1, numRows ?? 1, numColumns ?? 1);
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange() — fact 18.
  getDataRange() {
    const rows = Math.max(1, this.getLastRow());
    const columns = Math.max(1, this.getLastColumn());
    return this._core.range(this._model, 1, 1, rows, columns);
  }
  getRangeList(a1Notations: string[]) {
    return makeRangeList(
      this._core,
      a1Notations.map((a1) => rangeFromA1(this._core, this._model, a1)),
    );
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetValues(Integer,Integer,Integer,Integer) — fact 31.
  getSheetValues(row: number, column: number, numRows: number, numColumns: number) {
    const nr = numRows === -1 ? this.getLastRow() - row + 1 : numRows;
    const nc = numColumns === -1 ? this.getLastColumn() - column + 1 : numColumns;
    return this.getRange(row, column, nr, nc).getValues();
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow() — fact 17. Spilled values count.
  getLastRow() {
    const spills = this._core.engine.spillRects(this._model);
    return Math.max(this._model.lastRow(), ...spills.map((r) => r.row + r.numRows - 1));
  }
  getLastColumn() {
    const spills = this._core.engine.spillRects(this._model);
    return Math.max(this._model.lastColumn(), ...spills.map((r) => r.column + r.numColumns - 1));
  }
  getMaxRows() {
    return this._model.maxRows;
  }
  getMaxColumns() {
    return this._model.maxColumns;
  }

  // ---- structure (fact 20) ----

  /** The 10-million-cell limit of a spreadsheet (errors.ts), checked before the grid grows. */
  private checkRoom(adding: number) {
    if (this.workbook.cellCount() + adding > MAX_WORKBOOK_CELLS) throw exception(WORKBOOK_TOO_BIG);
  }

  private insertRowsAt(at: number, count: number) {
    if (at < 1 || at > this._model.maxRows + 1 || count < 1) throw exception(ROWS_OUT_OF_BOUNDS);
    this.checkRoom(count * this._model.maxColumns);
    this.workbook.changeDimension(this._model, 'row', at, count);
    return this;
  }
  private insertColumnsAt(at: number, count: number) {
    if (at < 1 || at > this._model.maxColumns + 1 || count < 1) throw exception(COLUMNS_OUT_OF_BOUNDS);
    this.checkRoom(count * this._model.maxRows);
    this.workbook.changeDimension(this._model, 'column', at, count);
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
  insertRowsAfter(afterPosition: number, howMany: number) {
    return this.insertRowsAt(afterPosition + 1, howMany);
  }
  insertRowAfter(afterPosition: number) {
    return this.insertRowsAt(afterPosition + 1, 1);
  }
  insertRowsBefore(beforePosition: number, howMany: number) {
    return this.insertRowsAt(beforePosition, howMany);
  }
  insertRowBefore(beforePosition: number) {
    return this.insertRowsAt(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows?: number) {
    this.insertRowsAt(rowIndex, numRows ?? 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number) {
    return this.insertColumnsAt(afterPosition + 1, howMany);
  }
  insertColumnAfter(afterPosition: number) {
    return this.insertColumnsAt(afterPosition + 1, 1);
  }
  insertColumnsBefore(beforePosition: number, howMany: number) {
    return this.insertColumnsAt(beforePosition, howMany);
  }
  insertColumnBefore(beforePosition: number) {
    return this.insertColumnsAt(beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns?: number) {
    this.insertColumnsAt(columnIndex, numColumns ?? 1);
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteRows(Integer,Integer)
  deleteRows(rowPosition: number, howMany: number) {
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this._model.maxRows) {
      throw exception(ROWS_OUT_OF_BOUNDS);
    }
    if (howMany >= this._model.maxRows) throw exception(DELETE_ALL_ROWS);
    this.workbook.changeDimension(this._model, 'row', rowPosition, -howMany);
  }
  deleteRow(rowPosition: number) {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number) {
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this._model.maxColumns) {
      throw exception(COLUMNS_OUT_OF_BOUNDS);
    }
    if (howMany >= this._model.maxColumns) throw exception(DELETE_ALL_COLUMNS);
    this.workbook.changeDimension(this._model, 'column', columnPosition, -howMany);
  }
  deleteColumn(columnPosition: number) {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  // ---- content ----

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object) — fact 21.
  appendRow(rowContents: unknown[]) {
    if (!Array.isArray(rowContents))
      throw exception(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    const row = this.getLastRow() + 1;
    this.checkRoom(
      Math.max(0, row - this._model.maxRows) * this._model.maxColumns +
        Math.max(0, rowContents.length - this._model.maxColumns) * Math.max(row, this._model.maxRows),
    );
    if (row > this._model.maxRows)
      this.workbook.changeDimension(this._model, 'row', this._model.maxRows + 1, row - this._model.maxRows);
    if (rowContents.length > this._model.maxColumns) {
      this.workbook.changeDimension(
        this._model,
        'column',
        this._model.maxColumns + 1,
        rowContents.length - this._model.maxColumns,
      );
    }
    rowContents.forEach((v, i) => this._model.setContent(row, i + 1, parseInput(v)));
    this._core.wrote(rowContents.length);
    this.workbook.contentChanged(this._model.rect(row, 1, 1, Math.max(1, rowContents.length)));
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#clear() — fact 23: keeps notes and validation.
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }) {
    const contents = !options || options.contentsOnly || !options.formatOnly;
    const formats = !options || options.formatOnly || !options.contentsOnly;
    for (const line of this._model.rows) {
      if (!line) continue;
      for (const cell of line) {
        if (!cell) continue;
        if (contents) {
          delete cell.value;
          delete cell.formula;
        }
        if (formats) delete cell.format;
      }
    }
    if (formats) this._model.conditionalRules = [];
    if (contents)
      this.workbook.contentChanged(this._model.rect(1, 1, this._model.maxRows, this._model.maxColumns));
    return this;
  }
  clearContents() {
    return this.clear({ contentsOnly: true });
  }
  clearFormats() {
    return this.clear({ formatOnly: true });
  }
  clearNotes() {
    for (const line of this._model.rows) for (const cell of line ?? []) if (cell) delete cell.note;
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#sort(Integer,Boolean) — fact 25.
  // Frozen rows stay in place (stand-in choice; not verified, see facts "Not verified").
  sort(columnPosition: number, ascending?: boolean) {
    const first = this._model.frozenRows + 1;
    const last = this.getLastRow();
    if (last < first) return this;
    const asc = ascending === undefined ? true : !!ascending;
    const range = this._core.range(this._model, first, 1, last - first + 1, this._model.maxColumns);
    (range as unknown as { sort(spec: unknown): unknown }).sort({ column: columnPosition, ascending: asc });
    return this;
  }

  // ---- layout ----

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#setFrozenRows(Integer) — fact 22.
  setFrozenRows(rows: number) {
    if (rows >= this._model.maxRows) throw exception("You can't freeze all visible rows on the sheet.");
    this._model.frozenRows = rows;
  }
  setFrozenColumns(columns: number) {
    if (columns >= this._model.maxColumns)
      throw exception("You can't freeze all visible columns on the sheet.");
    this._model.frozenColumns = columns;
  }
  getFrozenRows() {
    return this._model.frozenRows;
  }
  getFrozenColumns() {
    return this._model.frozenColumns;
  }
  // Fact 29.
  setColumnWidth(columnPosition: number, width: number) {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number) {
    if (startColumn < 1 || startColumn + numColumns - 1 > this._model.maxColumns)
      throw exception(COLUMNS_OUT_OF_BOUNDS);
    for (let c = startColumn; c < startColumn + numColumns; c++) this._model.columnWidths.set(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number) {
    if (columnPosition < 1 || columnPosition > this._model.maxColumns) throw exception(COLUMNS_OUT_OF_BOUNDS);
    return this._model.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  setRowHeight(rowPosition: number, height: number) {
    return this.setRowHeights(rowPosition, 1, height);
  }
  setRowHeights(startRow: number, numRows: number, height: number) {
    if (startRow < 1 || startRow + numRows - 1 > this._model.maxRows) throw exception(ROWS_OUT_OF_BOUNDS);
    for (let r = startRow; r < startRow + numRows; r++) this._model.rowHeights.set(r, height);
    return this;
  }
  setRowHeightsForced(startRow: number, numRows: number, height: number) {
    return this.setRowHeights(startRow, numRows, height);
  }
  getRowHeight(rowPosition: number) {
    if (rowPosition < 1 || rowPosition > this._model.maxRows) throw exception(ROWS_OUT_OF_BOUNDS);
    return this._model.rowHeights.get(rowPosition) ?? DEFAULT_ROW_HEIGHT;
  }
  // Recorded only: the stand-in has no fonts to measure.
  autoResizeColumns(startColumn: number, numColumns: number) {
    this._model.autoResized.push({ column: startColumn, numColumns });
    return this;
  }
  autoResizeColumn(columnPosition: number) {
    return this.autoResizeColumns(columnPosition, 1);
  }
  setTabColor(color: string | null) {
    this._model.tabColor = color === null ? null : normalizeColor(String(color));
    return this;
  }
  getTabColor() {
    return this._model.tabColor;
  }
  hideColumns(columnIndex: number, numColumns?: number) {
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++) this._model.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns?: number) {
    for (let c = columnIndex; c < columnIndex + (numColumns ?? 1); c++) this._model.hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number) {
    return this._model.hiddenColumns.has(columnPosition);
  }
  hideRows(rowIndex: number, numRows?: number) {
    for (let r = rowIndex; r < rowIndex + (numRows ?? 1); r++) this._model.hiddenRows.add(r);
  }
  showRows(rowIndex: number, numRows?: number) {
    for (let r = rowIndex; r < rowIndex + (numRows ?? 1); r++) this._model.hiddenRows.delete(r);
  }
  isRowHiddenByUser(rowPosition: number) {
    return this._model.hiddenRows.has(rowPosition);
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#hideSheet() — fact 26.
  hideSheet() {
    const visible = this.workbook.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this._model)
      throw exception("You can't hide all the sheets in a document.");
    this._model.hidden = true;
    return this;
  }
  showSheet() {
    this._model.hidden = false;
    return this;
  }
  isSheetHidden() {
    return this._model.hidden;
  }

  // ---- developer metadata ----

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown) {
    addMetadataAt(this._core, { type: 'SHEET', sheetId: this._model.id }, key, valueOrVisibility, visibility);
    return this;
  }
  getDeveloperMetadata() {
    return metadataAt(this._core, { type: 'SHEET', sheetId: this._model.id });
  }
  createDeveloperMetadataFinder() {
    return makeFinder(this._core, { kind: 'sheet', sheetId: this._model.id });
  }

  // ---- conditional formatting (fact 24) ----

  getConditionalFormatRules() {
    return this._model.conditionalRules.map((rule) => makeConditionalRule(this._core, rule));
  }
  setConditionalFormatRules(rules: unknown[]) {
    this._model.conditionalRules = rules.map((rule) => conditionalRuleData(rule));
    this.workbook.structureChanged();
  }
  clearConditionalFormatRules() {
    this._model.conditionalRules = [];
  }

  // ---- charts ----

  newChart() {
    return makeChartBuilder(this._core, this._model, null);
  }
  insertChart(chart: unknown) {
    const data = chartImpl(chart)._data;
    this._model.charts.push({ ...data, id: this.workbook.nextObjectId++ });
  }
  getCharts() {
    return this._model.charts.map((c) => makeChart(this._core, this._model, c));
  }
  removeChart(chart: unknown) {
    const id = chartImpl(chart)._data.id;
    this._model.charts = this._model.charts.filter((c) => c.id !== id);
  }
  updateChart(chart: unknown) {
    const data = chartImpl(chart)._data;
    const index = this._model.charts.findIndex((c) => c.id === data.id);
    if (index < 0) throw exception('The chart does not exist on this sheet.');
    this._model.charts[index] = { ...data };
  }

  // ---- protection ----

  protect() {
    return protectSheet(this._core, this._model);
  }
  getProtections(type: unknown) {
    return protectionsOf(this._core, this._model, type);
  }
}

/** Resolves A1 notation on a sheet (facts 32–37). */
export function rangeFromA1(core: Core, sheet: SheetModel, a1: string): GoogleAppsScript.Spreadsheet.Range {
  const parsed = parseRange(String(a1));
  if (!parsed) throw exception('Range not found');
  const startRowBounded = parsed.startRow !== undefined;
  const startColumnBounded = parsed.startColumn !== undefined;
  const row = parsed.startRow ?? 1;
  const column = parsed.startColumn ?? 1;
  const endRow = parsed.endRow ?? sheet.maxRows;
  const endColumn = parsed.endColumn ?? sheet.maxColumns;
  if (endRow > sheet.maxRows || endColumn > sheet.maxColumns || row > endRow || column > endColumn) {
    throw exception('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return core.range(sheet, row, column, endRow - row + 1, endColumn - column + 1, {
    startRowBounded,
    startColumnBounded,
    endRowBounded: parsed.endRow !== undefined,
    endColumnBounded: parsed.endColumn !== undefined,
  });
}

export function makeSheet(core: Core, model: SheetModel): GoogleAppsScript.Spreadsheet.Sheet {
  return core.wrap(new SheetImpl(core, model), 'Sheet', {
    counted: true,
    document: true,
  }) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
}
