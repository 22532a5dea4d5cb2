import { GOALS_HINT } from '../../src/core/catalogue';
import { splitSegmentsTab } from '../../src/core/segmentsTab';
import {
  readGoalsTable,
  readLevelsTable,
  readSegmentsTable,
  SegmentsTableError,
  splitKeywords,
} from '../../src/core/segmentsTable';

const HEADERS = ['Segment', 'Definition', 'How to manage', 'Keywords', 'Color'];

describe('readSegmentsTable', () => {
  test('reads each row as a segment, keywords split on commas and trimmed', () => {
    const segments = readSegmentsTable([
      HEADERS,
      ['Funder', 'Gives grants', 'Stewardship', ' grant,  donor ,,foundation ', '#AABBCC'],
      ['Advisor', 'Gives advice', 'Ask and thank', 'mentor', ''],
    ]);
    expect(segments).toEqual([
      {
        id: '',
        name: 'Funder',
        definition: 'Gives grants',
        howToManage: 'Stewardship',
        keywords: ['grant', 'donor', 'foundation'],
        color: '#aabbcc',
      },
      {
        id: '',
        name: 'Advisor',
        definition: 'Gives advice',
        howToManage: 'Ask and thank',
        keywords: ['mentor'],
        color: '',
      },
    ]);
  });

  test('headers may come in any order and case, with stray spaces; other columns are ignored', () => {
    const segments = readSegmentsTable([
      ['  KEYWORDS ', 'notes', 'segment', 'how  to MANAGE'],
      ['vendor', 'ignored', 'Contractor', 'Contracts'],
    ]);
    expect(segments).toEqual([
      {
        id: '',
        name: 'Contractor',
        definition: '',
        howToManage: 'Contracts',
        keywords: ['vendor'],
        color: '',
      },
    ]);
  });

  test('only Segment and Keywords are needed', () => {
    expect(
      readSegmentsTable([
        ['Segment', 'Keywords'],
        ['Peer', 'coalition'],
      ])[0],
    ).toMatchObject({
      name: 'Peer',
      definition: '',
      howToManage: '',
      keywords: ['coalition'],
      color: '',
    });
  });

  test('rows without a segment name are skipped (a whole-column range is mostly empty rows)', () => {
    const grid: unknown[][] = [
      HEADERS,
      ['', 'orphan definition', '', 'orphan', ''],
      ['Funder', '', '', 'grant', ''],
    ];
    for (let i = 0; i < 995; i++) grid.push(['', '', '', '', '']);
    expect(readSegmentsTable(grid).map((s) => s.name)).toEqual(['Funder']);
  });

  test('names are trimmed with inner spaces collapsed; numbers read as text', () => {
    const [segment] = readSegmentsTable([
      ['Segment', 'Keywords'],
      ['  Coalition   ally ', 2024],
    ]);
    expect(segment.name).toBe('Coalition ally');
    expect(segment.keywords).toEqual(['2024']);
  });

  test.each([
    ['#12ab9F', '#12ab9f'],
    ['red', ''],
    ['#fff', ''],
    ['12ab9f', ''],
    ['#12ab9fa', ''],
    [' #00ff00 ', '#00ff00'],
  ])('Color %j is read as %j (a bad colour means the palette, never an error)', (color, read) => {
    expect(readSegmentsTable([HEADERS, ['Funder', '', '', 'grant', color]])[0].color).toBe(read);
  });

  test('ragged rows (shorter than the header) read as blanks', () => {
    expect(readSegmentsTable([HEADERS, ['Funder']])[0]).toMatchObject({ name: 'Funder', keywords: [] });
  });

  test.each<[string, unknown[][], string]>([
    [
      'no Keywords header',
      [
        ['Segment', 'Definition', 'How to manage', 'Color'],
        ['Funder', '', '', ''],
      ],
      'The segments range has no "Keywords" header. Its first row should name the columns: Segment, Definition, How to manage, Keywords, Color, Review every (months).',
    ],
    [
      'no Segment header',
      [
        ['Name', 'Keywords'],
        ['Funder', 'grant'],
      ],
      'The segments range has no "Segment" header. Its first row should name the columns: Segment, Definition, How to manage, Keywords, Color, Review every (months).',
    ],
    [
      'headers not in the first row (range started one row too low)',
      [['Funder', 'Gives grants', 'Stewardship', 'grant', '']],
      'The segments range has no "Segment" or "Keywords" headers. Its first row should name the columns: Segment, Definition, How to manage, Keywords, Color, Review every (months).',
    ],
    ['an empty range', [], 'The segments range is empty.'],
    [
      'a range of blank cells',
      [
        ['', ''],
        ['', ''],
      ],
      'The segments range is empty.',
    ],
    ['a single cell', [['Segment']], 'The segments range is a single cell.'],
    [
      'headers only',
      [HEADERS, ['', '', '', 'orphan', '']],
      'The segments range has headers but no segments below them',
    ],
    [
      'the same name twice, in another case',
      [
        HEADERS,
        ['Funder', '', '', 'grant', ''],
        ['Advisor', '', '', '', ''],
        [' FUNDER', '', '', 'donor', ''],
      ],
      'The segments range names the segment "FUNDER" twice (rows 2 and 4 of the range). Each segment needs its own name.',
    ],
  ])('%s gives a plain-word error', (_label, grid, message) => {
    let thrown: unknown;
    try {
      readSegmentsTable(grid);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SegmentsTableError);
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message.startsWith(message)).toBe(true);
  });
});

describe('splitKeywords', () => {
  test.each<[string, string[]]>([
    ['a, b ,c', ['a', 'b', 'c']],
    ['city of,  county   of', ['city of', 'county of']],
    ['one\ntwo;three', ['one', 'two', 'three']],
    [' , ,', []],
    ['', []],
  ])('%j → %j', (cell, keywords) => {
    expect(splitKeywords(cell)).toEqual(keywords);
  });
});

describe('readLevelsTable', () => {
  test('reads Level | Meaning rows, skipping rows without a level', () => {
    expect(
      readLevelsTable([
        ['Level', 'Meaning'],
        ['Networking', 'Exchange information'],
        ['', 'stray'],
        ['Strategic', ''],
      ]),
    ).toEqual([
      { name: 'Networking', meaning: 'Exchange information' },
      { name: 'Strategic', meaning: '' },
    ]);
  });

  test('headers in any order and case', () => {
    expect(
      readLevelsTable([
        ['MEANING', 'level'],
        ['Share resources', 'Cooperating'],
      ]),
    ).toEqual([{ name: 'Cooperating', meaning: 'Share resources' }]);
  });

  test.each<[unknown[][], string]>([
    [
      [
        ['Name', 'Meaning'],
        ['Networking', ''],
      ],
      'The levels range has no "Level" header.',
    ],
    [[['Level', 'Meaning']], 'The levels range has headers but no levels below them'],
    [
      [['Level'], ['Strategic'], ['strategic']],
      'The levels range names the level "strategic" twice (rows 2 and 3 of the range).',
    ],
  ])('a bad levels table says what is wrong: %j', (grid, message) => {
    expect(() => readLevelsTable(grid)).toThrow(message);
  });
});

describe('readGoalsTable', () => {
  test('reads Goal | What success looks like; the hint and rows without a goal are no goal', () => {
    expect(
      readGoalsTable([
        ['Goal', 'What success looks like'],
        [GOALS_HINT, ''],
        ['  Affordable   housing ', '500 homes by 2030'],
        ['', 'stray'],
        ['Clean river', ''],
      ]),
    ).toEqual([
      { id: '', name: 'Affordable housing', success: '500 homes by 2030', rosterName: 'Affordable housing' },
      { id: '', name: 'Clean river', success: '', rosterName: 'Clean river' },
    ]);
  });

  test('a new table holding only its hint has no goals, and that is no error', () => {
    expect(
      readGoalsTable([
        ['Goal', 'What success looks like'],
        [GOALS_HINT, ''],
      ]),
    ).toEqual([]);
  });

  test('a goal named twice says so', () => {
    expect(() => readGoalsTable([['Goal'], ['Housing'], ['housing']])).toThrow(
      'The goals range names the goal "housing" twice (rows 2 and 3 of the range).',
    );
  });
});

describe('splitSegmentsTab', () => {
  test('finds the Goals table by its header, wherever it is; an old tab has none', () => {
    const header = ['Segment', 'Keywords', '', 'Level', 'Meaning', '', 'Goal', 'What success looks like'];
    const tables = splitSegmentsTab([header, ['A', 'a', '', 'L1', '', '', 'G1', 'yes']]);
    expect(tables.goals).toEqual([
      ['Goal', 'What success looks like'],
      ['G1', 'yes'],
    ]);
    expect(tables.spans.goals?.first).toBe(7);
    expect(tables.levels).toEqual([
      ['Level', 'Meaning'],
      ['L1', ''],
    ]);
    expect(splitSegmentsTab([header.slice(0, 5)]).goals).toBeNull();
  });
});
