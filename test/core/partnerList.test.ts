import { chooseListSheet, describeReading, detectLayout, readPartners } from '../../src/core/partnerList';
import type { ListLayout, ListReading } from '../../src/core/types';

const BY_NAME: ListLayout = { headerRow: 1, nameColumn: 1, idColumn: null, descriptionColumns: [2, 3] };
const BY_ID: ListLayout = { headerRow: 1, nameColumn: 2, idColumn: 1, descriptionColumns: [3] };

describe('readPartners, matched by name', () => {
  const grid = [
    ['Partner', 'Type', 'Notes'],
    ['Acme Printing', 'Vendor', 'Flyers'],
    ['  ACME   printing ', 'Consultant', ''],
    ['Beta Fund', 'Funder', 'Annual grant'],
    ['acme printing', '', 'Invoices monthly'],
  ];
  const reading = readPartners(grid, BY_NAME);

  test('rows whose names differ only in case and spacing are one partner', () => {
    expect(reading.partners.map((p) => p.key)).toEqual(['name:acme printing', 'name:beta fund']);
    expect(reading.duplicatesMerged).toBe(2);
  });

  test('the partner keeps the first row’s name, and every row’s descriptions in order', () => {
    expect(reading.partners[0]).toEqual({
      key: 'name:acme printing',
      name: 'Acme Printing',
      id: '',
      descriptions: ['Vendor', 'Flyers', 'Consultant', 'Invoices monthly'],
      sourceRows: [2, 3, 5],
    });
  });
});

describe('readPartners, matched by ID', () => {
  const grid = [
    ['ID', 'Name', 'Notes'],
    ['P1', 'Acme', 'first'],
    ['P1', 'Acme Printing Ltd', 'renamed'],
    ['P2', 'Acme', 'another Acme'],
    ['', 'Gamma', 'no ID yet'],
    [' ', 'gamma', 'still none'],
    ['N/A', 'Delta', 'placeholder'],
    ['n/a', 'Epsilon', 'placeholder'],
    [1001, 'Zeta', 'number ID'],
    ['1001', 'Zeta Inc', 'text ID'],
    ['p1', 'Other', 'IDs keep their case'],
  ];
  const reading = readPartners(grid, BY_ID);

  test.each<[string, string, string, number[]]>([
    ['rows sharing an ID are one partner, whatever their names', 'id:P1', 'Acme', [2, 3]],
    ['the same name under another ID is another partner', 'id:P2', 'Acme', [4]],
    ['a blank ID falls back to the name', 'name:gamma', 'Gamma', [5, 6]],
    ['a placeholder ID counts as blank', 'name:delta', 'Delta', [7]],
    ['a number ID and the same ID typed as text are one', 'id:1001', 'Zeta', [9, 10]],
    ['IDs are matched exactly: case counts', 'id:p1', 'Other', [11]],
  ])('%s', (_label, key, name, rows) => {
    const partner = reading.partners.find((p) => p.key === key);
    expect(partner).toMatchObject({ name, sourceRows: rows });
  });

  test('counts: every merged row, and how many of them by ID', () => {
    expect(reading.partners).toHaveLength(7);
    expect(reading.duplicatesMerged).toBe(3);
    expect(reading.duplicatesMergedById).toBe(2);
  });

  test('the ID is kept as text', () => {
    expect(reading.partners.map((p) => p.id)).toEqual(['P1', 'P2', '', '', '', '1001', 'p1']);
  });
});

describe('readPartners, rows skipped', () => {
  const grid = [
    ['', '', ''],
    ['Partner', 'Type', 'Notes'],
    ['', '', ''],
    ['Acme', 'Vendor', ''],
    ['', '', ''],
    ['', '', ''],
    ['', 'Funder', 'a description without a name'],
    ['Beta', '', ''],
    ['', '', ''],
    ['', '', ''],
  ];
  const layout: ListLayout = { headerRow: 2, nameColumn: 1, idColumn: null, descriptionColumns: [2, 3] };
  const reading = readPartners(grid, layout);

  test('blank rows inside the list are counted; spare rows after the last partner are not', () => {
    expect(reading.partners.map((p) => p.name)).toEqual(['Acme', 'Beta']);
    expect(reading.blankRowsSkipped).toBe(4);
    expect(reading.rowsWithoutName).toBe(1);
  });

  test('the header row and the rows above it are never partners', () => {
    expect(reading.partners.every((p) => p.sourceRows.every((row) => row > 2))).toBe(true);
  });
});

describe('readPartners, values', () => {
  test.each<[string, unknown, string, string]>([
    ['a name that is a number', 3, '3', 'name:3'],
    ['a name that is a date', new Date(2024, 0, 5), '2024-01-05', 'name:2024-01-05'],
    ['a name that is TRUE', true, 'TRUE', 'name:true'],
    ['formula-like text is just text', '=cmd|calc', '=cmd|calc', 'name:=cmd|calc'],
    [
      'outer spaces and line breaks are trimmed, inner ones kept',
      '\n Acme   Corp \t',
      'Acme   Corp',
      'name:acme corp',
    ],
    ['a name with "+" or "@" first', '@home Co', '@home Co', 'name:@home co'],
  ])('%s', (_label, value, name, key) => {
    const [partner] = readPartners([['Partner'], [value]], { ...BY_NAME, descriptionColumns: [] }).partners;
    expect([partner.name, partner.key]).toEqual([name, key]);
  });

  test('descriptions are read as text, untrimmed, blanks left out', () => {
    const [partner] = readPartners(
      [
        ['Partner', 'A', 'B'],
        ['Acme', 12.5, ' two  spaces '],
      ],
      BY_NAME,
    ).partners;
    expect(partner.descriptions).toEqual(['12.5', ' two  spaces ']);
  });

  test('a partner with an ID but no name is shown by its ID, or by a name a later row gives', () => {
    const reading = readPartners(
      [
        ['ID', 'Name', 'Notes'],
        ['X1', '', ''],
        ['X2', '', ''],
        ['X2', 'Named later', ''],
      ],
      BY_ID,
    );
    expect(reading.partners.map((p) => p.name)).toEqual(['X1', 'Named later']);
  });

  test('reads 50,000 rows, every row counted once', () => {
    const grid: unknown[][] = [['Partner name', 'ID', 'Type', 'Notes']];
    for (let i = 0; i < 50000; i++)
      grid.push([`Org ${i % 40000}`, i % 5 ? `P${i % 40000}` : '', 'Vendor', `n${i}`]);
    const reading = readPartners(grid, {
      headerRow: 1,
      nameColumn: 1,
      idColumn: 2,
      descriptionColumns: [3, 4],
    });
    expect(reading.partners.length + reading.duplicatesMerged).toBe(50000);
  });
});

describe('describeReading', () => {
  const reading = (
    partners: number,
    merged = 0,
    blank = 0,
    extra: Partial<ListReading> = {},
  ): ListReading => ({
    partners: Array.from({ length: partners }, (_, i) => ({
      key: `name:${i}`,
      name: `${i}`,
      id: '',
      descriptions: [],
      sourceRows: [i + 2],
    })),
    duplicatesMerged: merged,
    blankRowsSkipped: blank,
    ...extra,
  });

  test.each<[string, ListReading, string | undefined]>([
    ['143 partners; 2 duplicate names merged; 3 blank rows skipped', reading(143, 2, 3), undefined],
    ['1 partner; 1 duplicate name merged; 1 blank row skipped', reading(1, 1, 1), undefined],
    ['12 partners', reading(12), undefined],
    ['12 partners in Contacts', reading(12), 'Contacts'],
    ['No partners in Sheet1', reading(0), 'Sheet1'],
    [
      '40 partners; 2 duplicate names merged; 3 duplicate IDs merged; 3 blank rows skipped; 1 row without a name skipped',
      reading(40, 5, 4, { duplicatesMergedById: 3, rowsWithoutName: 1 }),
      undefined,
    ],
    [
      '2 partners; 1 duplicate ID merged; 2 rows without a name skipped',
      reading(2, 1, 2, { duplicatesMergedById: 1, rowsWithoutName: 2 }),
      undefined,
    ],
  ])('%s', (expected, r, sheetName) => {
    expect(describeReading(r, sheetName)).toBe(expected);
  });

  test('what reading a real list says', () => {
    const grid = [
      ['Partner', 'Notes'],
      ['Acme', 'x'],
      ['', ''],
      ['ACME', 'y'],
      ['Beta', 'z'],
    ];
    expect(describeReading(readPartners(grid, detectLayout(grid)))).toBe(
      '2 partners; 1 duplicate name merged; 1 blank row skipped',
    );
  });
});

describe('chooseListSheet', () => {
  const list = (rows: number, header = ['Name', 'Type']) => [
    header,
    ...Array.from({ length: rows }, (_, i) => [`Org ${i}`, 'Vendor']),
  ];

  test.each<[string, { name: string; grid: unknown[][] }[], string[], string | null]>([
    [
      'the sheet with most rows',
      [
        { name: 'A', grid: list(3) },
        { name: 'B', grid: list(9) },
      ],
      [],
      'B',
    ],
    [
      'on a tie, the leftmost',
      [
        { name: 'A', grid: list(5) },
        { name: 'B', grid: list(5) },
      ],
      [],
      'A',
    ],
    [
      'a sheet named for partners beats a longer one',
      [
        { name: 'Budget lines', grid: list(90) },
        { name: 'Our partners', grid: list(4) },
      ],
      [],
      'Our partners',
    ],
    [
      'a header that mentions partners counts too',
      [
        { name: 'Sheet1', grid: list(90) },
        { name: 'Sheet2', grid: list(4, ['Partner name', 'Type']) },
      ],
      [],
      'Sheet2',
    ],
    [
      'sheets the add-on owns are skipped, even when they mention partners',
      [
        { name: 'Partner Roster', grid: list(50, ['Partner', 'Suggested']) },
        { name: 'Contacts', grid: list(4) },
      ],
      ['Partner Roster'],
      'Contacts',
    ],
    [
      'sheets without a readable list are skipped',
      [
        { name: 'Partners', grid: [['']] },
        { name: 'Notes', grid: [['Just a title']] },
        { name: 'List', grid: list(2) },
      ],
      [],
      'List',
    ],
    ['no readable list anywhere', [{ name: 'Sheet1', grid: [['']] }], [], null],
    ['no sheets', [], [], null],
  ])('%s', (_label, sheets, owned, expected) => {
    expect(chooseListSheet(sheets, new Set(owned))?.name ?? null).toBe(expected);
  });

  test('gives the layout it found', () => {
    const choice = chooseListSheet(
      [{ name: 'Partners', grid: [['x'], ['Partner', 'Notes'], ['Acme', 'n']] }],
      new Set(),
    );
    expect(choice).toEqual({
      name: 'Partners',
      layout: { headerRow: 2, nameColumn: 1, idColumn: null, descriptionColumns: [2] },
    });
  });
});
