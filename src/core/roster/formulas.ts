// Built-in formulas the roster writes: live counts and the Check text per row, and the conditional-format
// conditions. Board members without the add-on see them work, so nothing here calls a custom function.
import { columnLetter } from '../columns';
import { formulaString, runs } from './a1';
import { STATUS_EXCLUDED, STATUS_IN_LIST, STATUS_NOT_IN_LIST } from './columns';

export interface FormulaColumns {
  /** Columns of the active (not retired) segments, with the header (= segment name) in row 1. */
  segmentColumns: number[];
  count: number;
  primary: number;
  managedLike: number;
  /**
   * The Reviewed column: a reviewed row in several segments with a Primary segment chosen is settled, and
   * Check no longer says "In N segments" (absent: never settled, as for a roster planned without it).
   */
  reviewed?: number;
  /** The Level column and the levels the Segments tab lists: a level no longer listed is flagged. */
  level?: number;
  levels?: readonly string[];
  /** Relationship upkeep (#12): Owner, Last contact, Next review and Status, and where the rhythms are. */
  upkeep?: UpkeepColumns;
  /** The investment flags' columns and names (absent: no such terms, as for a roster planned without goals). */
  investment?: InvestmentColumns;
}

/**
 * What the two investment flags need (issue #11): the Level and Strategic for columns, the lighter half of the
 * Levels table and its deepest level (catalogue.ts), and the goals' names, all written into the formulas as text.
 */
export interface InvestmentColumns {
  level: number;
  strategicFor: number;
  lighter: readonly string[];
  deepest: string | null;
  goals: readonly string[];
}

export interface UpkeepColumns {
  status: number;
  owner: number;
  lastContact: number;
  nextReview: number;
  /**
   * The Segments table's names and `Review every (months)`, as absolute ranges over its rows (such as
   * `Segments!$A$2:$A$9`, `Segments!$F$2:$F$9`); null when the tab has no rhythm column.
   */
  rhythms: { names: string; months: string } | null;
}

/** The rhythms a Next review reads: whole months 1 to 36 (others, and text, count as none). */
const MAX_MONTHS = 36;

// A roster writes the same formula on every row but for the row number: each is made once per set of columns,
// with a mark where the row goes, then filled in per row.
const ROW_MARK = '\u0000';
const templates = new WeakMap<FormulaColumns, Map<string, RowFormula>>();

/** One column's formula, the same on every row but for the row number. */
export class RowFormula {
  private readonly fixedLength: number;

  constructor(private readonly pieces: readonly string[]) {
    this.fixedLength = pieces.reduce((n, p) => n + p.length, 0);
  }

  /** The formula for this row. */
  at(row: number): string {
    return this.pieces.join(String(row));
  }

  /**
   * Whether `text` is exactly the formula for this row. Measured on 10,000 Check formulas of 568 characters:
   * one join and a compare (21 ms) beat comparing piece by piece in place (50 ms, with startsWith or a loop).
   */
  matches(text: string, row: number): boolean {
    const length = this.fixedLength + (this.pieces.length - 1) * String(row).length;
    return text.length === length && text === this.at(row);
  }
}

/**
 * split() hands back slices that point into the whole text, and join reads slices more slowly: 20,000 Check
 * formulas took 48 ms from slices and 36 ms from copies. A JSON round trip is a plain way to get copies.
 */
function flatCopies(pieces: string[]): string[] {
  return JSON.parse(JSON.stringify(pieces)) as string[];
}

function perRow(cols: FormulaColumns, name: string, make: (row: string) => string): RowFormula {
  let byName = templates.get(cols);
  if (!byName) templates.set(cols, (byName = new Map()));
  let template = byName.get(name);
  if (!template) byName.set(name, (template = new RowFormula(flatCopies(make(ROW_MARK).split(ROW_MARK)))));
  return template;
}

/** `# Segments` on every row: ticked boxes of active segments (retired columns are left out of counts). */
export function countFormulas(cols: FormulaColumns): RowFormula {
  return perRow(cols, 'count', (r) => makeCountFormula(r, cols));
}

/** `Check` on every row: what needs attention on it, in words, '' when nothing does. */
export function checkFormulas(cols: FormulaColumns): RowFormula {
  return perRow(cols, 'check', (r) => makeCheckFormula(r, cols));
}

/** `Next review` on every row (only when the roster has the upkeep columns). */
export function nextReviewFormulas(cols: FormulaColumns): RowFormula {
  return perRow(cols, 'nextReview', (r) => makeNextReviewFormula(r, cols));
}

/**
 * The row's rhythm in months, 0 for none: the Primary segment's when it has one, else the shortest among the
 * ticked segments. One array expression over the Segments table and the roster's span of segment columns, so
 * its length does not grow with the segments: names (a column) compared with the segment headers (a row) make a
 * segments × columns grid, kept where the row's tick is TRUE; the Primary's row is kept too and ranks first, as
 * the others carry 100 more (a rhythm is at most 36), which MOD takes off again. A comparison reads names as text
 * (case aside), with no wildcards. Text, blanks and numbers outside 1–36 in the rhythm column are no rhythm.
 */
function rhythmMonths(row: string, cols: FormulaColumns, upkeep: UpkeepColumns): string {
  const { names, months } = upkeep.rhythms!;
  const primary = `$${columnLetter(cols.primary)}${row}`;
  const valid = `ISNUMBER(${months})*(${months}>=1)*(${months}<=${MAX_MONTHS})`;
  let picked = `(${names}=${primary})`;
  if (cols.segmentColumns.length > 0) {
    const from = columnLetter(Math.min(...cols.segmentColumns));
    const to = columnLetter(Math.max(...cols.segmentColumns));
    picked = `(${picked}+(${names}=$${from}$1:$${to}$1)*(${from}${row}:${to}${row}=TRUE))`;
  }
  return `MOD(MIN(IF(${valid}*${picked},${months}+100*(${names}<>${primary}),"")),100)`;
}

function makeNextReviewFormula(row: string, cols: FormulaColumns): string {
  const upkeep = cols.upkeep;
  if (!upkeep?.rhythms) return '=""';
  const months = rhythmMonths(row, cols, upkeep);
  const last = `${columnLetter(upkeep.lastContact)}${row}`;
  // A Last contact that is not a date (pasted past the rule) gives a blank rather than an error. TO_DATE makes the
  // day number a date, so the cell shows one without a number format of its own (no call to set one).
  return `=ARRAYFORMULA(IFERROR(IF(${months}=0,"",IF(${last}="","now",TO_DATE(EDATE(${last},${months})))),""))`;
}

/** Check's upkeep phrases: a review past due and no owner, for In list partners only; '' for each otherwise. */
function upkeepChecks(row: string, cols: FormulaColumns): string[] {
  const upkeep = cols.upkeep;
  if (!upkeep) return [];
  const inList = `${columnLetter(upkeep.status)}${row}=${formulaString(STATUS_IN_LIST)}`;
  const next = `${columnLetter(upkeep.nextReview)}${row}`;
  const owner = `${columnLetter(upkeep.owner)}${row}`;
  const count = `${columnLetter(cols.count)}${row}`;
  // In AND, a text Next review ("now") compared with TODAY() is FALSE, not an error (text sorts after numbers);
  // a count is never negative, so the count itself says "some segment ticked".
  return [
    `IF(AND(${inList},ISNUMBER(${next}),${next}<TODAY()),"Review overdue","")`,
    `IF(AND(${inList},${count},TRIM(${owner})=""),"No owner","")`,
  ];
}

function makeCountFormula(row: string, cols: FormulaColumns): string {
  if (cols.segmentColumns.length === 0) return '=0';
  const parts = runs(cols.segmentColumns).map(([from, to]) =>
    from === to
      ? `COUNTIF(${columnLetter(from)}${row},TRUE)`
      : `COUNTIF(${columnLetter(from)}${row}:${columnLetter(to)}${row},TRUE)`,
  );
  return `=${parts.join('+')}`;
}

/**
 * TRUE when `cell` is blank or names a ticked segment column on this row; FALSE when it names anything else.
 * One lookup of the name in the header row per run of adjacent segment columns (usually one, whatever the number
 * of segments): `XLOOKUP(M5,D$1:K$1,D5:K5,M5="")`. XLOOKUP matches exactly (no wildcards, no operators, case
 * aside) in Sheets and in HyperFormula alike, so a segment named "=SUM(1,2)", "<Peers>", "Grant*" or "Tilde~s"
 * is just text, where a COUNTIFS or MATCH criterion would read it as an operator or a wildcard; a blank cell is
 * not found and gives its if-not-found, TRUE. `abs` writes the columns absolute (`$D$1:$K$1`, `$D2:$K2`), as a
 * conditional-format condition needs them; a per-row formula is never copied sideways, so it does without.
 * https://support.google.com/docs/answer/12405947 (XLOOKUP)
 */
function ticksOrBlank(cell: string, row: string, cols: FormulaColumns, abs = ''): string {
  const blank = `${cell}=""`;
  if (cols.segmentColumns.length === 0) return blank;
  const terms = runs(cols.segmentColumns).map(([from, to]) => {
    const a = `${abs}${columnLetter(from)}`;
    const b = `${abs}${columnLetter(to)}`;
    return `XLOOKUP(${cell},${a}$1:${b}$1,${a}${row}:${b}${row},${blank})`;
  });
  return terms.length === 1 ? terms[0] : `OR(${terms.join(',')})`;
}

/**
 * The terms of `Check`, each a self-contained text that is '' when its flag is off; TEXTJOIN leaves those out.
 * Their length does not grow with the number of segments (one header lookup per run of segment columns).
 */
export function checkTerms(row: string, cols: FormulaColumns): string[] {
  const count = `${columnLetter(cols.count)}${row}`;
  const primary = `${columnLetter(cols.primary)}${row}`;
  const managed = `${columnLetter(cols.managedLike)}${row}`;
  return [
    `IF(${count}>1,${settled(row, cols)}"In "&${count}&" segments"${cols.reviewed ? ')' : ''},IF(${count},"","No segment ticked"))`,
    `IF(${ticksOrBlank(managed, row, cols)},"","Managed like "&${managed}&", not one of its segments")`,
    `IF(${ticksOrBlank(primary, row, cols)},"","Primary segment "&${primary}&" not ticked")`,
    ...levelGone(row, cols),
    ...investmentTerms(row, cols.investment),
    ...upkeepChecks(row, cols),
  ];
}

/**
 * `IF(AND(V5,K5<>""),"",` when the roster has a Reviewed column (the caller closes the IF), else '': a reviewed row
 * with a Primary segment chosen reads settled, whatever the number of its segments.
 */
function settled(row: string, cols: FormulaColumns): string {
  if (!cols.reviewed) return '';
  return `IF(AND(${columnLetter(cols.reviewed)}${row},${columnLetter(cols.primary)}${row}<>""),"",`;
}

/** Whether a row in several segments is still unsettled, as a condition (TRUE without a Reviewed column). */
function unsettled(row: string, cols: FormulaColumns): string {
  if (!cols.reviewed) return 'TRUE';
  return `NOT(AND($${columnLetter(cols.reviewed)}${row},$${columnLetter(cols.primary)}${row}<>""))`;
}

function makeCheckFormula(row: string, cols: FormulaColumns): string {
  return `=TEXTJOIN("; ",TRUE,${checkTerms(row, cols).join(',')})`;
}

/** `OR(cell="a",cell="b")` (text compared as text, case aside, no wildcards), FALSE for no names. */
function isOneOf(cell: string, names: readonly string[]): string {
  if (names.length === 0) return 'FALSE';
  return `OR(${names.map((n) => `${cell}=${formulaString(n)}`).join(',')})`;
}

/**
 * The Check terms of the investment flags, each a self-contained IF giving its phrase or "":
 * "Strategic for <goal> but only <level>" (a known goal, a level in the lighter half); "At <deepest level> but no
 * goal needs it" (Strategic for blank); "Strategic for <x>, not a goal on the Segments tab" (a removed goal: the
 * cell is kept and flagged). A blank level is never flagged.
 */
export function investmentTerms(row: string, inv: InvestmentColumns | undefined): string[] {
  if (!inv) return [];
  const level = `${columnLetter(inv.level)}${row}`;
  const goal = `${columnLetter(inv.strategicFor)}${row}`;
  const known = isOneOf(goal, inv.goals);
  const terms: string[] = [];
  if (inv.lighter.length && inv.goals.length)
    terms.push(
      `IF(AND(${isOneOf(level, inv.lighter)},${known}),"Strategic for "&${goal}&" but only "&${level},"")`,
    );
  if (inv.deepest !== null)
    terms.push(
      `IF(AND(${level}=${formulaString(inv.deepest)},${goal}=""),${formulaString(`At ${inv.deepest} but no goal needs it`)},"")`,
    );
  terms.push(`IF(OR(${goal}="",${known}),"","Strategic for "&${goal}&", not a goal on the Segments tab")`);
  return terms;
}

/**
 * A level renamed or cleared on the Segments tab leaves partners at a level that no longer exists: said in
 * words, as a retired segment's column is. One plain comparison per level (text, case aside).
 * A term of its own among the Check terms; none when the plan gives no Level column.
 */
function levelGone(row: string, cols: FormulaColumns): string[] {
  if (cols.level === undefined || !cols.levels) return [];
  const cell = `${columnLetter(cols.level)}${row}`;
  const listed = [`${cell}=""`, ...cols.levels.map((l) => `${cell}=${formulaString(l)}`)];
  return [`IF(OR(${listed.join(',')}),"","Level "&${cell}&" is not in the Levels table")`];
}

/**
 * Our conditional-format rules say what they are inside their own formula, so a refresh can tell them from the
 * user's rules wherever columns have moved: `=AND("Partner Segments: several segments"<>"", …)`.
 */
export const RULE_MARK = 'Partner Segments: ';

export function markedCondition(label: string, condition: string): string {
  return `=AND(${formulaString(RULE_MARK + label)}<>"",${condition})`;
}

export function isOurRuleFormula(formula: string): boolean {
  return formula.includes(`"${RULE_MARK}`);
}

/** Conditions written for the top-left cell of each rule's range (row 2); Sheets shifts them per cell. */
export function multiSegmentCondition(cols: FormulaColumns): string {
  const several = `$${columnLetter(cols.count)}2>1`;
  return markedCondition('several segments', cols.reviewed ? `${several},${unsettled('2', cols)}` : several);
}

export function unsegmentedCondition(cols: FormulaColumns, partnerColumn: number): string {
  return markedCondition(
    'no segment',
    `$${columnLetter(partnerColumn)}2<>"",$${columnLetter(cols.count)}2=0`,
  );
}

/** A partner Not in list or Excluded: out of the summary, so its whole row is greyed. */
export function inactiveCondition(statusColumn: number): string {
  const status = `$${columnLetter(statusColumn)}2`;
  return markedCondition(
    'not in list or excluded',
    `OR(${status}=${formulaString(STATUS_NOT_IN_LIST)},${status}=${formulaString(STATUS_EXCLUDED)})`,
  );
}

/** An In list partner's Next review that is past (a date before TODAY()); "now" and blanks are not. */
export function overdueCondition(upkeep: UpkeepColumns): string {
  const next = `${columnLetter(upkeep.nextReview)}2`;
  return markedCondition(
    'review overdue',
    `$${columnLetter(upkeep.status)}2=${formulaString(STATUS_IN_LIST)},ISNUMBER(${next}),${next}<TODAY()`,
  );
}

export function notFittingCondition(label: string, column: number, cols: FormulaColumns): string {
  const cell = `${columnLetter(column)}2`;
  // A blank choice is never flagged (its lookup gives TRUE).
  return markedCondition(label, `NOT(${ticksOrBlank(cell, '2', cols, '$')})`);
}

/** On the Level cell: either investment flag (a strategic partner in the lighter half; deepest, no goal). */
export function investmentCondition(inv: InvestmentColumns): string {
  const level = `$${columnLetter(inv.level)}2`;
  const goal = `$${columnLetter(inv.strategicFor)}2`;
  const parts: string[] = [];
  if (inv.lighter.length && inv.goals.length)
    parts.push(`AND(${isOneOf(level, inv.lighter)},${isOneOf(goal, inv.goals)})`);
  if (inv.deepest !== null) parts.push(`AND(${level}=${formulaString(inv.deepest)},${goal}="")`);
  return markedCondition('level does not fit the goals', parts.length ? `OR(${parts.join(',')})` : 'FALSE');
}

/** On the Strategic for cell: a goal no longer on the Goals table (kept, never cleared). */
export function unknownGoalCondition(inv: InvestmentColumns): string {
  const goal = `$${columnLetter(inv.strategicFor)}2`;
  return markedCondition('not a goal', `AND(${goal}<>"",NOT(${isOneOf(goal, inv.goals)}))`);
}
