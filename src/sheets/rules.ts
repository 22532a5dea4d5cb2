// Plain rule descriptions ↔ Apps Script data validations and conditional-format rules.
// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
// https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
import { isOurRuleFormula } from '../core/roster/formulas';
import type { RuleSpec, ValidationSpec } from '../core/roster/specs';
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

export function buildValidation(spec: ValidationSpec): DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  if (spec.kind === 'checkbox') return builder.requireCheckbox().build();
  return builder
    .requireValueInList(spec.values, true)
    .setAllowInvalid(spec.allowInvalid)
    .setHelpText(spec.helpText)
    .build();
}

const CHECKBOX: ValidationSpec = { kind: 'checkbox' };

/**
 * The rules of a grid of cells (getDataValidations) as plain specs. A roster repeats a handful of rules down
 * thousands of rows: equal rules share one spec (so the planner compares each distinct rule once), and the enum
 * lookups happen once. Allow-invalid is read once per column, list and help text (a pasted rule differs in its
 * list or help text; nothing the add-on offers changes allow-invalid alone).
 */
export function readValidations(
  grid: readonly (readonly (DataValidation | null)[])[],
): (ValidationSpec | null)[][] {
  const criteria = SpreadsheetApp.DataValidationCriteria;
  const checkbox = criteria.CHECKBOX;
  const inList = criteria.VALUE_IN_LIST;
  const lists = new Map<string, ValidationSpec>();
  const read = (dv: DataValidation | null, column: number): ValidationSpec | null => {
    if (!dv) return null;
    const type = dv.getCriteriaType();
    // A checkbox with its own checked/unchecked values is not ours: its ticks would not read as TRUE.
    if (type === checkbox) return dv.getCriteriaValues().length === 0 ? CHECKBOX : null;
    if (type !== inList) return null;
    const first: unknown = dv.getCriteriaValues()[0];
    const values = Array.isArray(first) ? first.map(String) : [];
    const helpText = dv.getHelpText() ?? '';
    const key = `${column}\u0000${helpText}\u0000${values.join('\u0000')}`;
    let spec = lists.get(key);
    if (!spec)
      lists.set(key, (spec = { kind: 'list', values, allowInvalid: dv.getAllowInvalid(), helpText }));
    return spec;
  };
  return grid.map((row) => row.map((dv, column) => read(dv, column)));
}

/** The custom formula of a rule the add-on wrote (it names itself: isOurRuleFormula), or null for anyone else's. */
export function ourRuleFormula(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string | null {
  const condition = rule.getBooleanCondition();
  if (!condition || condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA)
    return null;
  const formula = String(condition.getCriteriaValues()[0] ?? '');
  return isOurRuleFormula(formula) ? formula : null;
}

/** @param ranges the sheet's ranges for spec.ranges, in order (callers fetch them in one batch). */
export function buildRule(
  spec: RuleSpec,
  ranges: GoogleAppsScript.Spreadsheet.Range[],
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  let builder = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(spec.formula)
    .setRanges(ranges);
  if (spec.background) builder = builder.setBackground(spec.background);
  if (spec.fontColor) builder = builder.setFontColor(spec.fontColor);
  return builder.build();
}
