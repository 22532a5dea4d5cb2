import { detectLayout, listColumns, PartnerListError } from '../../src/core/partnerList';
import type { ListLayout } from '../../src/core/types';

const D = (y: number, m: number, d: number) => new Date(y, m - 1, d);

describe('detectLayout', () => {
  test.each<[string, unknown[][], ListLayout]>([
    [
      'a plain list: e-mail, phone and website are not descriptions',
      [
        ['Name', 'Type', 'Email', 'Phone', 'Website', 'Notes'],
        ['Acme Printing', 'Vendor', 'info@acme.com', '(555) 123-4567', 'acme.com', 'Prints our flyers'],
        [
          'Springfield Parks',
          'City department',
          'parks@springfield.gov',
          '555-987-6543',
          'https://springfield.gov',
          '',
        ],
      ],
      { headerRow: 1, nameColumn: 1, idColumn: null, descriptionColumns: [2, 6] },
    ],
    [
      'a title row and a blank row above the header',
      [
        ['Our partners, 2024', '', ''],
        ['', '', ''],
        ['Organization', 'Relationship', 'Partner since'],
        ['Acme', 'Vendor', D(2020, 2, 1)],
        ['Beta Fund', 'Funder', D(2021, 3, 1)],
      ],
      { headerRow: 3, nameColumn: 1, idColumn: null, descriptionColumns: [2] },
    ],
    [
      'a two-cell title row above the header',
      [
        ['Partner list', 'Updated March 2024'],
        ['Organization', 'Type', 'Email', 'Notes'],
        ['Acme', 'Vendor', 'a@acme.com', 'Prints'],
        ['Beta Fund', 'Funder', 'b@beta.org', 'Grants'],
      ],
      { headerRow: 2, nameColumn: 1, idColumn: null, descriptionColumns: [2, 4] },
    ],
    [
      'notes rows above the header',
      [
        ['Prepared by', 'Jane'],
        ['Partner', 'Kind of partner', 'Notes'],
        ['Acme', 'Vendor', 'x'],
        ['Beta', 'Funder', 'y'],
      ],
      { headerRow: 2, nameColumn: 1, idColumn: null, descriptionColumns: [2, 3] },
    ],
    [
      'headers without any usual header word',
      [
        ['Who', 'What they do'],
        ['Acme', 'Prints'],
        ['Beta', 'Funds'],
      ],
      { headerRow: 1, nameColumn: 1, idColumn: null, descriptionColumns: [2] },
    ],
    [
      'data rows that use header words do not pass for the header',
      [
        ['Organisation', 'What they do'],
        ['County agency', 'Partner'],
        ['City department', 'Member organization'],
      ],
      { headerRow: 1, nameColumn: 1, idColumn: null, descriptionColumns: [2] },
    ],
    [
      'a one-column list',
      [['Partner'], ['Acme'], ['Beta']],
      { headerRow: 1, nameColumn: 1, idColumn: null, descriptionColumns: [] },
    ],
    [
      'a one-column list under a one-cell title',
      [['Partners'], ['Name'], ['Acme'], ['Beta']],
      { headerRow: 2, nameColumn: 1, idColumn: null, descriptionColumns: [] },
    ],
    [
      'the organisation, not the contact person, names the partner',
      [
        ['Contact name', 'Organization', 'Type'],
        ['Jane Doe', 'Acme', 'Vendor'],
        ['Grant Smith', 'Beta', 'Funder'],
      ],
      { headerRow: 1, nameColumn: 2, idColumn: null, descriptionColumns: [3] },
    ],
    [
      '"Partner name" wins over "Name"; "Partner type" is a description',
      [
        ['Name', 'Partner type', 'Partner name'],
        ['Jane Doe', 'Vendor', 'Acme'],
        ['Joe Bloggs', 'Funder', 'Beta'],
      ],
      { headerRow: 1, nameColumn: 3, idColumn: null, descriptionColumns: [1, 2] },
    ],
    [
      'a "#" ID column; tax IDs, contacts and addresses are not descriptions; a headerless text column is',
      [
        ['#', 'Organisation', 'Tax ID', 'Contact name', 'Partner type', 'Address', 'Notes', ''],
        [1, 'Acme', '12-3456789', 'Grant Smith', 'Vendor', '1 County Rd', 'x', 'extra text'],
        [2, 'Beta', '98-7654321', 'Jo Park', 'Funder', '2 Main St', 'y', 'more text'],
      ],
      { headerRow: 1, nameColumn: 2, idColumn: 1, descriptionColumns: [5, 7, 8] },
    ],
    [
      'a "Partner ID" column of codes',
      [
        ['Partner', 'Partner ID', 'Role'],
        ['Acme', 'P-001', 'Vendor'],
        ['Beta', 'P-002', 'Funder'],
      ],
      { headerRow: 1, nameColumn: 1, idColumn: 2, descriptionColumns: [3] },
    ],
    [
      '"Tax ID" alone is not the list\'s ID',
      [
        ['Organization', 'Tax ID', 'Notes'],
        ['Acme', '12-3456789', 'x'],
        ['Beta', 'EIN pending', 'y'],
      ],
      { headerRow: 1, nameColumn: 1, idColumn: null, descriptionColumns: [3] },
    ],
    [
      'an ID header over an empty column is no ID column',
      [
        ['ID', 'Name', 'Notes'],
        ['', 'Acme', 'x'],
        ['', 'Beta', 'y'],
      ],
      { headerRow: 1, nameColumn: 2, idColumn: null, descriptionColumns: [3] },
    ],
    [
      'columns of dates, numbers and ticks are not descriptions, whatever their headers',
      [
        ['Partner', 'Joined', 'Budget', 'Active', 'Comments', 'Links'],
        ['Acme', D(2020, 1, 2), 1200, true, 'good', 'http://acme.com'],
        ['Beta', D(2021, 5, 6), 300.5, false, '', 'www.beta.org'],
      ],
      { headerRow: 1, nameColumn: 1, idColumn: null, descriptionColumns: [5] },
    ],
    [
      'without a name header, the first text column that is not contact details',
      [
        ['Email', 'Who', 'Amount'],
        ['a@acme.com', 'Acme', 10],
        ['b@beta.org', 'Beta', 20],
      ],
      { headerRow: 1, nameColumn: 2, idColumn: null, descriptionColumns: [] },
    ],
    [
      'a headed column still empty counts as a description (its notes are read once filled)',
      [
        ['Partner', 'Notes', ''],
        ['Acme', '', ''],
        ['Beta', '', ''],
      ],
      { headerRow: 1, nameColumn: 1, idColumn: null, descriptionColumns: [2] },
    ],
  ])('%s', (_label, grid, layout) => {
    expect(detectLayout(grid)).toEqual(layout);
  });

  describe('headings written as sentences (issue 18)', () => {
    const SENTENCE_HEADERS = [
      'Name of the organization as it appears on our records and receipts',
      'Type of relationship with the food bank (funder, vendor etc.)',
      'Name of the main contact person at the organization we work with',
      'Notes about how we work together and anything the board should know',
      'Primary contact e-mail address for the organization, if we have one',
    ];
    const foodBank = (rows: number) => [
      SENTENCE_HEADERS,
      ...Array.from({ length: rows }, (_, i) => [
        `Partner ${i}`,
        i % 2 ? 'Funder' : 'Partner agency',
        `Person ${i}, director`,
        `They have worked with us since 20${10 + (i % 10)} on the weekend food drive and the school backpack program, ` +
          'and we meet them at least twice a year.',
        `p${i}@example.org`,
      ]),
    ];

    test('a 58-row food bank list whose headings are about 60 characters is found', () => {
      expect(SENTENCE_HEADERS.every((h) => h.length > 50)).toBe(true);
      expect(detectLayout(foodBank(58))).toEqual({
        headerRow: 1,
        nameColumn: 1,
        idColumn: null,
        descriptionColumns: [2, 4],
      });
    });

    test('under a title row, the sentence headings are still the header', () => {
      expect(
        detectLayout([['Food bank partners, exported March 2024'], [''], ...foodBank(5)]).headerRow,
      ).toBe(3);
    });

    test('a data row of long notes does not pass for the header', () => {
      const grid = [
        ['Who', 'What they do'],
        ['Acme', 'A vendor that prints our flyers and donates paper for the partner newsletter every spring'],
        ['Beta', 'A funder whose grant covers the weekend food drive; they ask for a report on each partner'],
      ];
      expect(detectLayout(grid).headerRow).toBe(1);
    });

    test('a cell of several hundred characters is text, not a heading', () => {
      const essay = 'We work with this organization on many things. '.repeat(10);
      expect(
        detectLayout([
          [essay, essay],
          ['Name', 'Type'],
          ['Acme', 'Vendor'],
        ]).headerRow,
      ).toBe(2);
    });
  });

  test.each<[string, unknown[][], string]>([
    ['an empty sheet', [['']], 'This sheet is empty.'],
    ['no rows at all', [], 'This sheet is empty.'],
    [
      'only spaces',
      [
        ['  ', '\n'],
        ['', ''],
      ],
      'This sheet is empty.',
    ],
    [
      'a header and nothing below',
      [
        ['Name', 'Type'],
        ['', ''],
      ],
      'The list has a header (row 1) but no partners',
    ],
    [
      'rows of data without a header',
      [
        ['Acme', 'Vendor'],
        ['Beta', 'Vendor'],
        ['Gamma', 'Funder'],
      ],
      'No header row found: none of the first 10 rows names the columns.',
    ],
    [
      'numbers only',
      [
        [1, 2],
        [3, 4],
      ],
      'No header row found',
    ],
    [
      'a header below the first 10 rows',
      [...Array.from({ length: 10 }, () => ['']), ['Name', 'Type'], ['Acme', 'Vendor']],
      'No header row found',
    ],
    [
      'no column of names',
      [
        ['Email', 'Joined'],
        ['a@acme.com', D(2020, 1, 1)],
      ],
      'No name column found',
    ],
  ])('%s: a plain-word error', (_label, grid, message) => {
    expect(() => detectLayout(grid)).toThrow(PartnerListError);
    expect(() => detectLayout(grid)).toThrow(message);
  });
});

describe('listColumns', () => {
  test('labels each column by its header, or "Column F" without one, and says what it holds', () => {
    const grid = [
      ['Partner', '', 'Email', '', '', ''],
      ['Acme', 'free text', 'a@acme.com', '', '', 12],
      ['Beta', '', 'b@beta.org', '', '', 13],
    ];
    expect(listColumns(grid, 1).map((c) => [c.column, c.label, c.kind])).toEqual([
      [1, 'Partner', 'text'],
      [2, 'Column B', 'text'],
      [3, 'Email', 'email'],
      [6, 'Column F', 'number'],
    ]);
  });
});

describe('large lists', () => {
  test('detects the layout of a 50,000-row list', () => {
    const grid: unknown[][] = [['Partner name', 'ID', 'Type', 'Notes', 'Email', 'Since']];
    for (let i = 0; i < 50000; i++) {
      grid.push([`Org ${i}`, `P${i}`, 'Vendor', `note ${i}`, `x${i}@a.org`, D(2020, 1, 1)]);
    }
    expect(detectLayout(grid)).toEqual({
      headerRow: 1,
      nameColumn: 1,
      idColumn: 2,
      descriptionColumns: [3, 4],
    });
  });
});
