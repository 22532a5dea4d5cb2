// The Discussion Summary's Goals section and the investment flags' evidence (issue #11). Strategic partners are
// those "required in order to meet your organization's goals" (part 2 of the series): per goal, a live count by
// level (built-in formulas over the roster's Strategic for and Level columns), then its strategic partners as
// the board left them, or the words "no partner is strategic for this goal".
import { deepestLevel, goalNamed, lighterLevels } from '../catalogue';
import { joinWithin, shorten } from '../limits';
import { formulaString } from '../roster/a1';
import { typedText } from '../roster/cells';
import { normaliseName } from '../text';
import type { Catalogue, Goal } from '../types';
import type { BoardRow } from './evidence';

export const GOALS_HEADING = 'Goals';
export const NO_STRATEGIC_PARTNER = 'no partner is strategic for this goal';

/** What the section needs of the summary's layout: the roster's columns as ranges, and the criteria helper. */
export interface GoalsContext {
  /** `'Roster'!$S$2:$S` for the Strategic for column. */
  strategicFor: string;
  level: string;
  /** The COUNTIFS pair that leaves Excluded partners out. */
  notExcluded: string;
  /** A COUNTIFS criterion matching a text exactly (layout.ts). */
  exactly: (text: string) => string;
  segmentsSheetName: string;
  maxEntries: number;
  maxLine: number;
  maxShownName: number;
}

export type GoalsRow =
  | { kind: 'heading'; cells: string[] }
  | { kind: 'tableHeader'; cells: string[] }
  | { kind: 'plain'; cells: (string | number | boolean)[] };

/** The section's rows, top to bottom (the layout adds them to its grid and styles them by kind). */
export function goalsSection(catalogue: Catalogue, rows: readonly BoardRow[], ctx: GoalsContext): GoalsRow[] {
  const { goals, levels } = catalogue;
  const out: GoalsRow[] = [{ kind: 'heading', cells: [GOALS_HEADING] }];
  if (goals.length === 0) {
    out.push({
      kind: 'plain',
      cells: [
        typedText(
          `No goals yet. Strategic partners are those required to meet one of the organization's goals: write ` +
            `the goals in the Goals table on the "${ctx.segmentsSheetName}" tab, then choose them in the ` +
            "roster's Strategic for column.",
        ),
      ],
    });
    return out;
  }
  out.push({
    kind: 'tableHeader',
    cells: ['Goal', 'Strategic partners', ...levels.map((l) => typedText(l.name)), 'No level'],
  });
  // A goal renamed since the last refresh: the roster's cells still show its former name, counted too.
  const counted = (g: Goal, extra: string) => {
    const names = [g.name];
    if (g.rosterName && normaliseName(g.rosterName) !== normaliseName(g.name)) names.push(g.rosterName);
    return `=${names
      .map((n) => `COUNTIFS(${ctx.strategicFor},${formulaString(ctx.exactly(n))}${extra},${ctx.notExcluded})`)
      .join('+')}`;
  };
  for (const g of goals)
    out.push({
      kind: 'plain',
      cells: [
        typedText(g.name),
        counted(g, ''),
        ...levels.map((l) => counted(g, `,${ctx.level},${formulaString(ctx.exactly(l.name))}`)),
        counted(g, `,${ctx.level},""`),
      ],
    });
  for (const g of goals) {
    const strategic = rows.filter((r) => goalNamed(goals, r.strategicFor) === g);
    if (strategic.length === 0) {
      out.push({ kind: 'plain', cells: [typedText(`• ${g.name}: ${NO_STRATEGIC_PARTNER}`)] });
      continue;
    }
    const names = strategic.map((r) => {
      const name = shorten(r.partner, ctx.maxShownName);
      const where = r.level ? r.level : 'no level';
      return `${name} (${where}${r.notInList ? ', not in list' : ''})`;
    });
    // Up to the usual 200 names, fewer if they would not fit one cell; then how many more.
    const shown = names.slice(0, ctx.maxEntries);
    const head = `• ${g.name} (${strategic.length}): `;
    let list = joinWithin(shown, Math.max(1000, ctx.maxLine - head.length - 60));
    const past = names.length - shown.length;
    if (past > 0) {
      const cut = / and (\d+) more$/.exec(list);
      list = cut
        ? `${list.slice(0, cut.index)} and ${Number(cut[1]) + past} more`
        : `${list} and ${past} more`;
    }
    if (/ more$/.test(list)) list += ": filter the roster's Strategic for column";
    out.push({ kind: 'plain', cells: [typedText(shorten(head + list, ctx.maxLine))] });
  }
  return out;
}

/**
 * The two investment flags, for "Where could we improve?": a strategic partner kept in the lighter half of the
 * Levels table, and a partner at the deepest level that no goal needs (the same rules as the roster's Check).
 */
export function investmentEvidence(catalogue: Catalogue, row: BoardRow): string | null {
  const { goals, levels } = catalogue;
  const level = normaliseName(row.level);
  if (!level) return null;
  const goal = goalNamed(goals, row.strategicFor);
  if (goal && lighterLevels(levels).some((l) => normaliseName(l.name) === level))
    return `strategic for ${goal.name} but only ${row.level}`;
  const deepest = deepestLevel(levels);
  if (!row.strategicFor && deepest && normaliseName(deepest.name) === level)
    return `at ${deepest.name} but no goal needs it`;
  return null;
}
