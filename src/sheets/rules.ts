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
 * The rules of some columns of a grid of cells (getDataValidations) as plain specs, column by column: a list per
 * column asked for, the rule of each cell (null where it has none); undefined for the columns not asked for.
 * A roster repeats a handful of rules down thousands of rows: equal rules share one spec (so the planner
 * compares each distinct rule once), and the enum lookups happen once. Allow-invalid is read once per column, list and help text (a pasted rule differs in its list or help text;
 * nothing the add-on offers changes allow-invalid alone).
 */
export function readValidations(
  grid: readonly (readonly (DataValidation | null)[])[],
  columns: readonly boolean[],
): ((ValidationSpec | null)[] | undefined)[] {
  const criteria = SpreadsheetApp.DataValidationCriteria;
  const checkbox = criteria.CHECKBOX;
  const inList = criteria.VALUE_IN_LIST;
  const lists = new Map<string, ListSpec>();
  // The list spec last read in each column: the next cell down almost always has the same one, and comparing
  // its few strings costs far less than building and hashing a key for each of 10,000 rows.
  let last: ListSpec | undefined;
  const readList = (dv: DataValidation, column: number): ListSpec => {
    const first: unknown = dv.getCriteriaValues()[0];
    const raw: readonly unknown[] = Array.isArray(first) ? first : [];
    const helpText = dv.getHelpText() ?? '';
    if (last && last.helpText === helpText && sameStrings(last.values, raw)) return last;
    const values = raw.map(String);
    const key = `${column}\u0000${helpText}\u0000${values.join('\u0000')}`;
    let spec = lists.get(key);
    if (!spec)
      lists.set(key, (spec = { kind: 'list', values, allowInvalid: dv.getAllowInvalid(), helpText }));
    last = spec;
    return spec;
  };
  const read = (dv: DataValidation, column: number): ValidationSpec | null => {
    const type = dv.getCriteriaType();
    // A checkbox with its own checked/unchecked values is not ours: its ticks would not read as TRUE. The cell's
    // value cannot tell (such a checkbox may sit on TRUE, FALSE or nothing), so its values are asked.
    if (type === checkbox) return dv.getCriteriaValues().length === 0 ? CHECKBOX : null;
    return type === inList ? readList(dv, column) : null;
  };
  return columns.map((wanted, c) => {
    if (!wanted) return undefined;
    last = undefined;
    const rules: (ValidationSpec | null)[] = new Array<ValidationSpec | null>(grid.length);
    for (let r = 0; r < grid.length; r++) {
      const dv = grid[r][c];
      rules[r] = dv ? read(dv, c) : null;
    }
    return rules;
  });
}

type ListSpec = Extract<ValidationSpec, { kind: 'list' }>;

function sameStrings(strings: readonly string[], raw: readonly unknown[]): boolean {
  if (strings.length !== raw.length) return false;
  for (let i = 0; i < raw.length; i++) if (strings[i] !== String(raw[i])) return false;
  return true;
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
