// The segmentation exercise (issue #13): each participant picks, in their own column of the Segment Exercise
// tab, the one segment a partner mainly falls into; live built-in formulas say where the group agrees. This file
// holds the vocabulary, the participants' names as typed, and the rules the formulas follow, written twice: as
// Sheets formulas (for the tab, which must work for people without the add-on) and as plain code (for the
// summary's evidence and the bring-in action), so both always say the same.
import { columnLetter } from '../columns';
import { formulaString } from '../roster/a1';
import { exactly } from '../summary/layout';
import { normaliseName } from '../text';

export const NOT_A_PARTNER = 'Not a partner';
export const DONT_KNOW = "Don't know";

export const MIN_PARTICIPANTS = 2;
export const MAX_PARTICIPANTS = 30;
export const MAX_NAME = 60;

/** What the Roster column says about a row. */
export const IN_ROSTER = 'In roster';
export const LEFT_ROSTER = 'Left the roster';
export const EXCLUDED_IN_ROSTER = 'Excluded in roster';

export const NO_PICKS = 'No picks yet';
export const ALL_AGREE = 'All agree: ';
export const SPLIT = 'Split: ';
export const SPLIT_NO_MAJORITY = 'Split, no majority: ';

/** Our fixed columns, in the order a new tab has them; participants' columns follow. */
export type FixedExerciseKey = 'partner' | 'id' | 'about' | 'roster' | 'picks' | 'agreement';
export const FIXED_ORDER: FixedExerciseKey[] = ['partner', 'id', 'about', 'roster', 'picks', 'agreement'];
/** Column metadata values: a fixed key, or `participant:<name as first typed>`. */
export type ExerciseKey = FixedExerciseKey | `participant:${string}`;

export function participantKey(name: string): ExerciseKey {
  return `participant:${name}`;
}
export function participantOf(key: string): string | null {
  return key.startsWith('participant:') ? key.slice('participant:'.length) : null;
}
export function isExerciseKey(value: string): value is ExerciseKey {
  return (FIXED_ORDER as string[]).includes(value) || (participantOf(value) ?? '') !== '';
}

export const HEADERS: Record<FixedExerciseKey, string> = {
  partner: 'Partner',
  id: 'ID',
  about: 'About',
  roster: 'Roster',
  picks: 'Picks',
  agreement: 'Agreement',
};

export const HEADER_NOTES: Record<FixedExerciseKey, string> = {
  partner: 'The partner, from the Partner Roster. Filled in by Partner Segments.',
  id: 'The partner ID from your list. Filled in by Partner Segments.',
  about: 'What your partner list says about this partner, so everyone knows who it is.',
  roster:
    'In roster, or Left the roster / Excluded in roster when that changed after set-up: the row stays, so ' +
    'no pick is lost.',
  picks: 'How many participants have picked from the list for this partner. A live formula.',
  agreement:
    'What the picks say: All agree, Split (with how many picked what; "no majority" when no answer has more ' +
    'than half of the participants), or how many have picked so far. A live formula.',
};

export function participantNote(name: string): string {
  return (
    `${name}: for each partner, pick the one segment it mainly falls into, from the dropdown. ` +
    `"${NOT_A_PARTNER}" and "${DONT_KNOW}" are answers too. Leave a cell blank until you decide; ` +
    'only change your own column.'
  );
}

export const HELP_TEXT =
  `Pick the one segment this partner mainly falls into, or ${NOT_A_PARTNER} or ${DONT_KNOW}. ` +
  'The segments are on the Segments tab.';

export const INSTRUCTIONS =
  'Each participant fills their own column: pick the one segment each partner mainly falls into. ' +
  'Agreement updates as you pick; yellow rows are where the group splits.';

export const TALLY_LABELS = [
  'Partners the group fully agrees on',
  'Partners the group split on',
  'Partners not yet picked by everyone',
] as const;

/** The answers a participant may give: the segments, then Not a partner and Don't know (each name once). */
export function choicesOf(segmentNames: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of [...segmentNames, NOT_A_PARTNER, DONT_KNOW]) {
    const n = normaliseName(name);
    if (n === '' || seen.has(n)) continue;
    seen.add(n);
    out.push(name);
  }
  return out;
}

export class ParticipantsError extends Error {}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * The names the facilitator typed: one per line, or separated by commas or semicolons; blanks skipped. Each at
 * most MAX_NAME characters, no name twice (case and spacing ignored). Counting is left to the caller, who knows
 * who is already on the tab.
 */
export function parseParticipants(raw: unknown): string[] {
  const parts =
    typeof raw === 'string'
      ? raw.split(/[\n,;]/)
      : Array.isArray(raw) && raw.length <= 1000 && raw.every((x) => typeof x === 'string')
        ? (raw as string[])
        : null;
  if (parts === null) throw new ParticipantsError("The participants' names must be text.");
  const names: string[] = [];
  const seen = new Map<string, string>();
  for (const part of parts) {
    const name = part.replace(/\s+/g, ' ').trim();
    if (name === '') continue;
    if (CONTROL.test(name)) throw new ParticipantsError(`"${name}" cannot contain control characters.`);
    if (name.length > MAX_NAME) {
      throw new ParticipantsError(
        `"${name.slice(0, 40)}…" is too long for a name (${name.length} characters; at most ${MAX_NAME}).`,
      );
    }
    const n = normaliseName(name);
    const earlier = seen.get(n);
    if (earlier !== undefined) throw new ParticipantsError(`"${earlier}" is typed twice.`);
    seen.set(n, name);
    names.push(name);
  }
  return names;
}

/** The refusal for a number of participants outside 2–30, in plain words; null when it fits. */
export function participantCountProblem(total: number, alreadyThere: number): string | null {
  if (total < MIN_PARTICIPANTS) {
    return alreadyThere > 0
      ? `The exercise needs at least ${MIN_PARTICIPANTS} participants; type the names of the others.`
      : `Type the names of at least ${MIN_PARTICIPANTS} participants, one per line or separated by commas.`;
  }
  if (total > MAX_PARTICIPANTS) {
    const there = alreadyThere > 0 ? ` (${alreadyThere} already on the tab)` : '';
    return `The exercise takes at most ${MAX_PARTICIPANTS} participants; that would make ${total}${there}.`;
  }
  return null;
}

// ---- the rules, as plain code ----

/** How many of `picks` chose each of `choices` (case ignored, as COUNTIF does); other texts are not counted. */
export function countPicks(picks: readonly unknown[], choices: readonly string[]): number[] {
  const index = new Map(choices.map((c, i) => [c.toLowerCase(), i]));
  const counts = choices.map(() => 0);
  for (const p of picks) {
    if (typeof p !== 'string' && typeof p !== 'number') continue;
    const i = index.get(String(p).toLowerCase());
    if (i !== undefined) counts[i]++;
  }
  return counts;
}

/** What the Agreement formula shows, from the counts per choice and the number of participants. */
export function agreementText(
  counts: readonly number[],
  choices: readonly string[],
  participants: number,
): string {
  const picks = counts.reduce((a, b) => a + b, 0);
  if (picks === 0) return NO_PICKS;
  const only = counts.findIndex((n) => n === picks);
  if (only >= 0) {
    return picks === participants
      ? `${ALL_AGREE}${choices[only]}`
      : `${choices[only]}: ${picks} of ${participants}`;
  }
  const majority = counts.some((n) => n > participants / 2);
  const parts = counts.flatMap((n, i) => (n > 0 ? [`${choices[i]} ${n}`] : []));
  return `${majority ? SPLIT : SPLIT_NO_MAJORITY}${parts.join(', ')}`;
}

/** The choice more than half of all participants picked (its index), or -1. */
export function majorityChoice(counts: readonly number[], participants: number): number {
  return counts.findIndex((n) => n > participants / 2);
}

export function isSplit(counts: readonly number[]): boolean {
  return counts.filter((n) => n > 0).length > 1;
}

// ---- the rules, as formulas (Google Sheets and HyperFormula both evaluate them) ----

/** The participants' cells of one row, e.g. `$G7:$K7`. */
function rowRange(row: number, first: number, last: number): string {
  return `$${columnLetter(first)}${row}:$${columnLetter(last)}${row}`;
}

function counted(range: string, choice: string): string {
  return `COUNTIF(${range},${formulaString(exactly(choice))})`;
}

export interface FormulaColumns {
  picks: number;
  /** The participants' block, first and last column. */
  first: number;
  last: number;
}

/** Picks: how many of the row's cells hold one of the choices. */
export function picksFormula(row: number, cols: FormulaColumns, choices: readonly string[]): string {
  const range = rowRange(row, cols.first, cols.last);
  return `=${choices.map((c) => counted(range, c)).join('+')}`;
}

/**
 * Agreement, the same rule as agreementText. Without LET (HyperFormula has none), each count is written where it
 * is used: the largest count (everyone who picked agrees when it equals Picks; a majority when it is more than
 * half of the participants), the choice they agree on, and every count above zero, in the order of the choices.
 */
export function agreementFormula(row: number, cols: FormulaColumns, choices: readonly string[]): string {
  const range = rowRange(row, cols.first, cols.last);
  const picks = `$${columnLetter(cols.picks)}${row}`;
  const n = `COLUMNS(${range})`;
  const most = `MAX(${choices.map((c) => counted(range, c)).join(',')})`;
  const only = `TEXTJOIN("",TRUE,${choices.map((c) => `IF(${counted(range, c)}=${picks},${formulaString(c)},"")`).join(',')})`;
  const parts = `TEXTJOIN(", ",TRUE,${choices.map((c) => `IF(${counted(range, c)}>0,${formulaString(`${c} `)}&${counted(range, c)},"")`).join(',')})`;
  return (
    `=IF(${picks}=0,${formulaString(NO_PICKS)},IF(${most}=${picks},` +
    `IF(${picks}=${n},${formulaString(ALL_AGREE)},"")&${only}&IF(${picks}=${n},"",": "&${picks}&" of "&${n}),` +
    `IF(${most}>${n}/2,${formulaString(SPLIT)},${formulaString(SPLIT_NO_MAJORITY)})&${parts}))`
  );
}

/** The longest Agreement formula set-up writes: well inside the 50,000 characters a cell holds. */
export const MAX_FORMULA = 45_000;
