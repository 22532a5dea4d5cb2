// Bytes of per-row formula text a roster writes, before and after issue #16, with 8 and 200 segments: the
// `# Segments` and `Check` formulas of every data row (rows 2 to partners + 1), as UTF-8 (all ASCII here).
// "Before" is the Check formula as it was until issue #16, kept here verbatim as the baseline: one
// `AND($D$1=M5,$D5=TRUE)` term per segment, twice. "After" is src/core/roster/formulas.ts as it is now.
import { columnLetter } from '../../src/core/columns';
import { runs } from '../../src/core/roster/a1';
import { checkFormulas, countFormulas, type FormulaColumns } from '../../src/core/roster/formulas';

function countBefore(row: string, cols: FormulaColumns): string {
  const parts = runs(cols.segmentColumns).map(([from, to]) =>
    from === to
      ? `COUNTIF(${columnLetter(from)}${row},TRUE)`
      : `COUNTIF(${columnLetter(from)}${row}:${columnLetter(to)}${row},TRUE)`,
  );
  return `=${parts.join('+')}`;
}

function tickedUnderBefore(cell: string, row: string, cols: FormulaColumns): string {
  const terms = cols.segmentColumns.map((c) => {
    const l = columnLetter(c);
    return `AND($${l}$1=${cell},$${l}${row}=TRUE)`;
  });
  return `OR(${terms.join(',')})`;
}

function checkBefore(row: string, cols: FormulaColumns): string {
  const count = `${columnLetter(cols.count)}${row}`;
  const primary = `${columnLetter(cols.primary)}${row}`;
  const managed = `${columnLetter(cols.managedLike)}${row}`;
  return (
    `=TEXTJOIN("; ",TRUE,` +
    `IF(${count}>1,"In "&${count}&" segments",""),` +
    `IF(${count}=0,"No segment ticked",""),` +
    `IF(${managed}="","",IF(${tickedUnderBefore(managed, row, cols)},"",` +
    `"Managed like "&${managed}&", not one of its segments")),` +
    `IF(${primary}="","",IF(${tickedUnderBefore(primary, row, cols)},"","Primary segment "&${primary}&" not ticked")))`
  );
}

/** The columns of a new roster with an ID column: Partner, ID, Suggested, the segments, # Segments, … */
export function rosterColumns(segments: number): FormulaColumns {
  return {
    segmentColumns: Array.from({ length: segments }, (_, i) => 4 + i),
    count: 4 + segments,
    primary: 5 + segments,
    managedLike: 7 + segments,
  };
}

export interface FormulaBytes {
  segments: number;
  partners: number;
  before: number;
  after: number;
}

/** Total formula bytes of a roster's rows, before and after, computed (not run): the same text the build writes. */
export function formulaBytes(segments: number, partners: number): FormulaBytes {
  const cols = rosterColumns(segments);
  const count = countFormulas(cols);
  const check = checkFormulas(cols);
  let before = 0;
  let after = 0;
  // The text differs between rows only in the row number: one row per number of digits, times its rows.
  for (let first = 1; first <= partners + 1; first *= 10) {
    const from = Math.max(2, first);
    const to = Math.min(partners + 1, first * 10 - 1);
    if (to < from) continue;
    const rows = to - from + 1;
    const r = String(from);
    before += rows * (countBefore(r, cols).length + checkBefore(r, cols).length);
    after += rows * (count.at(from).length + check.at(from).length);
  }
  return { segments, partners, before, after };
}
