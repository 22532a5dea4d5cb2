// Spreadsheet: the one document the stand-in holds.
// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
import { splitSheetPrefix } from './a1';
import type { Core } from './core';
import { exception, MAX_WORKBOOK_CELLS, WORKBOOK_TOO_BIG } from './errors';
import { addMetadataAt, makeFinder, metadataAt } from './metadata';
import { protectionsOf } from './protection';
import { rangeImpl } from './range';
import { makeRangeList } from './rangeList';
import { unwrap } from './serviceProxy';
import { rangeFromA1, type SheetImpl } from './sheet';
import type { SheetModel } from './workbook';

export class SpreadsheetImpl {
  constructor(readonly _core: Core) {}

  private get workbook() {
    return this._core.workbook;
  }
  private sheetModel(sheet: unknown): SheetModel {
    const raw = unwrap(sheet) as SheetImpl;
    if (!raw || !raw._model) throw exception("The parameters (Object) don't match the method signature.");
    return raw._model;
  }
  _activeModel(): SheetModel {
    return this.workbook.sheetById(this.workbook.activeSheetId) ?? this.workbook.sheets[0];
  }

  // ---- identity (fact 14) ----

  getId() {
    return this.workbook.id;
  }
  getKey() {
    return this.workbook.id;
  }
  getName() {
    return this.workbook.name;
  }
  rename(name: string) {
    this.workbook.name = String(name);
  }
  getUrl() {
    return `https://docs.google.com/spreadsheets/d/${this.workbook.id}/edit`;
  }
  getSpreadsheetTimeZone() {
    return this.workbook.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string) {
    this.workbook.timeZone = String(timeZone);
  }
  getSpreadsheetLocale() {
    return 'en_US';
  }
  toString() {
    return 'Spreadsheet';
  }

  // ---- sheets ----

  getSheets() {
    return this.workbook.sheets.map((s) => this._core.sheet(s));
  }
  getNumSheets() {
    return this.workbook.sheets.length;
  }
  // Fact 12: null when missing, the leftmost when several share the name.
  getSheetByName(name: string) {
    const sheet = this.workbook.sheetByName(String(name));
    return sheet ? this._core.sheet(sheet) : null;
  }
  getSheetById(id: number) {
    const sheet = this.workbook.sheetById(id);
    return sheet ? this._core.sheet(sheet) : null;
  }
  getSheetId() {
    return this.workbook.sheets[0].id;
  }
  getSheetName() {
    return this.workbook.sheets[0].name;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String,Integer) — facts 9–11.
  insertSheet(nameOrIndex?: string | number, index?: number) {
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    const at =
      typeof nameOrIndex === 'number'
        ? nameOrIndex
        : typeof index === 'number'
          ? index
          : this.workbook.sheets.length;
    if (name === undefined) {
      let n = this.workbook.sheets.length + 1;
      while (this.workbook.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this.workbook.sheetByName(name)) {
      throw exception(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    // A new sheet is 1000 × 26 cells, counted against the spreadsheet's 10 million (errors.ts).
    if (this.workbook.cellCount() + 1000 * 26 > MAX_WORKBOOK_CELLS) throw exception(WORKBOOK_TOO_BIG);
    const sheet = this.workbook.addSheet(name, Math.max(0, Math.min(at, this.workbook.sheets.length)));
    this.workbook.activeSheetId = sheet.id;
    return this._core.sheet(sheet);
  }
  // Fact 13.
  deleteSheet(sheet: unknown) {
    const model = this.sheetModel(sheet);
    if (this.workbook.sheets.length <= 1) throw exception("You can't remove all the sheets in a document.");
    this.workbook.removeSheet(model);
  }
  getActiveSheet() {
    return this._core.sheet(this._activeModel());
  }
  setActiveSheet(sheet: unknown) {
    const model = this.sheetModel(sheet);
    this.workbook.activeSheetId = model.id;
    return this._core.sheet(model);
  }
  moveActiveSheet(pos: number) {
    const model = this._activeModel();
    this.workbook.sheets = this.workbook.sheets.filter((s) => s !== model);
    this.workbook.sheets.splice(pos - 1, 0, model);
    this.workbook.structureChanged();
  }

  // ---- ranges and selection ----

  // Fact 36: a sheet prefix picks the sheet; without one, the active sheet.
  getRange(a1: string) {
    const { sheetName } = splitSheetPrefix(String(a1));
    const sheet = sheetName !== undefined ? this.workbook.sheetByName(sheetName) : this._activeModel();
    if (!sheet) throw exception('Range not found');
    return rangeFromA1(this._core, sheet, String(a1));
  }
  getRangeByName() {
    return null;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveRange()
  getActiveRange() {
    const sheet = this._activeModel();
    const rect = this.workbook.activeRanges.get(sheet.id)?.[0] ?? sheet.rect(1, 1, 1, 1);
    return this._core.rangeOfRect(rect);
  }
  getActiveCell() {
    const sheet = this._activeModel();
    const rect = this.workbook.activeRanges.get(sheet.id)?.[0] ?? sheet.rect(1, 1, 1, 1);
    return this._core.range(sheet, rect.row, rect.column, 1, 1);
  }
  getCurrentCell() {
    return this.getActiveCell();
  }
  setActiveRange(range: unknown) {
    const r = rangeImpl(range);
    this.workbook.activeSheetId = r._sheet.id;
    this.workbook.activeRanges.set(r._sheet.id, [r._rect()]);
    return this._core.rangeOfRect(r._rect());
  }
  getActiveRangeList() {
    const sheet = this._activeModel();
    const rects = this.workbook.activeRanges.get(sheet.id) ?? [sheet.rect(1, 1, 1, 1)];
    return makeRangeList(
      this._core,
      rects.map((r) => this._core.rangeOfRect(r)),
    );
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#toast(String,String,Number)
  toast(message: string, title?: string, timeoutSeconds?: number) {
    this._core.ui.toasts.push({
      message: String(message),
      title: title === undefined ? null : String(title),
      timeoutSeconds: timeoutSeconds ?? null,
    });
  }

  // ---- developer metadata ----

  addDeveloperMetadata(key: string, valueOrVisibility?: unknown, visibility?: unknown) {
    addMetadataAt(this._core, { type: 'SPREADSHEET' }, key, valueOrVisibility, visibility);
    return this;
  }
  getDeveloperMetadata() {
    return metadataAt(this._core, { type: 'SPREADSHEET' });
  }
  createDeveloperMetadataFinder() {
    return makeFinder(this._core, { kind: 'spreadsheet' });
  }

  // Fact 16.
  getProtections(type: unknown) {
    return this.workbook.sheets.flatMap((s) => protectionsOf(this._core, s, type));
  }
}

export function makeSpreadsheet(core: Core): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return core.wrap(new SpreadsheetImpl(core), 'Spreadsheet', {
    counted: true,
    document: true,
  }) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
}
