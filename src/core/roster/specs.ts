// Plain descriptions of data validation and conditional-format rules: the planner compares and emits these; the
// sheet layer turns them into Apps Script builders.

export type ValidationSpec =
  | { kind: 'checkbox' }
  | { kind: 'list'; values: string[]; allowInvalid: boolean; helpText: string }
  /** A valid date, anything else rejected. */
  | { kind: 'date'; helpText: string };

export function sameValidation(a: ValidationSpec | null, b: ValidationSpec | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'checkbox') return true;
  if (a.kind === 'date') return a.helpText === (b as typeof a).helpText;
  const l = b as typeof a;
  return (
    a.allowInvalid === l.allowInvalid &&
    a.helpText === l.helpText &&
    a.values.length === l.values.length &&
    a.values.every((v, i) => v === l.values[i])
  );
}

export interface GridRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface RuleSpec {
  ranges: GridRange[];
  formula: string;
  background: string | null;
  fontColor: string | null;
}

export function sameRules(a: readonly RuleSpec[], b: readonly RuleSpec[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (r, i) =>
        r.formula === b[i].formula &&
        r.background === b[i].background &&
        r.fontColor === b[i].fontColor &&
        r.ranges.length === b[i].ranges.length &&
        r.ranges.every((g, j) => {
          const h = b[i].ranges[j];
          return (
            g.row === h.row &&
            g.column === h.column &&
            g.numRows === h.numRows &&
            g.numColumns === h.numColumns
          );
        }),
    )
  );
}
