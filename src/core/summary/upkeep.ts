// Relationship upkeep in the Discussion Summary (#12): live counts of reviews overdue and partners without an
// owner, how many are overdue per segment, and the evidence under "Where could we improve?". The counts are
// built-in formulas over the roster (they move as people type a Last contact or an Owner); the evidence is the
// roster as it stood when the summary was generated.
import { joinWithin } from '../limits';
import { formulaString } from '../roster/a1';
import { STATUS_IN_LIST } from '../roster/columns';
import type { BoardRow } from './evidence';

/** The roster's upkeep columns, as `'Roster'!$X$2:$X` ranges, or null when the roster predates them. */
export interface UpkeepRanges {
  status: string;
  count: string;
  owner: string;
  nextReview: string;
}

const IN_LIST = formulaString(STATUS_IN_LIST);

/** Phrases the roster's Check column uses (src/core/roster/formulas.ts). */
export const REVIEW_OVERDUE = 'Review overdue';
export const NO_OWNER = 'No owner';

/** Rows for the Live counts: an In list partner whose Next review is before today; one with segments, no Owner. */
export function upkeepCounts(r: UpkeepRanges): [string, string][] {
  return [
    ['Reviews overdue', `=COUNTIFS(${r.nextReview},"<"&TODAY(),${r.status},${IN_LIST})`],
    ['Without an owner', `=COUNTIFS(${r.status},${IN_LIST},${r.count},">0",${r.owner},"")`],
  ];
}

/** The header and formula of the per-segment column: In list partners of the segment whose review is overdue. */
export const OVERDUE_HEADER = 'Reviews overdue';
export function overdueInSegment(r: UpkeepRanges, segmentRange: string): string {
  return `=COUNTIFS(${segmentRange},TRUE,${r.nextReview},"<"&TODAY(),${r.status},${IN_LIST})`;
}

/** Whether a row's Check (as the sheet computed it, with its own TODAY()) says its review is overdue. */
export function checkSays(check: string, phrase: string): boolean {
  return check.split('; ').includes(phrase);
}

/**
 * Evidence lines: overdue reviews, one a line, the longest overdue first (by Next review, then name), with who
 * owns each; then one line naming the In list partners with segments and no owner (on a new roster that is
 * nearly everyone, which would bury the other evidence one a line). Not in list partners are never flagged.
 * @param maxLine the longest line (the names run on to "and N more").
 */
export function upkeepEvidence(rows: readonly BoardRow[], maxLine: number): string[] {
  const overdue = rows
    .filter((r) => !r.notInList && r.reviewOverdue)
    .sort(
      (a, b) => (a.nextReview ?? '').localeCompare(b.nextReview ?? '') || a.partner.localeCompare(b.partner),
    );
  const unowned = rows.filter((r) => !r.notInList && r.segments.length > 0 && r.owner === '');
  return [
    ...overdue.map(
      (r) =>
        `${r.partner}: review overdue${r.nextReview ? ` since ${r.nextReview}` : ''}` +
        (r.owner ? ` (owner ${r.owner})` : ' (no owner)'),
    ),
    ...(unowned.length
      ? [
          `No owner looks after ${unowned.length} partner${unowned.length === 1 ? '' : 's'}: ` +
            joinWithin(
              unowned.map((r) => r.partner),
              maxLine - 100,
            ),
        ]
      : []),
  ];
}
