// Data validation: builder, built rules, and checking what a person types.
// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
// https://developers.google.com/apps-script/reference/spreadsheet/data-validation
// Scripts are not checked: setValue/setValues write values that break a rule (only typing in the UI is
// rejected). Source: a third-party write-up (taourl.com/read-2965332.html, 2025) saying script writes
// bypass validation, consistent with the reference never listing a validation error for setValue.
// The stand-in's `typeInto` models the person typing.
import type { Core } from './core';
import { DataValidationCriteria, enumKey } from './enums';
import { exception } from './errors';
import { isDate } from './realm';
import { unwrap, RAW_KEY } from './serviceProxy';
import type { ValidationData } from './workbook';

type Criteria = keyof typeof DataValidationCriteria;

export class DataValidationBuilderImpl {
  _data: ValidationData;

  constructor(
    readonly _core: Core,
    data?: ValidationData,
  ) {
    this._data = data ? copyData(data) : { criteria: '', values: [], allowInvalid: true, helpText: null };
  }

  private set(criteria: Criteria, values: unknown[]): this {
    this._data.criteria = criteria;
    this._data.values = values;
    return this;
  }

  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#build()
  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    return makeDataValidation(this._core, this._data);
  }
  copy() {
    return makeValidationBuilder(this._core, this._data);
  }
  getAllowInvalid() {
    return this._data.allowInvalid;
  }
  getCriteriaType() {
    return this._data.criteria ? DataValidationCriteria[this._data.criteria as Criteria] : null;
  }
  getCriteriaValues() {
    return [...this._data.values];
  }
  getHelpText() {
    return this._data.helpText;
  }
  setAllowInvalid(allowInvalid: boolean) {
    this._data.allowInvalid = !!allowInvalid;
    return this;
  }
  setHelpText(helpText: string) {
    this._data.helpText = helpText;
    return this;
  }
  // Fact 72: requireCheckbox() → [], ('A') → ['A'], ('A','B') → ['A','B'].
  requireCheckbox(...values: unknown[]) {
    return this.set('CHECKBOX', values.slice(0, 2));
  }
  // Fact 70: the list is converted to strings; showDropdown defaults to true.
  requireValueInList(values: unknown[], showDropdown?: boolean) {
    return this.set('VALUE_IN_LIST', [values.map((v) => String(v)), showDropdown ?? true]);
  }
  // Fact 71.
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean) {
    return this.set('VALUE_IN_RANGE', [range, showDropdown ?? true]);
  }
  // Fact 73.
  requireFormulaSatisfied(formula: string) {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number) {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberNotBetween(start: number, end: number) {
    return this.set('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberEqualTo(n: number) {
    return this.set('NUMBER_EQUAL_TO', [n]);
  }
  requireNumberNotEqualTo(n: number) {
    return this.set('NUMBER_NOT_EQUAL_TO', [n]);
  }
  requireNumberGreaterThan(n: number) {
    return this.set('NUMBER_GREATER_THAN', [n]);
  }
  requireNumberGreaterThanOrEqualTo(n: number) {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThan(n: number) {
    return this.set('NUMBER_LESS_THAN', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number) {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextContains(text: string) {
    return this.set('TEXT_CONTAINS', [text]);
  }
  requireTextDoesNotContain(text: string) {
    return this.set('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireTextEqualTo(text: string) {
    return this.set('TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail() {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl() {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireDate() {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#withCriteria(DataValidationCriteria,Object)
  withCriteria(criteria: unknown, args: unknown[]) {
    return this.set(enumKey(criteria) as Criteria, [...args]);
  }
  toString() {
    return 'DataValidationBuilder';
  }
}

export class DataValidationImpl {
  constructor(
    readonly _core: Core,
    readonly _data: ValidationData,
  ) {}
  copy() {
    return makeValidationBuilder(this._core, this._data);
  }
  getAllowInvalid() {
    return this._data.allowInvalid;
  }
  getCriteriaType() {
    return DataValidationCriteria[this._data.criteria as Criteria] ?? null;
  }
  getCriteriaValues() {
    return [...this._data.values];
  }
  getHelpText() {
    return this._data.helpText;
  }
  toString() {
    return 'DataValidation';
  }
}

/**
 * A rule as getDataValidation(s) hands it out. Not a Proxy like other service objects: it implements the whole
 * DataValidation interface (so nothing can be "not emulated"), its getters only read what it holds (not
 * counted, calls.ts), and it cannot throw. A Proxy's trap dispatch runs as a V8 builtin without a frame of its
 * own, so the CPU profile charged it to the add-on, which reads one rule per validated cell: about 130,000 at a
 * refresh of 10,000 partners. Results still come in the add-on's realm.
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation
 */
class DataValidationValue implements GoogleAppsScript.Spreadsheet.DataValidation {
  readonly [RAW_KEY]: DataValidationImpl;
  constructor(impl: DataValidationImpl) {
    this[RAW_KEY] = impl;
  }
  copy() {
    return this[RAW_KEY].copy() as unknown as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  }
  /** A getter the add-on calls (not the stand-in itself): counted as a rule getter (calls.ts). */
  private got(): DataValidationImpl {
    const impl = this[RAW_KEY];
    if (impl._core.ctx.depth === 0) impl._core.ctx.calls.ruleGetter();
    return impl;
  }
  getAllowInvalid() {
    return this.got().getAllowInvalid();
  }
  getCriteriaType() {
    return this.got().getCriteriaType() as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues() {
    return this[RAW_KEY]._core.ctx.realm.toRealm(this.got().getCriteriaValues());
  }
  getHelpText() {
    return this.got().getHelpText() as string;
  }
  toString() {
    return 'DataValidation';
  }
}

function copyData(data: ValidationData): ValidationData {
  return { ...data, values: [...data.values] };
}

export function makeValidationBuilder(core: Core, data?: ValidationData) {
  return core.wrap(new DataValidationBuilderImpl(core, data), 'DataValidationBuilder', { counted: false });
}

export function makeDataValidation(
  core: Core,
  data: ValidationData,
): GoogleAppsScript.Spreadsheet.DataValidation {
  return new DataValidationValue(new DataValidationImpl(core, copyData(data)));
}

/** The stored data of a DataValidation handed back by the add-on, or null. */
export function validationDataOf(rule: unknown): ValidationData | null {
  if (rule === null || rule === undefined) return null;
  const raw = unwrap(rule) as DataValidationImpl;
  if (!(raw instanceof DataValidationImpl))
    throw exception(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
    );
  return copyData(raw._data);
}

const DEFAULT_MESSAGES: Partial<Record<string, string>> = {
  VALUE_IN_LIST: 'Input must be an item on the specified list.',
  VALUE_IN_RANGE: 'Input must be an item on the specified list.',
  CHECKBOX: 'Input must be a checkbox value.',
  CUSTOM_FORMULA: 'Input must satisfy the formula.',
};

/** The message a person sees when typing breaks a rule: the help text when set. */
export function rejectionMessage(data: ValidationData): string {
  return (
    data.helpText ??
    `Invalid: ${DEFAULT_MESSAGES[data.criteria] ?? 'Input violates the data validation rule.'}`
  );
}

/**
 * Whether a value satisfies a rule (empty always does). `rangeValues` reads the display values of a
 * VALUE_IN_RANGE source; `formulaHolds` evaluates a custom formula for the cell.
 */
export function satisfies(
  data: ValidationData,
  value: unknown,
  rangeValues: (range: unknown) => string[],
  formulaHolds: (formula: string) => boolean,
): boolean {
  if (value === '' || value === null || value === undefined) return true;
  const v = data.values;
  const num = typeof value === 'number' ? value : isDate(value) ? value.getTime() : NaN;
  const text = String(value);
  switch (data.criteria) {
    case 'CHECKBOX':
      if (v.length === 0) return typeof value === 'boolean';
      return v.some((x) => String(x) === text);
    case 'VALUE_IN_LIST':
      return (v[0] as string[]).includes(text);
    case 'VALUE_IN_RANGE':
      return rangeValues(v[0]).includes(text);
    case 'CUSTOM_FORMULA':
      return formulaHolds(String(v[0]));
    case 'NUMBER_BETWEEN':
      return num >= Number(v[0]) && num <= Number(v[1]);
    case 'NUMBER_NOT_BETWEEN':
      return !(num >= Number(v[0]) && num <= Number(v[1]));
    case 'NUMBER_EQUAL_TO':
      return num === Number(v[0]);
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(num) && num !== Number(v[0]);
    case 'NUMBER_GREATER_THAN':
      return num > Number(v[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num >= Number(v[0]);
    case 'NUMBER_LESS_THAN':
      return num < Number(v[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num <= Number(v[0]);
    case 'TEXT_CONTAINS':
      return text.includes(String(v[0]));
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(String(v[0]));
    case 'TEXT_EQUAL_TO':
      return text === String(v[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text);
    case 'TEXT_IS_VALID_URL':
      return /^https?:\/\/\S+$/.test(text);
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    default:
      return true;
  }
}
