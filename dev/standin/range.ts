// Range: a block of cells of one sheet.
// https://developers.google.com/apps-script/reference/spreadsheet/range
import { rangeA1, type RangeBounds } from './a1';
import { displayValue, parseFormulaInput, parseInput, type CellContent, type CellValue } from './cellValues';
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR, normalizeColor, rgbToHex } from './colors';
import type { Core } from './core';
import { enumKey } from './enums';
import { exception, signatureError } from './errors';
import {
  addMetadataAt,
  metadataAt,
  makeFinder,
  WHOLE_ROW_OR_COLUMN_ONLY,
  type FinderScope,
} from './metadata';
import { isDate } from './realm';
import { unwrap } from './serviceProxy';
import { makeDataValidation, validationDataOf } from './validation';
import type { Cell, CellFormat, GridRect, SheetModel } from './workbook';
import { hasContent } from './workbook';
import { protectRange } from './protection';
import { compareForSort, parseSortSpec } from './sorting';

// Not counted: coordinate getters answer from what the Range object already holds (see calls.ts).
export const RANGE_UNCOUNTED = new Set([
  'getRow',
  'getColumn',
  'getRowIndex',
  'getNumRows',
  'getNumColumns',
  'getLastRow',
  'getLastColumn',
  'getA1Notation',
  'getSheet',
  'getGridId',
  'getWidth',
  'getHeight',
  'toString',
  'isStartRowBounded',
  'isStartColumnBounded',
  'isEndRowBounded',
  'isEndColumnBounded',
]);

type Grid<T> = T[][];

export class RangeImpl {
  constructor(
    readonly _core: Core,
    readonly _sheet: SheetModel,
    readonly _row: number,
    readonly _column: number,
    readonly _numRows: number,
    readonly _numColumns: number,
    readonly _bounds: RangeBounds,
  ) {}

  _rect(): GridRect {
    return this._sheet.rect(this._row, this._column, this._numRows, this._numColumns);
  }

  private map<T>(fn: (cell: Cell | undefined, row: number, column: number) => T): Grid<T> {
    const out: Grid<T> = new Array(this._numRows);
    for (let i = 0; i < this._numRows; i++) {
      const line = this._sheet.rows[this._row - 1 + i];
      const row: T[] = new Array(this._numColumns);
      for (let j = 0; j < this._numColumns; j++)
        row[j] = fn(line?.[this._column - 1 + j], this._row + i, this._column + j);
      out[i] = row;
    }
    return out;
  }

  /** Writes per-cell content; `content` gives the new content for (i, j). */
  private writeContents(contents: (i: number, j: number) => CellContent): void {
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numColumns; j++) {
        this._sheet.setContent(this._row + i, this._column + j, contents(i, j));
      }
    }
    this._core.wrote(this._numRows * this._numColumns);
    this._core.workbook.contentChanged(this._rect());
  }

  private checkGrid(values: unknown, method: string): unknown[][] {
    if (!Array.isArray(values) || !values.every((r) => Array.isArray(r))) {
      throw signatureError('Range', method, [values]);
    }
    // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object) — fact 44.
    if (values.length !== this._numRows) {
      throw exception(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this._numRows}.`,
      );
    }
    for (const row of values as unknown[][]) {
      if (row.length !== this._numColumns) {
        throw exception(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this._numColumns}.`,
        );
      }
    }
    return values as unknown[][];
  }

  /** Value of one cell as getValues reports it (fact 42). */
  _valueOf(cell: Cell | undefined, row: number, column: number, spills: GridRect[]): CellValue | '' {
    if (cell?.formula !== undefined) return this._core.engine.computedValue(this._sheet, row, column);
    if (cell?.value !== undefined) return isDate(cell.value) ? new Date(cell.value.getTime()) : cell.value;
    if (
      spills.length > 0 &&
      spills.some(
        (r) =>
          row >= r.row && row < r.row + r.numRows && column >= r.column && column < r.column + r.numColumns,
      )
    ) {
      return this._core.engine.computedValue(this._sheet, row, column);
    }
    return '';
  }

  // ---- values and formulas ----

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  getValues(): Grid<CellValue | ''> {
    const spills = this._core.engine.spillRects(this._sheet);
    return this.map((cell, r, c) => this._valueOf(cell, r, c, spills));
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValue()
  getValue(): CellValue | '' {
    const spills = this._core.engine.spillRects(this._sheet);
    return this._valueOf(this._sheet.cell(this._row, this._column), this._row, this._column, spills);
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
  setValues(values: unknown[][]) {
    const grid = this.checkGrid(values, 'setValues');
    const parsed = grid.map((row) => row.map((v) => parseInput(v)));
    this.writeContents((i, j) => parsed[i][j]);
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
  setValue(value: unknown) {
    const content = parseInput(value);
    this.writeContents(() => content);
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
  getDisplayValues(): Grid<string> {
    return this.getValues().map((row) => row.map((v) => displayValue(v)));
  }
  getDisplayValue(): string {
    return displayValue(this.getValue());
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getFormulas() — fact 50.
  getFormulas(): Grid<string> {
    return this.map((cell) => cell?.formula ?? '');
  }
  getFormula(): string {
    return this._sheet.cell(this._row, this._column)?.formula ?? '';
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setFormulas(String)
  setFormulas(formulas: string[][]) {
    const grid = this.checkGrid(formulas, 'setFormulas');
    const parsed = grid.map((row) => row.map((f) => parseFormulaInput(f)));
    this.writeContents((i, j) => parsed[i][j]);
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setFormula(String)
  setFormula(formula: string) {
    const content = parseFormulaInput(formula);
    this.writeContents(() => content);
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#clearContent()
  clearContent() {
    this.writeContents(() => ({}));
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#clear()
  // Options: contentsOnly, formatOnly, commentsOnly, validationsOnly (fact 60).
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    commentsOnly?: boolean;
    validationsOnly?: boolean;
  }) {
    const o = options ?? {};
    const specific = o.contentsOnly || o.formatOnly || o.commentsOnly || o.validationsOnly;
    if (!specific || o.contentsOnly) this.writeContents(() => ({}));
    this.forCells((cell) => {
      if (!specific || o.formatOnly) delete cell.format;
      if (o.commentsOnly) delete cell.note;
      if (o.validationsOnly) delete cell.validation;
    });
    return this;
  }
  clearFormat() {
    this.forCells((cell) => delete cell.format);
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#isBlank() — fact 47.
  isBlank(): boolean {
    const spills = this._core.engine.spillRects(this._sheet);
    return this.map((cell, r, c) => hasContent(cell) || this._valueOf(undefined, r, c, spills) !== '').every(
      (row) => row.every((x) => !x),
    );
  }

  // ---- coordinates ----

  getRow() {
    return this._row;
  }
  getRowIndex() {
    return this._row;
  }
  getColumn() {
    return this._column;
  }
  getNumRows() {
    return this._numRows;
  }
  getNumColumns() {
    return this._numColumns;
  }
  getHeight() {
    return this._numRows;
  }
  getWidth() {
    return this._numColumns;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getLastRow() — fact 40.
  getLastRow() {
    return this._row + this._numRows - 1;
  }
  getLastColumn() {
    return this._column + this._numColumns - 1;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getA1Notation() — facts 32, 33.
  getA1Notation() {
    return rangeA1(this._row, this._column, this._numRows, this._numColumns, this._bounds);
  }
  getSheet() {
    return this._core.sheet(this._sheet);
  }
  getGridId() {
    return this._sheet.id;
  }
  isStartRowBounded() {
    return this._bounds.startRowBounded;
  }
  isStartColumnBounded() {
    return this._bounds.startColumnBounded;
  }
  isEndRowBounded() {
    return this._bounds.endRowBounded;
  }
  isEndColumnBounded() {
    return this._bounds.endColumnBounded;
  }
  toString() {
    return 'Range';
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#offset(Integer,Integer,Integer,Integer) — fact 38.
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number) {
    const nr = numRows ?? this._numRows;
    const nc = numColumns ?? this._numColumns;
    if (nr < 1) throw exception('The number of rows in the range must be at least 1.');
    if (nc < 1) throw exception('The number of columns in the range must be at least 1.');
    return checkedRange(this._core, this._sheet, this._row + rowOffset, this._column + columnOffset, nr, nc);
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getCell(Integer,Integer) — fact 39.
  getCell(row: number, column: number) {
    if (row < 1 || column < 1 || row > this._numRows || column > this._numColumns) {
      throw exception('Cell reference out of range');
    }
    return this._core.range(this._sheet, this._row + row - 1, this._column + column - 1, 1, 1);
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#activate()
  activate() {
    this._core.workbook.activeSheetId = this._sheet.id;
    this._core.workbook.activeRanges.set(this._sheet.id, [this._rect()]);
    return this;
  }

  // ---- formats ----

  private forCells(fn: (cell: Cell, row: number, column: number) => void): void {
    for (let i = 0; i < this._numRows; i++) {
      for (let j = 0; j < this._numColumns; j++)
        fn(this._sheet.ensureCell(this._row + i, this._column + j), this._row + i, this._column + j);
    }
  }
  private setFormat<K extends keyof CellFormat>(key: K, value: CellFormat[K] | null | undefined) {
    this.forCells((cell) => {
      if (value === null || value === undefined) {
        if (cell.format) delete cell.format[key];
      } else (cell.format ??= {})[key] = value;
    });
    return this;
  }
  private setFormats<K extends keyof CellFormat>(
    key: K,
    values: unknown[][],
    convert: (v: unknown) => CellFormat[K] | null,
    method: string,
  ) {
    const grid = this.checkGrid(values, method);
    this.forCells((cell, r, c) => {
      const v = convert(grid[r - this._row][c - this._column]);
      if (v === null || v === undefined) {
        if (cell.format) delete cell.format[key];
      } else (cell.format ??= {})[key] = v;
    });
    return this;
  }
  private getFormats<T>(fn: (format: CellFormat | undefined) => T): Grid<T> {
    return this.map((cell) => fn(cell?.format));
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setBackground(String) — facts 4, 58.
  setBackground(color: string | null) {
    return this.setFormat('background', color === null ? null : normalizeColor(String(color)));
  }
  setBackgroundRGB(red: number, green: number, blue: number) {
    return this.setFormat('background', rgbToHex(red, green, blue));
  }
  setBackgrounds(colors: unknown[][]) {
    return this.setFormats(
      'background',
      colors,
      (v) => (v === null || v === '' ? null : normalizeColor(String(v))),
      'setBackgrounds',
    );
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getBackground() — fact 56.
  getBackground() {
    return this.getBackgrounds()[0][0];
  }
  getBackgrounds() {
    return this.getFormats((f) => f?.background ?? DEFAULT_BACKGROUND);
  }
  setFontColor(color: string | null) {
    return this.setFormat('fontColor', color === null ? null : normalizeColor(String(color)));
  }
  setFontColors(colors: unknown[][]) {
    return this.setFormats(
      'fontColor',
      colors,
      (v) => (v === null || v === '' ? null : normalizeColor(String(v))),
      'setFontColors',
    );
  }
  getFontColor() {
    return this.getFontColors()[0][0];
  }
  getFontColors() {
    return this.getFormats((f) => f?.fontColor ?? DEFAULT_FONT_COLOR);
  }
  setFontWeight(weight: string | null) {
    return this.setFormat('fontWeight', weight === null ? null : String(weight));
  }
  setFontWeights(weights: unknown[][]) {
    return this.setFormats('fontWeight', weights, (v) => (v === null ? null : String(v)), 'setFontWeights');
  }
  getFontWeight() {
    return this.getFontWeights()[0][0];
  }
  getFontWeights() {
    return this.getFormats((f) => f?.fontWeight ?? 'normal');
  }
  setFontStyle(style: string | null) {
    return this.setFormat('fontStyle', style === null ? null : String(style));
  }
  setFontStyles(styles: unknown[][]) {
    return this.setFormats('fontStyle', styles, (v) => (v === null ? null : String(v)), 'setFontStyles');
  }
  getFontStyle() {
    return this.getFormats((f) => f?.fontStyle ?? 'normal')[0][0];
  }
  getFontStyles() {
    return this.getFormats((f) => f?.fontStyle ?? 'normal');
  }
  setFontSize(size: number) {
    return this.setFormat('fontSize', size);
  }
  getFontSize() {
    return this.getFormats((f) => f?.fontSize ?? 10)[0][0];
  }
  setFontFamily(family: string | null) {
    return this.setFormat('fontFamily', family);
  }
  getFontFamily() {
    return this.getFormats((f) => f?.fontFamily ?? 'Arial')[0][0];
  }
  setFontLine(line: string | null) {
    return this.setFormat('fontLine', line);
  }
  getFontLine() {
    return this.getFormats((f) => f?.fontLine ?? 'none')[0][0];
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setWrap(Boolean) — fact 57.
  setWrap(wrap: boolean) {
    this.setFormat('wrapStrategy', wrap ? 'WRAP' : 'OVERFLOW');
    return this.setFormat('wrap', !!wrap);
  }
  setWrapStrategy(strategy: unknown) {
    const key = enumKey(strategy);
    this.setFormat('wrap', key === 'WRAP');
    return this.setFormat('wrapStrategy', key);
  }
  getWrap() {
    return this.getWraps()[0][0];
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setWraps(Object) — like setWrap per cell.
  setWraps(wraps: unknown[][]) {
    this.setFormats('wrapStrategy', wraps, (v) => (v ? 'WRAP' : 'OVERFLOW'), 'setWraps');
    return this.setFormats('wrap', wraps, (v) => !!v, 'setWraps');
  }
  getWraps() {
    return this.getFormats((f) => f?.wrap ?? true);
  }
  setHorizontalAlignment(alignment: string | null) {
    return this.setFormat('horizontalAlignment', alignment === null ? null : String(alignment));
  }
  getHorizontalAlignment() {
    return this.getFormats((f) => f?.horizontalAlignment ?? 'general')[0][0];
  }
  setVerticalAlignment(alignment: string | null) {
    return this.setFormat('verticalAlignment', alignment === null ? null : String(alignment));
  }
  getVerticalAlignment() {
    return this.getFormats((f) => f?.verticalAlignment ?? 'bottom')[0][0];
  }
  // Number formats are recorded only; values and display values ignore them.
  setNumberFormat(format: string) {
    return this.setFormat('numberFormat', String(format));
  }
  setNumberFormats(formats: unknown[][]) {
    return this.setFormats('numberFormat', formats, (v) => String(v), 'setNumberFormats');
  }
  getNumberFormat() {
    return this.getFormats((f) => f?.numberFormat ?? 'General')[0][0];
  }
  getNumberFormats() {
    return this.getFormats((f) => f?.numberFormat ?? 'General');
  }

  // ---- notes (facts 54, 55) ----

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setNote(String)
  setNote(note: unknown) {
    this.forCells((cell) => {
      if (note === null || note === '') delete cell.note;
      else cell.note = String(note);
    });
    return this;
  }
  setNotes(notes: unknown[][]) {
    const grid = this.checkGrid(notes, 'setNotes');
    this.forCells((cell, r, c) => {
      const v = grid[r - this._row][c - this._column];
      if (v === null || v === '') delete cell.note;
      else cell.note = typeof v === 'number' && Number.isInteger(v) ? `${v}.0` : String(v);
    });
    return this;
  }
  getNote() {
    return this._sheet.cell(this._row, this._column)?.note ?? '';
  }
  getNotes() {
    return this.map((cell) => cell?.note ?? '');
  }
  clearNote() {
    this.forCells((cell) => delete cell.note);
    return this;
  }

  // ---- data validation (facts 63–67) ----

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setDataValidation(DataValidation)
  setDataValidation(rule: unknown) {
    const data = validationDataOf(rule);
    this.forCells((cell) => {
      if (data) cell.validation = { ...data, values: [...data.values] };
      else delete cell.validation;
    });
    return this;
  }
  setDataValidations(rules: unknown[][]) {
    const grid = this.checkGrid(rules, 'setDataValidations');
    this.forCells((cell, r, c) => {
      const data = validationDataOf(grid[r - this._row][c - this._column]);
      if (data) cell.validation = data;
      else delete cell.validation;
    });
    return this;
  }
  getDataValidation() {
    const data = this._sheet.cell(this._row, this._column)?.validation;
    return data ? makeDataValidation(this._core, data) : null;
  }
  getDataValidations() {
    return this.map((cell) => (cell?.validation ? makeDataValidation(this._core, cell.validation) : null));
  }
  clearDataValidations() {
    this.forCells((cell) => delete cell.validation);
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#insertCheckboxes() — fact 63.
  insertCheckboxes(...checkboxValues: unknown[]) {
    const values = checkboxValues.slice(0, 2).filter((v) => v !== undefined);
    this.forCells((cell) => {
      cell.validation = { criteria: 'CHECKBOX', values, allowInvalid: true, helpText: null };
    });
    const fill = values.length === 0 ? false : values.length === 1 ? '' : values[1];
    const content = parseInput(fill);
    this.writeContents(() => content);
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#removeCheckboxes() — fact 66.
  removeCheckboxes() {
    this.forCells((cell) => {
      if (cell.validation?.criteria === 'CHECKBOX') delete cell.validation;
    });
    this.writeContents(() => ({}));
    return this;
  }
  private checkboxValues(cell: Cell | undefined): [unknown, unknown] | null {
    const v = cell?.validation;
    if (!v || v.criteria !== 'CHECKBOX') return null;
    if (v.values.length === 0) return [true, false];
    return [v.values[0], v.values.length > 1 ? v.values[1] : ''];
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#check() — fact 64.
  check() {
    return this.setCheckState(true);
  }
  uncheck() {
    return this.setCheckState(false);
  }
  private setCheckState(checked: boolean) {
    let written = 0;
    this.forCells((cell) => {
      const pair = this.checkboxValues(cell);
      if (!pair) return;
      const current = cell.value ?? '';
      if (current !== pair[0] && current !== pair[1]) return;
      const target = checked ? pair[0] : pair[1];
      if (target === '') delete cell.value;
      else cell.value = target as CellValue;
      written += 1;
    });
    this._core.wrote(written);
    this._core.workbook.contentChanged(this._rect());
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#isChecked() — fact 65.
  isChecked() {
    const states = this.map((cell) => {
      const pair = this.checkboxValues(cell);
      if (!pair) return null;
      const current = cell?.value ?? '';
      return current === pair[0] ? true : current === pair[1] ? false : null;
    }).flat();
    if (states.some((s) => s === null)) return null;
    if (states.every((s) => s === true)) return true;
    if (states.every((s) => s === false)) return false;
    return null;
  }

  // ---- merges (fact 53) ----

  private intersects(r: GridRect): boolean {
    return (
      r.sheetId === this._sheet.id &&
      r.row <= this.getLastRow() &&
      r.row + r.numRows - 1 >= this._row &&
      r.column <= this.getLastColumn() &&
      r.column + r.numColumns - 1 >= this._column
    );
  }
  merge() {
    this._sheet.merges = this._sheet.merges.filter((m) => !this.intersects(m));
    this._sheet.merges.push(this._rect());
    return this;
  }
  mergeAcross() {
    this._sheet.merges = this._sheet.merges.filter((m) => !this.intersects(m));
    for (let i = 0; i < this._numRows; i++)
      this._sheet.merges.push(this._sheet.rect(this._row + i, this._column, 1, this._numColumns));
    return this;
  }
  mergeVertically() {
    this._sheet.merges = this._sheet.merges.filter((m) => !this.intersects(m));
    for (let j = 0; j < this._numColumns; j++)
      this._sheet.merges.push(this._sheet.rect(this._row, this._column + j, this._numRows, 1));
    return this;
  }
  breakApart() {
    this._sheet.merges = this._sheet.merges.filter((m) => !this.intersects(m));
    return this;
  }
  getMergedRanges() {
    return this._sheet.merges.filter((m) => this.intersects(m)).map((m) => this._core.rangeOfRect(m));
  }
  isPartOfMerge() {
    return this._sheet.merges.some((m) => this.intersects(m));
  }

  // ---- sorting (fact 49) ----

  // https://developers.google.com/apps-script/reference/spreadsheet/range#sort(Object)
  sort(sortSpecObj: unknown) {
    const specs = parseSortSpec(sortSpecObj);
    for (const s of specs) {
      if (s.column < this._column || s.column > this.getLastColumn()) {
        throw exception(`The specified column is outside the range of the sort.`);
      }
    }
    const spills = this._core.engine.spillRects(this._sheet);
    const keys = Array.from({ length: this._numRows }, (_, i) =>
      specs.map((s) =>
        this._valueOf(this._sheet.cell(this._row + i, s.column), this._row + i, s.column, spills),
      ),
    );
    const order = keys.map((_, i) => i);
    order.sort((a, b) => {
      for (let k = 0; k < specs.length; k++) {
        const d = compareForSort(keys[a][k], keys[b][k], specs[k].ascending);
        if (d !== 0) return d;
      }
      return a - b;
    });
    this._core.workbook.reorderRows(this._sheet, this._row, order, this._column, this.getLastColumn());
    return this;
  }

  // ---- developer metadata (facts 83–89) ----

  private metadataLocation() {
    const wholeRow = this._column === 1 && this._numColumns === this._sheet.maxColumns;
    const wholeColumn = this._row === 1 && this._numRows === this._sheet.maxRows;
    if (wholeRow && this._numRows === 1)
      return { type: 'ROW' as const, sheetId: this._sheet.id, index: this._row };
    if (wholeColumn && this._numColumns === 1)
      return { type: 'COLUMN' as const, sheetId: this._sheet.id, index: this._column };
    return null;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#addDeveloperMetadata(String,String,DeveloperMetadataVisibility)
  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown) {
    const location = this.metadataLocation();
    if (!location) throw exception(WHOLE_ROW_OR_COLUMN_ONLY);
    addMetadataAt(this._core, location, key, valueOrVisibility, visibility);
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDeveloperMetadata() — fact 85.
  getDeveloperMetadata() {
    const location = this.metadataLocation();
    return location ? metadataAt(this._core, location) : [];
  }
  createDeveloperMetadataFinder() {
    const scope: FinderScope = { kind: 'range', rect: this._rect() };
    return makeFinder(this._core, scope);
  }

  // ---- protection ----

  protect() {
    return protectRange(this._core, this._rect());
  }
}

/** A Range after the facts' bounds checks (fact 27). */
export function checkedRange(
  core: Core,
  sheet: SheetModel,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): GoogleAppsScript.Spreadsheet.Range {
  if (row < 1) throw exception('The starting row of the range is too small.');
  if (column < 1) throw exception('The starting column of the range is too small.');
  if (numRows < 1) throw exception('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw exception('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw exception('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return core.range(sheet, row, column, numRows, numColumns);
}

export function rangeImpl(range: unknown): RangeImpl {
  const raw = unwrap(range);
  if (!(raw instanceof RangeImpl))
    throw exception("The parameters (Object) don't match the method signature.");
  return raw;
}
