// Where each roster column goes. Columns are found by their metadata key, wherever people moved them; missing
// columns are inserted next to their neighbour in the canonical order; a retired segment's column without ticks
// is removed. The sheet layer replays the same operations on the sheet, so the plan's coordinates hold.
import { AFTER_SEGMENTS, BEFORE_SEGMENTS, ColumnKey, segmentIdOf, segmentKey } from './columns';

/** A column of the final layout: its key (null for a column people added), and where it is now (null: new). */
export interface Slot {
  key: ColumnKey | null;
  current: number | null;
}

export interface StructureOps {
  /** Current column numbers to delete, highest first. */
  deleteColumns: number[];
  /** Insertions in final coordinates, left to right: `count` blank columns so the first one becomes `at`. */
  insertColumns: { at: number; count: number }[];
  /** Columns the grid needs at least (new columns past the used area need no insertion, only room). */
  width: number;
}

export interface Layout {
  slots: Slot[];
  ops: StructureOps;
  /** Final column of each key. */
  columnOf: Map<ColumnKey, number>;
}

/** The canonical order of keys for a catalogue: Partner | ID | Suggested | segments | # Segments | … */
export function canonicalKeys(segmentIds: readonly string[], withId: boolean): ColumnKey[] {
  return [
    ...BEFORE_SEGMENTS.filter((k) => withId || k !== 'id'),
    ...segmentIds.map(segmentKey),
    ...AFTER_SEGMENTS,
  ];
}

/**
 * @param current key of each current column (index 0 = column 1), null for columns without our metadata.
 * @param wanted the canonical keys this build needs.
 * @param keep keys that are not wanted but must stay (retired segments that still have ticks).
 */
export function planLayout(
  current: readonly (ColumnKey | null)[],
  wanted: readonly ColumnKey[],
  keep: ReadonlySet<ColumnKey>,
): Layout {
  const wantedSet = new Set(wanted);
  const seen = new Set<ColumnKey>();
  const slots: Slot[] = [];
  const deleteColumns: number[] = [];
  current.forEach((key, i) => {
    const column = i + 1;
    // A duplicate key (a column copied by people) is theirs from now on: we only own the first one.
    const ours = key !== null && !seen.has(key) ? key : null;
    if (ours) seen.add(ours);
    if (ours && !wantedSet.has(ours) && !keep.has(ours)) {
      deleteColumns.push(column);
      return;
    }
    slots.push({ key: ours, current: column });
  });

  // Insert each missing key after the nearest key before it in canonical order that is present.
  for (let w = 0; w < wanted.length; w++) {
    const key = wanted[w];
    if (seen.has(key)) continue;
    let at = -1;
    for (let p = w - 1; p >= 0 && at < 0; p--) {
      const idx = slots.findIndex((s) => s.key === wanted[p]);
      if (idx >= 0) at = idx + 1;
    }
    if (at < 0) {
      // Nothing before it is present: go before the first present key that follows it, else at the start.
      const next = slots.findIndex((s) => s.key !== null && wanted.indexOf(s.key) > w);
      at = next >= 0 ? next : slots.filter((s) => s.current !== null).length === 0 ? slots.length : 0;
    }
    // New segment columns go after retired segment columns that sit at the end of the segment block.
    if (segmentIdOf(key)) {
      while (
        at < slots.length &&
        slots[at].key &&
        segmentIdOf(slots[at].key as string) &&
        !wantedSet.has(slots[at].key as ColumnKey)
      )
        at++;
    }
    slots.splice(at, 0, { key, current: null });
    seen.add(key);
  }

  // New columns that come after every existing column need no insertion, only grid room.
  let lastExisting = -1;
  slots.forEach((s, i) => {
    if (s.current !== null) lastExisting = i;
  });
  const insertColumns: { at: number; count: number }[] = [];
  for (let i = 0; i <= lastExisting; i++) {
    if (slots[i].current !== null) continue;
    const last = insertColumns[insertColumns.length - 1];
    if (last && last.at + last.count === i + 1) last.count++;
    else insertColumns.push({ at: i + 1, count: 1 });
  }

  const columnOf = new Map<ColumnKey, number>();
  slots.forEach((s, i) => {
    if (s.key) columnOf.set(s.key, i + 1);
  });
  return {
    slots,
    ops: { deleteColumns: deleteColumns.sort((a, b) => b - a), insertColumns, width: slots.length },
    columnOf,
  };
}

/**
 * The current grid seen through the final layout: new columns blank, deleted ones gone. When the layout keeps
 * every column where it is (most refreshes), that is the grid itself, not a copy of its 10,000s of cells.
 */
export function remapRows<T>(
  rows: readonly (readonly T[])[],
  slots: readonly Slot[],
  blank: T,
): readonly (readonly T[])[] {
  const unchanged =
    slots.every((s, i) => s.current === i + 1) &&
    rows.every(
      (row) =>
        row.length === slots.length &&
        !row.includes(undefined as T) &&
        (blank === null || !row.includes(null as T)),
    );
  if (unchanged) return rows;
  return rows.map((row) => slots.map((s) => (s.current === null ? blank : (row[s.current - 1] ?? blank))));
}
