// "Bring the group's picks into the roster": where more than half of the participants picked the same segment,
// tick that segment in the roster if it is not ticked, and set Primary segment if it is blank. Never unticks,
// never overwrites a choice. Pure: the sheet layer reads and writes.
import { cellText, normaliseName } from '../text';
import {
  columnsByKey,
  segmentKey,
  STATUS_EXCLUDED,
  STATUS_NOT_IN_LIST,
  type ColumnKey,
} from '../roster/columns';
import { partnerKey } from '../roster/plan';
import type { Segment } from '../types';
import { majorityChoice, NOT_A_PARTNER } from './model';
import type { ExerciseRow } from './plan';

export interface BringInPlan {
  /** Roster cells (row, column) to tick. */
  ticks: { row: number; column: number }[];
  /** Blank Primary segment cells to fill, by segment name. */
  primaries: { row: number; column: number; segment: string }[];
  stats: BringInStats;
}

export interface BringInStats {
  /** Partners where more than half of the participants picked one segment. */
  agreed: number;
  /** Segments it will tick (or ticked). */
  ticks: number;
  /** Primary segments it will set (blank ones only). */
  primaries: number;
  /** Of `agreed`, those already ticked with that segment. */
  alreadyTicked: number;
  /** Of `agreed`, those whose Primary segment people had set to another segment (left as it is). */
  otherPrimary: number;
  /** Partners where more than half said Not a partner (nothing is changed for them). */
  notAPartner: number;
  /** Partners with picks but no majority. */
  noMajority: number;
}

export function planBringIn(
  rows: readonly ExerciseRow[],
  participants: number,
  choices: readonly string[],
  segments: readonly Segment[],
  roster: { values: readonly unknown[][]; keys: readonly (ColumnKey | null)[] },
): BringInPlan {
  const at = columnsByKey(roster.keys);
  const partnerCol = at.get('partner');
  const idCol = at.get('id');
  const statusCol = at.get('status');
  const primaryCol = at.get('primary');
  const rowOf = new Map<string, number>();
  const rowByName = new Map<string, number>();
  for (let r = 1; r < roster.values.length; r++) {
    const row = roster.values[r];
    const name = partnerCol ? row[partnerCol - 1] : '';
    const id = idCol ? row[idCol - 1] : '';
    if (cellText(name).trim() === '' && cellText(id).trim() === '') continue;
    const key = partnerKey(name, id);
    if (!rowOf.has(key)) rowOf.set(key, r + 1);
    const n = normaliseName(cellText(name));
    if (!rowByName.has(n)) rowByName.set(n, r + 1);
  }
  const byName = new Map(segments.map((s) => [normaliseName(s.name), s]));
  const stats: BringInStats = {
    agreed: 0,
    ticks: 0,
    primaries: 0,
    alreadyTicked: 0,
    otherPrimary: 0,
    notAPartner: 0,
    noMajority: 0,
  };
  const ticks: BringInPlan['ticks'] = [];
  const primaries: BringInPlan['primaries'] = [];
  for (const x of rows) {
    if (!x.inRoster) continue;
    const picked = x.counts.reduce((a, b) => a + b, 0);
    const m = majorityChoice(x.counts, participants);
    if (m < 0) {
      if (picked > 0) stats.noMajority++;
      continue;
    }
    if (normaliseName(choices[m]) === normaliseName(NOT_A_PARTNER)) {
      stats.notAPartner++;
      continue;
    }
    const segment = byName.get(normaliseName(choices[m]));
    if (!segment) continue; // Don't know
    const r = rowOf.get(x.key) ?? rowByName.get(normaliseName(x.partner));
    if (r === undefined) continue;
    const row = roster.values[r - 1];
    const status = normaliseName(cellText(statusCol ? row[statusCol - 1] : ''));
    if (status === normaliseName(STATUS_EXCLUDED) || status === normaliseName(STATUS_NOT_IN_LIST)) continue;
    const column = at.get(segmentKey(segment.id));
    if (column === undefined) continue;
    stats.agreed++;
    const tick = row[column - 1];
    if (tick === true) stats.alreadyTicked++;
    else if (tick === false || tick === '') {
      ticks.push({ row: r, column });
      stats.ticks++;
    }
    if (primaryCol !== undefined) {
      const primary = cellText(row[primaryCol - 1]).trim();
      if (primary === '') {
        primaries.push({ row: r, column: primaryCol, segment: segment.name });
        stats.primaries++;
      } else if (normaliseName(primary) !== normaliseName(segment.name)) stats.otherPrimary++;
    }
  }
  return { ticks, primaries, stats };
}

/** The confirmation: what the action will do, in words. */
export function bringInQuestion(stats: BringInStats): string {
  if (stats.ticks === 0 && stats.primaries === 0) {
    return stats.agreed === 0
      ? 'No partner has a segment that more than half of the participants picked yet: there is nothing to bring in.'
      : `The roster already has the group's segment for all ${plural(stats.agreed, 'partner')} the group agrees on: nothing to change.`;
  }
  const parts = [];
  if (stats.ticks) parts.push(`tick ${plural(stats.ticks, 'segment')}`);
  if (stats.primaries) parts.push(`set ${plural(stats.primaries, 'blank Primary segment')}`);
  return (
    `For the ${plural(stats.agreed, 'partner')} where more than half of the participants picked the same ` +
    `segment, this will ${parts.join(' and ')} in the roster. It never unticks a segment and never changes a ` +
    'Primary segment someone chose. Bring them in?'
  );
}

/** What the action did, in words. */
export function bringInDone(stats: BringInStats): string {
  const parts = [
    `${plural(stats.ticks, 'segment')} ticked`,
    `${plural(stats.primaries, 'Primary segment')} set`,
  ];
  if (stats.alreadyTicked) parts.push(`${stats.alreadyTicked} already ticked`);
  if (stats.otherPrimary) parts.push(`${stats.otherPrimary} with another Primary segment kept`);
  if (stats.notAPartner) parts.push(`${stats.notAPartner} the group calls not a partner left as they are`);
  return `${parts.join('; ')}.`;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
