import { headersOf, refindLayout } from '../../src/core/confirmedLayout';
import { PartnerListError } from '../../src/core/listLayout';
import type { ListLayout } from '../../src/core/types';

const GRID = [
  ['ID', 'Name', 'Notes', '', 'Notes'],
  ['1', 'Acme', 'a', 'x', 'b'],
];
const LAYOUT: ListLayout = { headerRow: 1, nameColumn: 2, idColumn: 1, descriptionColumns: [3, 4, 5] };

describe('a confirmed layout found again by its headers', () => {
  const headers = headersOf(GRID, LAYOUT);

  test('unchanged grid: the same layout', () => {
    expect(refindLayout(GRID, LAYOUT, headers)).toEqual(LAYOUT);
  });

  test('a column inserted at A, a title row above, other case and spacing: each column follows its header', () => {
    const moved = [
      ['Partners, 2026'],
      ['Region', ' id ', 'NAME', 'notes', '', 'Notes'],
      ['N', '1', 'Acme', 'a', 'x', 'b'],
    ];
    expect(refindLayout(moved, LAYOUT, headers)).toEqual({
      headerRow: 2,
      nameColumn: 3,
      idColumn: 2,
      descriptionColumns: [4, 5, 6],
    });
  });

  test('a header gone: the ID and that description are dropped; the name gone is refused', () => {
    const noId = [
      ['Name', 'Notes', 'Other'],
      ['Acme', 'a', 'b'],
    ];
    // The second "Notes" is gone: the first stands for it once; the blank-headed column now has a header.
    expect(refindLayout(noId, LAYOUT, headers)).toEqual({
      headerRow: 1,
      nameColumn: 1,
      idColumn: null,
      descriptionColumns: [2],
    });
    expect(() =>
      refindLayout(
        [
          ['ID', 'Notes'],
          ['1', 'a'],
        ],
        LAYOUT,
        headers,
      ),
    ).toThrow(PartnerListError);
    expect(() =>
      refindLayout(
        [
          ['ID', 'Notes'],
          ['1', 'a'],
        ],
        LAYOUT,
        headers,
      ),
    ).toThrow(/"Name" \(column 2/);
  });

  test('a name column confirmed with a blank header is kept by number', () => {
    const blank: ListLayout = { headerRow: 1, nameColumn: 4, idColumn: null, descriptionColumns: [] };
    expect(refindLayout(GRID, blank, headersOf(GRID, blank))).toEqual(blank);
  });
});
