import { formula, text, value, typedText, type Desired } from '../../src/core/roster/cells';
import { CellChanges, groupWrites } from '../../src/core/roster/writes';

function changes(entries: [number, number, Desired][]): CellChanges {
  const m = new CellChanges();
  for (const [row, column, d] of entries) m.set(row, column, d);
  return m;
}

/** Status (column 5) of rows 2–41, every fourth row changed to Not in list: ten scattered runs. */
function scatteredStatus() {
  const statuses: string[] = [];
  for (let r = 2; r <= 41; r++) statuses.push(r % 4 === 0 ? 'Not in list' : 'In list');
  const all = statuses.map((t) => text(t));
  const entries: [number, number, Desired][] = [];
  for (let r = 4; r <= 41; r += 4) entries.push([r, 5, text('Not in list')]);
  return { entries, statuses, whole: (c: number) => (c === 5 ? all : undefined) };
}

describe('grouping roster writes', () => {
  test('new rows across adjacent columns become one rectangle', () => {
    const entries: [number, number, Desired][] = [];
    for (let r = 10; r < 13; r++) for (let c = 1; c <= 4; c++) entries.push([r, c, text(`r${r}c${c}`)]);
    const writes = groupWrites(changes(entries), () => undefined, 2);
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ row: 10, column: 1 });
    expect(writes[0].values).toHaveLength(3);
    expect(writes[0].values[2]).toEqual(['r12c1', 'r12c2', 'r12c3', 'r12c4']);
  });

  test('scattered changes in a column we own are written whole, in one call', () => {
    const { entries, whole } = scatteredStatus();
    const writes = groupWrites(changes(entries), whole, 2);
    expect(writes).toHaveLength(1);
    expect(writes[0].values).toHaveLength(40);
  });

  test("a cell set above its column's last change, or set twice, lands in order with its latest content", () => {
    const writes = groupWrites(
      changes([
        [5, 3, text('five')],
        [6, 3, text('six')],
        [3, 3, text('three')],
        [4, 3, text('four')],
        [6, 3, text('six, again')],
        [9, 3, text('nine')],
      ]),
      () => undefined,
      2,
    );
    expect(writes.map((w) => [w.row, w.values.map((r) => r[0])])).toEqual([
      [3, ['three', 'four', 'five', 'six, again']],
      [9, ['nine']],
    ]);
  });

  test('a run of new rows joins the change just above it, and one above them all lands in order', () => {
    const c = new CellChanges();
    c.set(9, 2, text('nine'));
    c.setRun(10, 2, [text('ten'), text('eleven')]);
    c.setRun(20, 2, [text('twenty')]);
    c.setRun(4, 2, [text('four')]);
    const writes = groupWrites(c, () => undefined, 2);
    expect(writes.map((w) => [w.row, w.values.map((r) => r[0])])).toEqual([
      [4, ['four']],
      [9, ['nine', 'ten', 'eleven']],
      [20, ['twenty']],
    ]);
  });

  test('a column written whole keeps the change to its header', () => {
    const { entries, statuses, whole } = scatteredStatus();
    const writes = groupWrites(changes([[1, 5, text('Status')], ...entries]), whole, 2);
    expect(writes).toHaveLength(1);
    expect(writes[0].row).toBe(1);
    expect(writes[0].values.map((r) => r[0])).toEqual(['Status', ...statuses]);
  });

  test('of two texts too long for a cell, the higher one is named, whatever its column', () => {
    const long = 'x'.repeat(50001);
    const entries: [number, number, Desired][] = [];
    for (let r = 2; r <= 9; r++) {
      entries.push([r, 1, text(r === 9 ? long : `name ${r}`)]);
      entries.push([r, 2, text(r === 3 ? long : `id ${r}`)]);
    }
    expect(() => groupWrites(changes(entries), () => undefined, 2)).toThrow(
      /^The text for row 3 of the roster/,
    );
  });

  test("scattered changes in people's columns stay cell runs, never whole-column writes", () => {
    const entries: [number, number, Desired][] = [];
    for (let r = 4; r <= 41; r += 4) entries.push([r, 7, text('Advisor')]);
    const writes = groupWrites(changes(entries), () => undefined, 2);
    expect(writes).toHaveLength(10);
    expect(writes.every((w) => w.values.length === 1)).toBe(true);
  });

  test('text that Sheets would read as a formula, number, boolean or date is written as text', () => {
    expect(typedText('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    for (const t of [
      '+1 555 0100',
      '-minus',
      '@handle',
      "'quoted",
      '007',
      'TRUE',
      'Jan 5',
      '\tTab',
      '1,000',
      '1E5',
      '3e4',
      '2.5E-3',
      '.5e+2',
    ]) {
      expect(typedText(t)).toBe(`'${t}`);
    }
    for (const t of ['Acme Corp', '3M Company', 'Jane’s Fund', 'מרכז', 'E5', '1E', '1E5 Ltd', '4x4'])
      expect(typedText(t)).toBe(t);
    const [w] = groupWrites(
      changes([
        [2, 1, formula('=1+1')],
        [3, 1, value(true)],
      ]),
      () => undefined,
      2,
    );
    expect(w.values).toEqual([['=1+1'], [true]]);
  });
});
