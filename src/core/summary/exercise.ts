// The segmentation exercise's evidence for the Discussion Summary (issue #13): the partners the group split on,
// under the first question, and the Not a partner picks, under the seed's title question.
import { MAX_ENTRIES, MAX_SHOWN_NAME, type Evidence } from './evidence';
import { shorten } from '../limits';
import { isSplit, NOT_A_PARTNER } from '../exercise/model';
import type { ExerciseRow } from '../exercise/plan';
import { normaliseName } from '../text';

export const TITLE_QUESTION = 'When is a partner not a partner?';

export interface ExerciseEvidence {
  /** Lines for question 1: the count, then each partner the group split on, with the split. */
  split: Evidence;
  /** Lines for the title question: each partner someone picked Not a partner for. */
  notAPartner: Evidence;
  splitCount: number;
  notAPartnerCount: number;
}

function capped(lines: string[]): Evidence {
  return lines.length > MAX_ENTRIES
    ? { lines: lines.slice(0, MAX_ENTRIES), more: lines.length - MAX_ENTRIES }
    : { lines, more: 0 };
}

/** Only rows still in the roster count: a partner that left keeps its row on the tab, not in the summary. */
export function exerciseEvidence(
  all: readonly ExerciseRow[],
  participants: number,
  choices: readonly string[],
): ExerciseEvidence {
  const rows = all.filter((r) => r.inRoster);
  const name = (r: ExerciseRow) => shorten(r.partner, MAX_SHOWN_NAME);
  const parts = (r: ExerciseRow, skip = -1) =>
    r.counts.flatMap((n, i) => (n > 0 && i !== skip ? [`${choices[i]} ${n}`] : [])).join(', ');
  const split = rows.filter((r) => isSplit(r.counts));
  const nap = choices.findIndex((c) => normaliseName(c) === normaliseName(NOT_A_PARTNER));
  const notAPartner = nap < 0 ? [] : rows.filter((r) => r.counts[nap] > 0);
  const splitLines = split.length
    ? [
        `The segmentation exercise: the group split on ${split.length} of ${rows.length} partners`,
        ...split.map((r) => `${name(r)}: split in the exercise (${parts(r)})`),
      ]
    : [];
  const napLines = notAPartner.map((r) => {
    const others = parts(r, nap);
    return `${name(r)}: ${r.counts[nap]} of ${participants} say not a partner${others ? ` (others: ${others})` : ''}`;
  });
  return {
    split: capped(splitLines),
    notAPartner: capped(napLines),
    splitCount: split.length,
    notAPartnerCount: notAPartner.length,
  };
}
