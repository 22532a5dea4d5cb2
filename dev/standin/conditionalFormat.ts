// Conditional formatting: builder, rules, and what a person sees once rules apply.
// https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
// https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule
// https://developers.google.com/apps-script/reference/spreadsheet/boolean-condition
import type { CellValue } from './cellValues';
import { normalizeColor } from './colors';
import type { Core } from './core';
import { BooleanCriteria, enumKey } from './enums';
import { exception } from './errors';
import { shiftRelative } from './formulaRefs';
import { isDate } from './realm';
import { rectOf, unwrap } from './serviceProxy';
import type { ConditionalRuleData, GridRect, SheetModel } from './workbook';

type Criteria = keyof typeof BooleanCriteria;

function copyRule(rule: ConditionalRuleData): ConditionalRuleData {
  return {
    ranges: rule.ranges.map((r) => ({ ...r })),
    condition: rule.condition
      ? { criteria: rule.condition.criteria, values: [...rule.condition.values] }
      : undefined,
    gradient: rule.gradient ? { ...rule.gradient } : undefined,
    format: { ...rule.format },
  };
}

function colorOrUndefined(color: string | null): string | undefined {
  return color === null ? undefined : normalizeColor(String(color));
}

export class ConditionalFormatRuleBuilderImpl {
  _rule: ConditionalRuleData;

  constructor(
    readonly _core: Core,
    rule?: ConditionalRuleData,
  ) {
    this._rule = rule ? copyRule(rule) : { ranges: [], format: {} };
  }

  private when(criteria: Criteria, values: unknown[]) {
    this._rule.condition = { criteria, values };
    delete this._rule.gradient;
    return this;
  }
  build() {
    return makeConditionalRule(this._core, this._rule);
  }
  copy() {
    return makeConditionalRuleBuilder(this._core, this._rule);
  }
  getRanges() {
    return this._rule.ranges.map((r) => this._core.rangeOfRect(r));
  }
  getBooleanCondition() {
    return this._rule.condition ? makeBooleanCondition(this._core, this._rule) : null;
  }
  setRanges(ranges: unknown[]) {
    this._rule.ranges = ranges.map((range) => rectOf(range));
    return this;
  }
  setBackground(color: string | null) {
    this._rule.format.background = colorOrUndefined(color);
    return this;
  }
  setFontColor(color: string | null) {
    this._rule.format.fontColor = colorOrUndefined(color);
    return this;
  }
  setBold(bold: boolean | null) {
    this._rule.format.bold = bold ?? undefined;
    return this;
  }
  setItalic(italic: boolean | null) {
    this._rule.format.italic = italic ?? undefined;
    return this;
  }
  setStrikethrough(strikethrough: boolean | null) {
    this._rule.format.strikethrough = strikethrough ?? undefined;
    return this;
  }
  setUnderline(underline: boolean | null) {
    this._rule.format.underline = underline ?? undefined;
    return this;
  }
  // Fact 79 and https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenFormulaSatisfied(String)
  whenFormulaSatisfied(formula: string) {
    return this.when('CUSTOM_FORMULA', [String(formula)]);
  }
  whenCellEmpty() {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty() {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenTextEqualTo(text: string) {
    return this.when('TEXT_EQUAL_TO', [String(text)]);
  }
  whenTextNotEqualTo(text: string) {
    return this.when('TEXT_NOT_EQUAL_TO', [String(text)]);
  }
  whenTextContains(text: string) {
    return this.when('TEXT_CONTAINS', [String(text)]);
  }
  whenTextDoesNotContain(text: string) {
    return this.when('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }
  whenTextStartsWith(text: string) {
    return this.when('TEXT_STARTS_WITH', [String(text)]);
  }
  whenTextEndsWith(text: string) {
    return this.when('TEXT_ENDS_WITH', [String(text)]);
  }
  whenNumberGreaterThan(n: number) {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number) {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberEqualTo(n: number) {
    return this.when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number) {
    return this.when('NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenNumberBetween(start: number, end: number) {
    return this.when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberNotBetween(start: number, end: number) {
    return this.when('NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenDateEqualTo(date: unknown) {
    return isDate(date) ? this.when('DATE_EQUAL_TO', [date]) : this.when('DATE_EQUAL_TO_RELATIVE', [date]);
  }
  whenDateAfter(date: unknown) {
    return isDate(date) ? this.when('DATE_AFTER', [date]) : this.when('DATE_AFTER_RELATIVE', [date]);
  }
  whenDateBefore(date: unknown) {
    return isDate(date) ? this.when('DATE_BEFORE', [date]) : this.when('DATE_BEFORE_RELATIVE', [date]);
  }
  withCriteria(criteria: unknown, args: unknown[]) {
    return this.when(enumKey(criteria) as Criteria, [...args]);
  }
  // Gradients are carried through (getGradientCondition), not drawn.
  setGradientMinpoint(color: string) {
    return this.gradient({ minColor: normalizeColor(color), minType: 'MIN' });
  }
  setGradientMaxpoint(color: string) {
    return this.gradient({ maxColor: normalizeColor(color), maxType: 'MAX' });
  }
  setGradientMinpointWithValue(color: string, type: unknown, value: string) {
    return this.gradient({ minColor: normalizeColor(color), minType: enumKey(type), minValue: value });
  }
  setGradientMidpointWithValue(color: string, type: unknown, value: string) {
    return this.gradient({ midColor: normalizeColor(color), midType: enumKey(type), midValue: value });
  }
  setGradientMaxpointWithValue(color: string, type: unknown, value: string) {
    return this.gradient({ maxColor: normalizeColor(color), maxType: enumKey(type), maxValue: value });
  }
  private gradient(part: Record<string, unknown>) {
    delete this._rule.condition;
    this._rule.gradient = { ...(this._rule.gradient ?? {}), ...part };
    return this;
  }
  toString() {
    return 'ConditionalFormatRuleBuilder';
  }
}

export class ConditionalFormatRuleImpl {
  constructor(
    readonly _core: Core,
    readonly _rule: ConditionalRuleData,
  ) {}
  getRanges() {
    return this._rule.ranges.map((r) => this._core.rangeOfRect(r));
  }
  getBooleanCondition() {
    return this._rule.condition ? makeBooleanCondition(this._core, this._rule) : null;
  }
  getGradientCondition() {
    const g = this._rule.gradient;
    if (!g) return null;
    return this._core.wrap(
      {
        getMinColor: () => g.minColor ?? null,
        getMidColor: () => g.midColor ?? null,
        getMaxColor: () => g.maxColor ?? null,
        getMinType: () => g.minType ?? null,
        getMidType: () => g.midType ?? null,
        getMaxType: () => g.maxType ?? null,
        getMinValue: () => g.minValue ?? '',
        getMidValue: () => g.midValue ?? '',
        getMaxValue: () => g.maxValue ?? '',
        toString: () => 'ConditionalFormatGradientCondition',
      },
      'ConditionalFormatGradientCondition',
      { counted: false, ruleObject: true },
    );
  }
  copy() {
    return makeConditionalRuleBuilder(this._core, this._rule);
  }
  toString() {
    return 'ConditionalFormatRule';
  }
}

function makeBooleanCondition(core: Core, rule: ConditionalRuleData) {
  const condition = rule.condition!;
  const format = { ...rule.format };
  return core.wrap(
    {
      getCriteriaType: () => BooleanCriteria[condition.criteria as Criteria] ?? null,
      getCriteriaValues: () => [...condition.values],
      getBackground: () => format.background ?? null,
      getFontColor: () => format.fontColor ?? null,
      getBold: () => format.bold ?? null,
      getItalic: () => format.italic ?? null,
      getStrikethrough: () => format.strikethrough ?? null,
      getUnderline: () => format.underline ?? null,
      toString: () => 'ConditionalFormatBooleanCondition',
    },
    'BooleanCondition',
    { counted: false, ruleObject: true },
  );
}

export function makeConditionalRuleBuilder(core: Core, rule?: ConditionalRuleData) {
  return core.wrap(new ConditionalFormatRuleBuilderImpl(core, rule), 'ConditionalFormatRuleBuilder', {
    counted: false,
  });
}

export function makeConditionalRule(
  core: Core,
  rule: ConditionalRuleData,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  return core.wrap(new ConditionalFormatRuleImpl(core, copyRule(rule)), 'ConditionalFormatRule', {
    counted: false,
    ruleObject: true,
  }) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
}

/** The stored data of a rule handed back by the add-on. */
export function conditionalRuleData(rule: unknown): ConditionalRuleData {
  const raw = unwrap(rule);
  if (raw instanceof ConditionalFormatRuleImpl) return copyRule(raw._rule);
  if (raw instanceof ConditionalFormatRuleBuilderImpl) return copyRule(raw._rule);
  throw exception(
    "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
  );
}

// ---- evaluation: what a person sees ----

function truthy(v: CellValue | ''): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.toUpperCase() === 'TRUE';
  return false;
}

function textOf(v: CellValue | ''): string {
  return (isDate(v) ? v.toISOString() : String(v)).toLowerCase();
}

/**
 * Whether a rule's condition holds for one cell. Text conditions ignore case (stand-in choice). A custom
 * formula is read relative to the top-left cell of the rule's range; `$` pins (fact 82).
 */
type Evaluate = (formula: string) => CellValue | '';

function conditionHolds(
  rule: ConditionalRuleData,
  rect: GridRect,
  row: number,
  column: number,
  value: CellValue | '',
  evaluate: Evaluate,
): boolean {
  const c = rule.condition;
  if (!c) return false;
  const v = c.values;
  const num = typeof value === 'number' ? value : NaN;
  switch (c.criteria) {
    case 'CUSTOM_FORMULA':
      return truthy(evaluate(shiftRelative(String(v[0]), row - rect.row, column - rect.column)));
    case 'CELL_EMPTY':
      return value === '';
    case 'CELL_NOT_EMPTY':
      return value !== '';
    case 'TEXT_EQUAL_TO':
      return value !== '' && textOf(value) === String(v[0]).toLowerCase();
    case 'TEXT_NOT_EQUAL_TO':
      return textOf(value) !== String(v[0]).toLowerCase();
    case 'TEXT_CONTAINS':
      return value !== '' && textOf(value).includes(String(v[0]).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !textOf(value).includes(String(v[0]).toLowerCase());
    case 'TEXT_STARTS_WITH':
      return value !== '' && textOf(value).startsWith(String(v[0]).toLowerCase());
    case 'TEXT_ENDS_WITH':
      return value !== '' && textOf(value).endsWith(String(v[0]).toLowerCase());
    case 'NUMBER_GREATER_THAN':
      return num > Number(v[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num >= Number(v[0]);
    case 'NUMBER_LESS_THAN':
      return num < Number(v[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num <= Number(v[0]);
    case 'NUMBER_EQUAL_TO':
      return num === Number(v[0]);
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(num) && num !== Number(v[0]);
    case 'NUMBER_BETWEEN':
      return num >= Number(v[0]) && num <= Number(v[1]);
    case 'NUMBER_NOT_BETWEEN':
      return !Number.isNaN(num) && !(num >= Number(v[0]) && num <= Number(v[1]));
    default:
      return false;
  }
}

export interface EffectiveFormats {
  backgrounds: string[][];
  fontColors: string[][];
}

/**
 * What a person sees over rows 1..numRows and columns 1..numColumns of a sheet: for each cell, the first
 * rule in order that matches and sets a background wins over the cell's own fill; likewise font colour.
 * A custom formula is evaluated once per distinct shifted text (so a formula with only `$`-pinned columns
 * runs once per row).
 */
export function effectiveFormats(
  core: Core,
  sheet: SheetModel,
  numRows: number,
  numColumns: number,
  valueAt: (row: number, column: number) => CellValue | '',
): EffectiveFormats {
  const backgrounds: string[][] = [];
  const fontColors: string[][] = [];
  for (let r = 1; r <= numRows; r++) {
    const line = sheet.rows[r - 1];
    const bg: string[] = [];
    const fc: string[] = [];
    for (let c = 1; c <= numColumns; c++) {
      const format = line?.[c - 1]?.format;
      bg.push(format?.background ?? '#ffffff');
      fc.push(format?.fontColor ?? '#000000');
    }
    backgrounds.push(bg);
    fontColors.push(fc);
  }
  const cache = new Map<string, CellValue | ''>();
  const evaluate: Evaluate = (formula) => {
    let v = cache.get(formula);
    if (v === undefined) {
      v = core.engine.evaluateFormula(sheet, formula);
      cache.set(formula, v);
    }
    return v;
  };
  const bgSet = backgrounds.map((row) => row.map(() => false));
  const fcSet = fontColors.map((row) => row.map(() => false));
  for (const rule of sheet.conditionalRules) {
    if (!rule.condition) continue;
    const { background, fontColor } = rule.format;
    if (!background && !fontColor) continue;
    for (const rect of rule.ranges) {
      if (rect.sheetId !== sheet.id) continue;
      if (rule.condition.criteria === 'CUSTOM_FORMULA') {
        const f = String(rule.condition.values[0]);
        core.engine.ensureReferenced(sheet, f);
        core.engine.ensureReferenced(sheet, shiftRelative(f, rect.numRows - 1, rect.numColumns - 1));
      }
      const lastRow = Math.min(rect.row + rect.numRows - 1, numRows);
      const lastColumn = Math.min(rect.column + rect.numColumns - 1, numColumns);
      for (let r = rect.row; r <= lastRow; r++) {
        for (let c = rect.column; c <= lastColumn; c++) {
          const needBg = background && !bgSet[r - 1][c - 1];
          const needFc = fontColor && !fcSet[r - 1][c - 1];
          if (!needBg && !needFc) continue;
          if (!conditionHolds(rule, rect, r, c, valueAt(r, c), evaluate)) continue;
          if (needBg) {
            backgrounds[r - 1][c - 1] = background!;
            bgSet[r - 1][c - 1] = true;
          }
          if (needFc) {
            fontColors[r - 1][c - 1] = fontColor!;
            fcSet[r - 1][c - 1] = true;
          }
        }
      }
    }
  }
  return { backgrounds, fontColors };
}
