// Step 1 in the sidebar through dist/Code.js (issue 18): a list with sentence headings is found; a list that is
// not found still gives fields to set by hand; and looking at another header row saves nothing until "Use this
// list", so a build from the menu keeps the saved (or detected) list.
import { LIST, roster, setUp } from './helpers';

interface ListViewLike {
  sheet: string;
  headerRow: number;
  nameColumn: number;
  idColumn: number | null;
  descriptionColumns: number[];
  columns: { column: number; label: string }[];
  summary: string;
}
interface OverviewLike {
  list: ListViewLike | null;
  listProblem: string | null;
  draft: ListViewLike | null;
}

const SENTENCE_HEADERS = [
  'Name of the organization as it appears on our records and receipts',
  'Type of relationship with the food bank (funder, vendor etc.)',
  'Notes about how we work together and anything the board should know',
];

test('a 58-row food bank list whose headings are sentences of about 60 characters is found', () => {
  const rows = Array.from({ length: 58 }, (_, i) => [
    `Partner ${i}`,
    i % 2 ? 'Funder' : 'Vendor',
    'Weekend drive',
  ]);
  const { addon } = setUp([SENTENCE_HEADERS, ...rows]);
  const overview = addon.run('getOverview') as OverviewLike;
  expect(overview.listProblem).toBeNull();
  expect(overview.list).toMatchObject({
    sheet: LIST,
    headerRow: 1,
    nameColumn: 1,
    descriptionColumns: [2, 3],
  });
  expect(overview.list?.summary).toMatch(/^58 partners/);
});

describe('a list that is not found', () => {
  const NO_HEADER = [
    ['Acme', 'Vendor'],
    ['Beta', 'Vendor'],
    ['Gamma', 'Funder'],
  ];

  test('still gives the sheet, its first row and its first column to start from, and can be set by hand', () => {
    const { addon } = setUp(NO_HEADER);
    const overview = addon.run('getOverview') as OverviewLike;
    expect(overview.list).toBeNull();
    expect(overview.listProblem).toMatch(/No partner list found/);
    expect(overview.draft).toMatchObject({
      sheet: LIST,
      headerRow: 1,
      nameColumn: 1,
      idColumn: null,
      columns: [
        { column: 1, label: 'Acme' },
        { column: 2, label: 'Vendor' },
      ],
    });
    const chosen = addon.run('chooseList', {
      sheet: LIST,
      headerRow: 1,
      nameColumn: 1,
      idColumn: null,
      descriptionColumns: [2],
    }) as OverviewLike;
    expect(chosen.list).toMatchObject({ headerRow: 1, nameColumn: 1, descriptionColumns: [2] });
  });

  test('a previewed header row that reads no partners gives the problem and a draft at that row', () => {
    const { addon } = setUp(NO_HEADER);
    const overview = addon.run('previewList', { sheet: LIST, headerRow: 3 }) as OverviewLike;
    expect(overview.list).toBeNull();
    expect(overview.listProblem).toMatch(/no partners/);
    expect(overview.draft).toMatchObject({ sheet: LIST, headerRow: 3 });
  });
});

describe('nothing is saved until "Use this list"', () => {
  const TITLED = [
    ['Our partners, 2024', ''],
    ['Name', 'Notes'],
    ['Acme', 'grant funder'],
    ['Beta', 'prints our flyers'],
    ['Gamma', 'county agency'],
  ];

  test('a header row typed in step 1 shows its columns, and a build from the menu does not use it', () => {
    const { s, addon } = setUp(TITLED);
    const preview = addon.run('previewList', { sheet: LIST, headerRow: 3 }) as OverviewLike;
    expect(preview.list).toMatchObject({ headerRow: 3 });
    expect(preview.list?.columns.map((c) => c.label)).toEqual(['Acme', 'grant funder']);
    // The user leaves without "Use this list": the next overview and the menu's build use the detected list.
    expect((addon.run('getOverview') as OverviewLike).list?.headerRow).toBe(2);
    addon.run('menuBuildRoster');
    expect(roster(s).map((r) => r.Partner)).toEqual(['Acme', 'Beta', 'Gamma']);
  });

  test('another sheet looked at is not saved either', () => {
    const { s, addon } = setUp(TITLED);
    s.addSheet('Other', [
      ['Organization', 'Type'],
      ['Delta', 'Vendor'],
    ]);
    expect((addon.run('previewList', { sheet: 'Other' }) as OverviewLike).list?.sheet).toBe('Other');
    expect((addon.run('getOverview') as OverviewLike).list?.sheet).toBe(LIST);
  });

  test('"Use this list" saves the typed header row', () => {
    const { s, addon } = setUp(TITLED);
    addon.run('chooseList', {
      sheet: LIST,
      headerRow: 3,
      nameColumn: 1,
      idColumn: null,
      descriptionColumns: [2],
    });
    addon.run('menuBuildRoster');
    expect(roster(s).map((r) => r.Partner)).toEqual(['Beta', 'Gamma']);
  });
});
