import { canonicalKeys, planLayout, remapRows } from '../../src/core/roster/layout';
import type { ColumnKey } from '../../src/core/roster/columns';

const keys = (ids: string[], withId = false) => canonicalKeys(ids, withId);
/** The order a roster from before issue 18 has: Check between Next review and Reviewed. */
const older = (ids: string[], withId = false): ColumnKey[] => {
  const k: ColumnKey[] = keys(ids, withId).filter((x) => x !== 'check');
  k.splice(k.indexOf('reviewed'), 0, 'check');
  return k;
};

describe('roster layout', () => {
  test('a first build lays the columns out in the order PRODUCT.md gives, with no insertion', () => {
    const layout = planLayout([], keys(['a', 'b'], true), new Set());
    expect(layout.slots.map((s) => s.key)).toEqual([
      'partner',
      'id',
      'check',
      'suggested',
      'why',
      'segment:a',
      'segment:b',
      'count',
      'primary',
      'level',
      'strategicFor',
      'managedLike',
      'owner',
      'lastContact',
      'nextReview',
      'reviewed',
      'notes',
      'status',
    ]);
    expect(layout.ops.insertColumns).toEqual([]);
    expect(layout.ops.width).toBe(18);
  });

  test('a new segment is inserted after the last segment column, before # Segments', () => {
    const current = keys(['a']);
    const layout = planLayout(current, keys(['a', 'b']), new Set());
    expect(layout.columnOf.get('segment:b')).toBe(6);
    expect(layout.ops.insertColumns).toEqual([{ at: 6, count: 1 }]);
    expect(layout.columnOf.get('count')).toBe(7);
    // The same in an older roster, whose Check is far right.
    const old = planLayout(older(['a']), keys(['a', 'b']), new Set());
    expect(old.columnOf.get('segment:b')).toBe(5);
    expect(old.ops.insertColumns).toEqual([{ at: 5, count: 1 }]);
    expect(old.columnOf.get('count')).toBe(6);
  });

  test('an older roster keeps its Check far right: nothing inserted, deleted or moved', () => {
    const current = older(['a', 'b'], true);
    const layout = planLayout(current, keys(['a', 'b'], true), new Set());
    expect(layout.ops).toEqual({ deleteColumns: [], insertColumns: [], width: current.length });
    expect(layout.slots.map((s) => s.key)).toEqual(current);
    expect(layout.slots.every((s, i) => s.current === i + 1)).toBe(true);
    expect(layout.columnOf.get('check')).toBe(layout.columnOf.get('nextReview')! + 1);
  });

  test('a roster whose Check people deleted gets it back right after ID', () => {
    const current = keys(['a'], true).filter((k) => k !== 'check');
    const layout = planLayout(current, keys(['a'], true), new Set());
    expect(layout.columnOf.get('check')).toBe(3);
    expect(layout.ops.insertColumns).toEqual([{ at: 3, count: 1 }]);
  });

  test("people's own columns keep their place and our columns are found wherever they were moved", () => {
    const current: (ColumnKey | null)[] = [
      null,
      'partner',
      'suggested',
      'why',
      'segment:a',
      'count',
      null,
      'primary',
      'level',
      'strategicFor',
      'managedLike',
      'owner',
      'lastContact',
      'nextReview',
      'check',
      'reviewed',
      'notes',
      'status',
    ];
    const layout = planLayout(current, keys(['a']), new Set());
    expect(layout.ops.insertColumns).toEqual([]);
    expect(layout.ops.deleteColumns).toEqual([]);
    expect(layout.columnOf.get('partner')).toBe(2);
    expect(layout.slots[6]).toEqual({ key: null, current: 7 });
  });

  test('an older roster without Why suggested gets it right after Suggested, before the segments', () => {
    const current = older(['a']).filter((k) => k !== 'why');
    const layout = planLayout(current, keys(['a']), new Set());
    expect(layout.ops.insertColumns).toEqual([{ at: 3, count: 1 }]);
    expect(layout.columnOf.get('why')).toBe(3);
    expect(layout.columnOf.get('segment:a')).toBe(4);
  });

  test('a removed segment without ticks loses its column; one with ticks keeps it, before new segments', () => {
    const current = older(['a', 'b', 'c']);
    const dropped = planLayout(current, keys(['a', 'c']), new Set());
    expect(dropped.ops.deleteColumns).toEqual([5]);
    const kept = planLayout(current, keys(['a', 'c', 'd']), new Set<ColumnKey>(['segment:b']));
    expect(kept.ops.deleteColumns).toEqual([]);
    expect(kept.slots.map((s) => s.key).slice(3, 7)).toEqual([
      'segment:a',
      'segment:b',
      'segment:c',
      'segment:d',
    ]);
  });

  test('remapRows shows the current grid in final coordinates, new columns blank', () => {
    const layout = planLayout(older(['a']), keys(['a', 'b']), new Set());
    const row = [
      'P',
      'S',
      'W',
      true,
      '=1',
      'x',
      '',
      '',
      'm',
      'Dana',
      45000,
      '=r',
      'c',
      false,
      'n',
      'In list',
    ];
    const [mapped] = remapRows([row], layout.slots, '');
    expect(mapped.slice(0, 7)).toEqual(['P', 'S', 'W', true, '', '=1', 'x']);
    expect(mapped).toHaveLength(17);
  });

  test('a roster made before goals gains Strategic for right after Level; nothing else moves', () => {
    const current = keys(['a']).filter((k) => k !== 'strategicFor');
    const layout = planLayout(current, keys(['a']), new Set());
    expect(layout.columnOf.get('strategicFor')).toBe(layout.columnOf.get('level')! + 1);
    expect(layout.ops.insertColumns).toEqual([{ at: layout.columnOf.get('strategicFor')!, count: 1 }]);
    expect(layout.ops.deleteColumns).toEqual([]);
  });

  test('a roster from before Owner, Last contact and Next review gets the three after Managed like, in one insertion', () => {
    const before = older(['a']).filter((k) => !['owner', 'lastContact', 'nextReview'].includes(k));
    // Managed like is column 9, then a column of people's own (10), then Check.
    const layout = planLayout([...before.slice(0, 9), null, ...before.slice(9)], keys(['a']), new Set());
    expect(layout.ops.insertColumns).toEqual([{ at: 10, count: 3 }]);
    expect(['owner', 'lastContact', 'nextReview'].map((k) => layout.columnOf.get(k as ColumnKey))).toEqual([
      10, 11, 12,
    ]);
    expect(layout.slots[12]).toEqual({ key: null, current: 10 });
  });
});
