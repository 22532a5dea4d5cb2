import { isOpen, openActionsFormulas, readActions } from '../../src/core/summary/actions';
import { QUESTIONS } from '../../src/core/summary/evidence';

const HEADER = ['Action', 'Owner', 'Due', 'Done'];
const due = new Date(Date.UTC(2027, 0, 15));

describe('readActions', () => {
  test("keeps each question's actions in the board's order, Done ones too, and drops blank rows", () => {
    const values = [
      [QUESTIONS[0], ''],
      ['• evidence', ''],
      ['Board notes', 'a note'],
      HEADER,
      ['Call the mayor', 'Ana', due, false],
      ['', '', '', false],
      ['Thank the donors', 'Lee', '', true],
      ['', '', '', false],
      ['', '', '', ''],
      [QUESTIONS[1], ''],
      ['Board notes', ''],
      HEADER,
      ['', '', '', false],
      ['', '', '', ''],
    ];
    const actions = readActions(values);
    expect([...actions.keys()]).toEqual([0, 1]);
    expect(actions.get(0)!.map((a) => [a.action, a.owner, a.due, a.done])).toEqual([
      ['Call the mayor', 'Ana', due, false],
      ['Thank the donors', 'Lee', '', true],
    ]);
    expect(actions.get(1)).toEqual([]);
    expect(actions.get(0)!.filter(isOpen)).toHaveLength(1);
  });

  test('an action typed in the blank row just under the table is kept; the table ends at a row with nothing', () => {
    const values = [
      [QUESTIONS[2]],
      HEADER,
      ['', '', '', false],
      ['Typed below the checkboxes', 'Kim', '', ''],
      ['', '', '', ''],
      ['Not an action: after the blank row', 'x', '', ''],
    ];
    expect(
      readActions(values)
        .get(2)!
        .map((a) => a.action),
    ).toEqual(['Typed below the checkboxes']);
  });

  test('a header people reworded in part is still the table', () => {
    const values = [[QUESTIONS[1]], ['Actions', 'Who', 'Due', 'Done'], ['Call Kim', 'Ana', '', false]];
    expect(
      readActions(values)
        .get(1)!
        .map((a) => a.action),
    ).toEqual(['Call Kim']);
  });

  test('a cell people typed as a formula is kept as that formula', () => {
    const values = [[QUESTIONS[3]], HEADER, ['Call 5', 'Ana', '', false]];
    const formulas = [[''], ['', '', '', ''], ['="Call "&5', '', '', '']];
    expect(readActions(values, formulas).get(3)![0].formulas).toEqual(['="Call "&5', null, null]);
  });

  test('a question shown twice (people copied the block) keeps the first one’s table', () => {
    const values = [
      [QUESTIONS[4]],
      HEADER,
      ['First', '', '', false],
      [''],
      [QUESTIONS[4]],
      HEADER,
      ['Copy', '', '', false],
    ];
    expect(
      readActions(values)
        .get(4)!
        .map((a) => a.action),
    ).toEqual(['First']);
  });
});

describe('openActionsFormulas', () => {
  test('one COUNTIFS per table, summed; none open without tables', () => {
    const f = openActionsFormulas([
      { header: 10, first: 11, count: 2 },
      { header: 20, first: 21, count: 3 },
    ]);
    expect(f.open).toBe('=COUNTIFS(A11:A12,"<>",D11:D12,"<>TRUE")+COUNTIFS(A21:A23,"<>",D21:D23,"<>TRUE")');
    expect(f.overdue).toContain('C21:C23,"<"&TODAY()');
    expect(openActionsFormulas([])).toEqual({ open: '=0', overdue: '=0' });
  });
});
