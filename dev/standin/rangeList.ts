// RangeList: several ranges of one sheet handled together.
// https://developers.google.com/apps-script/reference/spreadsheet/range-list
import type { Core } from './core';

type AnyRange = Record<string, (...args: unknown[]) => unknown>;

export class RangeListImpl {
  constructor(
    readonly _core: Core,
    readonly _ranges: GoogleAppsScript.Spreadsheet.Range[],
  ) {}

  private each(method: string, args: unknown[]) {
    for (const range of this._ranges) (range as unknown as AnyRange)[method](...args);
    return this;
  }
  // Fact 41: order kept.
  getRanges() {
    return [...this._ranges];
  }
  setValue(value: unknown) {
    return this.each('setValue', [value]);
  }
  setFormula(formula: string) {
    return this.each('setFormula', [formula]);
  }
  setBackground(color: string | null) {
    return this.each('setBackground', [color]);
  }
  setFontColor(color: string | null) {
    return this.each('setFontColor', [color]);
  }
  setFontWeight(weight: string | null) {
    return this.each('setFontWeight', [weight]);
  }
  setNote(note: string | null) {
    return this.each('setNote', [note]);
  }
  // No setDataValidation: RangeList has none in Apps Script (rules go per Range, or as a grid).
  setNumberFormat(format: string) {
    return this.each('setNumberFormat', [format]);
  }
  setHorizontalAlignment(alignment: string | null) {
    return this.each('setHorizontalAlignment', [alignment]);
  }
  setWrap(wrap: boolean) {
    return this.each('setWrap', [wrap]);
  }
  insertCheckboxes(...values: unknown[]) {
    return this.each('insertCheckboxes', values);
  }
  clearContent() {
    return this.each('clearContent', []);
  }
  clearDataValidations() {
    return this.each('clearDataValidations', []);
  }
  // Fact 60.
  clear(options?: unknown) {
    return this.each('clear', options === undefined ? [] : [options]);
  }
  activate() {
    const first = this._ranges[0];
    if (first) (first as unknown as AnyRange).activate();
    return this;
  }
  toString() {
    return 'RangeList';
  }
}

export function makeRangeList(
  core: Core,
  ranges: GoogleAppsScript.Spreadsheet.Range[],
): GoogleAppsScript.Spreadsheet.RangeList {
  return core.wrap(new RangeListImpl(core, ranges), 'RangeList', {
    counted: true,
    document: true,
  }) as unknown as GoogleAppsScript.Spreadsheet.RangeList;
}
