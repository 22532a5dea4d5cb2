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
 * thousands of rows, so the getters asked per cell are the fewest that tell a wiped or stale rule: the type, and
 * for a list its values. Help text and allow-invalid are read once per column and list, and the spec is shared.
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
    if (type === checkbox) return CHECKBOX;
    if (type !== inList) return null;
    const first: unknown = dv.getCriteriaValues()[0];
    const values = Array.isArray(first) ? first.map(String) : [];
    // Per column: Primary segment and Managed like list the same segments with different help texts.
    const key = `${column}\u0000${values.join('\u0000')}`;
    let spec = lists.get(key);
    if (!spec) {
      spec = { kind: 'list', values, allowInvalid: dv.getAllowInvalid(), helpText: dv.getHelpText() ?? '' };
      lists.set(key, spec);
    }
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
