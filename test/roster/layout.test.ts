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
      'segment:a',
      'segment:b',
      'count',
      'primary',
      'level',
      'managedLike',
      'check',
      'reviewed',
      'notes',
      'status',
    ]);
    expect(layout.ops.insertColumns).toEqual([]);
    expect(layout.ops.width).toBe(13);
  });

  test('a new segment is inserted after the last segment column, before # Segments', () => {
    const current = keys(['a']);
    const layout = planLayout(current, keys(['a', 'b']), new Set());
    expect(layout.columnOf.get('segment:b')).toBe(4);
    expect(layout.ops.insertColumns).toEqual([{ at: 4, count: 1 }]);
    expect(layout.columnOf.get('count')).toBe(5);
  });

  test("people's own columns keep their place and our columns are found wherever they were moved", () => {
    const current: (ColumnKey | null)[] = [
      null,
      'partner',
      'suggested',
      'segment:a',
      'count',
      null,
      'primary',
      'level',
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
    expect(layout.slots[5]).toEqual({ key: null, current: 6 });
  });

  test('a removed segment without ticks loses its column; one with ticks keeps it, before new segments', () => {
    const current = keys(['a', 'b', 'c']);
    const dropped = planLayout(current, keys(['a', 'c']), new Set());
    expect(dropped.ops.deleteColumns).toEqual([4]);
    const kept = planLayout(current, keys(['a', 'c', 'd']), new Set<ColumnKey>(['segment:b']));
    expect(kept.ops.deleteColumns).toEqual([]);
    expect(kept.slots.map((s) => s.key).slice(2, 6)).toEqual([
      'segment:a',
      'segment:b',
      'segment:c',
      'segment:d',
    ]);
  });

  test('remapRows shows the current grid in final coordinates, new columns blank', () => {
    const layout = planLayout(keys(['a']), keys(['a', 'b']), new Set());
    const row = ['P', 'S', true, '=1', 'x', '', 'm', 'c', false, 'n', 'In list'];
    const [mapped] = remapRows([row], layout.slots, '');
    expect(mapped.slice(0, 6)).toEqual(['P', 'S', true, '', '=1', 'x']);
    expect(mapped).toHaveLength(12);
  });
});
