import { canonicalKeys, planLayout, remapRows } from '../../src/core/roster/layout';
import type { ColumnKey } from '../../src/core/roster/columns';

const keys = (ids: string[], withId = false) => canonicalKeys(ids, withId);

describe('roster layout', () => {
  test('a first build lays the columns out in the order PRODUCT.md gives, with no insertion', () => {
    const layout = planLayout([], keys(['a', 'b'], true), new Set());
    expect(layout.slots.map((s) => s.key)).toEqual([
      'partner',
      'id',
      'suggested',
      'why',
      'segment:a',
      'segment:b',
      'count',
      'primary',
      'level',
      'strategicFor',
      'managedLike',
      'check',
      'reviewed',
      'notes',
      'status',
    ]);
    expect(layout.ops.insertColumns).toEqual([]);
    expect(layout.ops.width).toBe(15);
  });

  test('a new segment is inserted after the last segment column, before # Segments', () => {
    const current = keys(['a']);
    const layout = planLayout(current, keys(['a', 'b']), new Set());
    expect(layout.columnOf.get('segment:b')).toBe(5);
    expect(layout.ops.insertColumns).toEqual([{ at: 5, count: 1 }]);
    expect(layout.columnOf.get('count')).toBe(6);
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
    const older = keys(['a']).filter((k) => k !== 'why');
    const layout = planLayout(older, keys(['a']), new Set());
    expect(layout.ops.insertColumns).toEqual([{ at: 3, count: 1 }]);
    expect(layout.columnOf.get('why')).toBe(3);
    expect(layout.columnOf.get('segment:a')).toBe(4);
  });

  test('a removed segment without ticks loses its column; one with ticks keeps it, before new segments', () => {
    const current = keys(['a', 'b', 'c']);
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
    const layout = planLayout(keys(['a']), keys(['a', 'b']), new Set());
    const row = ['P', 'S', 'W', true, '=1', 'x', '', '', 'm', 'c', false, 'n', 'In list'];
    const [mapped] = remapRows([row], layout.slots, '');
    expect(mapped.slice(0, 7)).toEqual(['P', 'S', 'W', true, '', '=1', 'x']);
    expect(mapped).toHaveLength(14);
  });

  test('a roster made before goals gains Strategic for right after Level; nothing else moves', () => {
    const current = keys(['a']).filter((k) => k !== 'strategicFor');
    const layout = planLayout(current, keys(['a']), new Set());
    expect(layout.columnOf.get('strategicFor')).toBe(layout.columnOf.get('level')! + 1);
    expect(layout.ops.insertColumns).toEqual([{ at: layout.columnOf.get('strategicFor')!, count: 1 }]);
    expect(layout.ops.deleteColumns).toEqual([]);
  });
});
