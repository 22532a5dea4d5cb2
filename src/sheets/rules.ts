// Plain rule descriptions ↔ Apps Script data validations and conditional-format rules.
// https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
// https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
import { isOurRuleFormula } from '../core/roster/formulas';
import type { RuleSpec, ValidationSpec } from '../core/roster/specs';
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

export function buildValidation(spec: ValidationSpec): DataValidation {
  const builder = SpreadsheetApp.newDataValidation();
  if (spec.kind === 'checkbox') return builder.requireCheckbox().build();
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireDate()
  if (spec.kind === 'date')
    return builder.requireDate().setAllowInvalid(false).setHelpText(spec.helpText).build();
  return builder
    .requireValueInList(spec.values, true)
    .setAllowInvalid(spec.allowInvalid)
    .setHelpText(spec.helpText)
    .build();
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
