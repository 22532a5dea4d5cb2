// SpreadsheetApp: the entry point of the Spreadsheet service.
// https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
import { makeConditionalRuleBuilder } from './conditionalFormat';
import type { Core } from './core';
import * as enums from './enums';
import { exception } from './errors';
import { makeUi } from './ui';
import { makeValidationBuilder } from './validation';

export class SpreadsheetAppImpl {
  readonly DataValidationCriteria = enums.DataValidationCriteria;
  readonly BooleanCriteria = enums.BooleanCriteria;
  readonly DeveloperMetadataVisibility = enums.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = enums.DeveloperMetadataLocationType;
  readonly ProtectionType = enums.ProtectionType;
  readonly WrapStrategy = enums.WrapStrategy;
  readonly Dimension = enums.Dimension;
  readonly SheetType = enums.SheetType;
  readonly RelativeDate = enums.RelativeDate;
  readonly InterpolationType = enums.InterpolationType;
  readonly BorderStyle = enums.BorderStyle;
  readonly CopyPasteType = enums.CopyPasteType;

  constructor(readonly _core: Core) {}

  // Fact 5. The stand-in always has its one document open.
  getActive() {
    return this._core.spreadsheet();
  }
  getActiveSpreadsheet() {
    return this._core.spreadsheet();
  }
  getActiveSheet() {
    return this._core.spreadsheet().getActiveSheet();
  }
  getActiveRange() {
    return this._core.spreadsheet().getActiveRange();
  }
  getActiveRangeList() {
    return this._core.spreadsheet().getActiveRangeList();
  }
  getCurrentCell() {
    return this._core.spreadsheet().getCurrentCell();
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
    return this._core.spreadsheet().setActiveSheet(sheet);
  }
  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range) {
    return this._core.spreadsheet().setActiveRange(range);
  }
  openById(id: string) {
    if (id !== this._core.workbook.id)
      throw exception(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return this._core.spreadsheet();
  }
  // Fact 8: writes land at once in the stand-in, so flush only counts as a call.
  flush() {}
  // Fact 6.
  getUi() {
    if (!this._core.options.ui) throw exception('Cannot call SpreadsheetApp.getUi() from this context.');
    return makeUi(this._core);
  }
  newDataValidation() {
    return makeValidationBuilder(this._core);
  }
  newConditionalFormatRule() {
    return makeConditionalRuleBuilder(this._core);
  }
  toString() {
    return 'SpreadsheetApp';
  }
}

const COUNTED = new Set([
  'getActive',
  'getActiveSpreadsheet',
  'getActiveSheet',
  'getActiveRange',
  'getActiveRangeList',
  'getCurrentCell',
  'setActiveSheet',
  'setActiveRange',
  'openById',
  'flush',
]);

export function makeSpreadsheetApp(core: Core): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  return core.wrap(new SpreadsheetAppImpl(core), 'SpreadsheetApp', {
    counted: false,
    countedMethods: COUNTED,
  }) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}
