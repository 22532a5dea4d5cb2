// Every server function the sidebar calls (src/index.ts), called as a stranger could over google.script.run:
// wrong types, oversize text, unknown names and ids, objects with fields the server does not take. Each is
// refused with an Error a person can act on, and the document is exactly as it was (issue #6).
import { createStandIn, type StandIn } from '../../dev/standin/index';
import { loadAddon, type LoadedAddon } from '../../dev/standin/loader';

const MB = 'x'.repeat(1024 * 1024);
/** What google.script.run can carry that is not the text or object a function expects. */
const NOT_TEXT: unknown[] = [42, 0, true, null, undefined, {}, [], ['Contractor'], { name: 'Contractor' }];
const NOT_AN_OBJECT: unknown[] = [42, true, null, undefined, 'Partners', [], [{ sheet: 'Partners' }]];
const TABS = 'The tab must be one of: list, segments, roster, summary, exercise.';

const LIST = [
  ['Organization', 'Partner ID', 'Type', 'Notes'],
  ['Acme Consulting', 'P1', 'vendor', 'invoice monthly'],
  ['Bright Futures Foundation', 'P2', 'funder', 'advisory council too'],
  ['Riverside Alliance', 'P3', 'coalition peer', ''],
];

function fresh(): { s: StandIn; addon: LoadedAddon } {
  const s = createStandIn({ initialSheet: null });
  s.addSheet('Partners', LIST);
  s.addSheet('Budget', [
    ['Item', 'Amount'],
    ['Rent', 1200],
  ]);
  return { s, addon: loadAddon({ standIn: s }) };
}

/** A document with every tab made: the list chosen, a roster and a summary. */
function built(): { s: StandIn; addon: LoadedAddon } {
  const t = fresh();
  t.addon.run('buildRosterFromSidebar');
  t.addon.run('generateSummaryFromSidebar');
  return t;
}

/**
 * Everything a call could change, read from the stand-in's document model: sheets and their order, every
 * cell's content, note, format and validation, merges, rules, protections, charts, metadata, properties, the
 * active sheet.
 */
function documentState(s: StandIn): string {
  const { sheets, metadata, activeSheetId } = s.workbook;
  return JSON.stringify(
    { sheets, metadata, activeSheetId, properties: [...s.properties.document] },
    (_, v: unknown) => (v instanceof Map || v instanceof Set ? [...v] : v),
  );
}

function segmentId(addon: LoadedAddon, name: string): string {
  const view = addon.run('getSegments') as { segments: { id: string; name: string }[] };
  return view.segments.find((x) => x.name === name)!.id;
}

/**
 * Calls `fn` with `args` and expects a refusal: a UserError (shown to people as it is) whose message matches,
 * reads as a sentence, and leaks no internals; the document unchanged.
 */
function expectRefused(
  s: StandIn,
  addon: LoadedAddon,
  fn: string,
  args: unknown[],
  message: RegExp | string,
) {
  const before = documentState(s);
  let error: Error | null = null;
  try {
    addon.run(fn, ...args);
  } catch (e) {
    error = e as Error;
  }
  const call = `${fn}(${args.map((a) => (typeof a === 'string' && a.length > 40 ? `<${a.length} chars>` : JSON.stringify(a))).join(', ')})`;
  expect({ call, refused: error !== null }).toEqual({ call, refused: true });
  const { name, message: text } = error as Error;
  expect({ call, name, text }).toEqual({
    call,
    name: 'UserError',
    text: typeof message === 'string' ? message : expect.stringMatching(message),
  });
  expect(text).toMatch(/^[A-Z"].*[.)]$/s);
  expect(text).not.toMatch(/undefined|\[object|TypeError|Cannot read|is not a function|NaN/);
  expect(text.length).toBeLessThan(400);
  expect({ call, unchanged: documentState(s) === before }).toEqual({ call, unchanged: true });
}

/** A built document shared by a describe block's tests: every refusal leaves it unchanged. */
function shared(): { s: StandIn; addon: LoadedAddon } {
  const doc = {} as { s: StandIn; addon: LoadedAddon };
  beforeAll(() => Object.assign(doc, built()));
  return doc;
}

describe('chooseList', () => {
  const doc = shared();

  test.each(NOT_AN_OBJECT.map((a) => [JSON.stringify(a) ?? 'undefined', a]))(
    'refuses %s for the choice',
    (_, arg) =>
      expectRefused(doc.s, doc.addon, 'chooseList', [arg], 'The list choice is missing or malformed.'),
  );

  test.each(NOT_TEXT.map((a) => [JSON.stringify(a) ?? 'undefined', a]))(
    'refuses %s for the sheet name',
    (_, sheet) => expectRefused(doc.s, doc.addon, 'chooseList', [{ sheet }], 'The sheet name must be text.'),
  );

  test('refuses blank, oversize and unknown sheet names, and the add-on’s own sheets', () => {
    expectRefused(doc.s, doc.addon, 'chooseList', [{ sheet: '   ' }], 'The sheet name cannot be empty.');
    expectRefused(
      doc.s,
      doc.addon,
      'chooseList',
      [{ sheet: MB }],
      'The sheet name is too long (1,048,576 characters; at most 200).',
    );
    expectRefused(
      doc.s,
      doc.addon,
      'chooseList',
      [{ sheet: 'Partnres' }],
      'There is no sheet named "Partnres" in this spreadsheet.',
    );
    for (const own of ['Partner Roster', 'Segments', 'Discussion Summary']) {
      expectRefused(
        doc.s,
        doc.addon,
        'chooseList',
        [{ sheet: own }],
        `"${own}" is a sheet Partner Segments made; choose the sheet with your partner list.`,
      );
    }
  });

  test('refuses rows and columns that are not whole numbers inside the sheet', () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ headerRow: '1' }, 'The header row must be a whole number from 1 to 4.'],
      [{ headerRow: 0 }, 'The header row must be a whole number from 1 to 4.'],
      [{ headerRow: 1.5 }, 'The header row must be a whole number from 1 to 4.'],
      [{ headerRow: 1e9 }, 'The header row must be a whole number from 1 to 4.'],
      [{ headerRow: null }, 'The header row must be a whole number from 1 to 4.'],
      [{ nameColumn: 27 }, 'The name column must be a whole number from 1 to 4.'],
      [{ nameColumn: [1] }, 'The name column must be a whole number from 1 to 4.'],
      [{ idColumn: 'B' }, 'The ID column must be a whole number from 1 to 4.'],
      [{ nameColumn: 2, idColumn: 2 }, 'The name column and the ID column must be different columns.'],
      [{ descriptionColumns: 'C,D' }, 'The description columns must be a list of column numbers.'],
      [{ descriptionColumns: { 0: 3 } }, 'The description columns must be a list of column numbers.'],
      [{ descriptionColumns: [3, 0] }, 'A description column must be a whole number from 1 to 4.'],
      [{ descriptionColumns: [3, '4'] }, 'A description column must be a whole number from 1 to 4.'],
      [
        { descriptionColumns: Array.from({ length: 100000 }, () => 3) },
        'The description columns must be a list of column numbers.',
      ],
    ];
    for (const [fields, message] of bad) {
      expectRefused(doc.s, doc.addon, 'chooseList', [{ sheet: 'Partners', ...fields }], message);
    }
  });

  test('refuses a choice under which the sheet has no partners, before saving it', () => {
    expectRefused(
      doc.s,
      doc.addon,
      'chooseList',
      [{ sheet: 'Partners', headerRow: 4 }],
      'Partners: the list has a header but no partners below it.',
    );
  });

  // A field the sidebar never sends is a caller's mistake, not something to ignore.
  test('refuses an object with fields it does not take', () => {
    expectRefused(
      doc.s,
      doc.addon,
      'chooseList',
      [{ sheet: 'Partners', headerRow: 1, sheetId: 0 }],
      /^The list choice has a field Partner Segments does not know \("sheetId"\)/,
    );
  });

  test('takes a sound choice, and then a refused one leaves it as chosen', () => {
    const overview = doc.addon.run('chooseList', { sheet: 'Partners', headerRow: 1, nameColumn: 1 }) as {
      list: { sheet: string; nameColumn: number; detected: boolean };
    };
    expect(overview.list).toMatchObject({ sheet: 'Partners', nameColumn: 1, detected: false });
    expectRefused(
      doc.s,
      doc.addon,
      'chooseList',
      [{ sheet: 'Budget', nameColumn: 9 }],
      /^The name column must be/,
    );
  });
});

describe('addSegment, renameSegment, removeSegment', () => {
  const doc = shared();
  let contractor = '';
  beforeAll(() => {
    contractor = segmentId(doc.addon, 'Contractor');
  });

  test.each(NOT_TEXT.map((a) => [JSON.stringify(a) ?? 'undefined', a]))(
    'refuse %s as a name or an id',
    (_, arg) => {
      expectRefused(doc.s, doc.addon, 'addSegment', [arg], 'The segment name must be text.');
      expectRefused(doc.s, doc.addon, 'renameSegment', [arg, 'Vendor'], 'The segment must be text.');
      expectRefused(doc.s, doc.addon, 'renameSegment', [contractor, arg], 'The new name must be text.');
      expectRefused(doc.s, doc.addon, 'removeSegment', [arg], 'The segment must be text.');
    },
  );

  test('refuse blank, oversize and control-character names', () => {
    expectRefused(doc.s, doc.addon, 'addSegment', ['  \t '], 'The segment name cannot be empty.');
    expectRefused(
      doc.s,
      doc.addon,
      'addSegment',
      [MB],
      'The segment name is too long (1,048,576 characters; at most 100).',
    );
    expectRefused(
      doc.s,
      doc.addon,
      'addSegment',
      ['x'.repeat(101)],
      'The segment name is too long (101 characters; at most 100).',
    );
    expectRefused(
      doc.s,
      doc.addon,
      'addSegment',
      ['Bad\u0000name'],
      'The segment name cannot contain control characters.',
    );
    expectRefused(
      doc.s,
      doc.addon,
      'renameSegment',
      [contractor, MB],
      /^The new name is too long \(1,048,576 characters/,
    );
    expectRefused(doc.s, doc.addon, 'renameSegment', [contractor, ''], 'The new name cannot be empty.');
  });

  test('refuse a name another segment has, case and spacing aside', () => {
    expectRefused(
      doc.s,
      doc.addon,
      'addSegment',
      ['  contractor '],
      'There is already a segment named "Contractor".',
    );
    expectRefused(
      doc.s,
      doc.addon,
      'renameSegment',
      [contractor, 'ADVISOR'],
      'There is already a segment named "Advisor".',
    );
  });

  test('refuse unknown and oversize ids', () => {
    const gone = 'That segment is no longer on the Segments tab. Reopen the sidebar to see the current list.';
    expectRefused(doc.s, doc.addon, 'renameSegment', ['no-such-segment', 'Vendor'], gone);
    expectRefused(doc.s, doc.addon, 'removeSegment', ['no-such-segment'], gone);
    expectRefused(doc.s, doc.addon, 'removeSegment', [MB], /^The segment is too long \(1,048,576 characters/);
    expectRefused(doc.s, doc.addon, 'renameSegment', [contractor], 'The new name must be text.');
  });

  test('take formula-like and markup names as the text they are', () => {
    const names = [
      '=IMPORTXML("http://evil.example","//a")',
      '<b onmouseover=alert(1)>Bold</b>',
      "+1'; DROP",
    ];
    for (const name of names) doc.addon.run('addSegment', name);
    const view = doc.addon.run('getSegments') as { segments: { name: string }[] };
    expect(view.segments.map((x) => x.name)).toEqual(expect.arrayContaining(names));
    expect(doc.s.sheetFormulas('Segments').flat().filter(Boolean)).toEqual([]);
    expect(doc.s.sheetValues('Segments').map((r) => r[0])).toEqual(expect.arrayContaining(names));
    doc.addon.run('addSegment', 'y'.repeat(100)); // the longest name taken
  });
});

describe('describeSegment', () => {
  const doc = shared();
  let contractor = '';
  beforeAll(() => {
    contractor = segmentId(doc.addon, 'Contractor');
  });

  test.each(NOT_TEXT.map((a) => [JSON.stringify(a) ?? 'undefined', a]))(
    'refuses %s in any place',
    (_, arg) => {
      expectRefused(doc.s, doc.addon, 'describeSegment', [arg, '', '', ''], 'The segment must be text.');
      expectRefused(
        doc.s,
        doc.addon,
        'describeSegment',
        [contractor, arg, '', ''],
        'The definition must be text.',
      );
      expectRefused(
        doc.s,
        doc.addon,
        'describeSegment',
        [contractor, '', arg, ''],
        'How to manage must be text.',
      );
      expectRefused(
        doc.s,
        doc.addon,
        'describeSegment',
        [contractor, '', '', arg],
        'The keywords must be text.',
      );
    },
  );

  test('refuses an unknown segment, oversize and control-character text', () => {
    expectRefused(
      doc.s,
      doc.addon,
      'describeSegment',
      ['no-such-id', 'x', '', ''],
      /no longer on the Segments tab/,
    );
    expectRefused(
      doc.s,
      doc.addon,
      'describeSegment',
      [contractor, 'x'.repeat(1001), '', ''],
      'The definition is too long (1,001 characters; at most 1,000).',
    );
    expectRefused(
      doc.s,
      doc.addon,
      'describeSegment',
      [contractor, '', '', `a${'\u0007'}b`],
      'The keywords cannot contain control characters.',
    );
  });

  test('writes the three cells of the segment row, keywords tidied, and a blank clears one', () => {
    const { s, addon } = built();
    const id = segmentId(addon, 'Contractor');
    const view = addon.run('describeSegment', id, ' Paid work ', '', 'vendor,  supplier ;invoice') as {
      segments: { id: string; definition: string; howToManage: string; keywords: string }[];
    };
    expect(view.segments.find((x) => x.id === id)).toMatchObject({
      definition: 'Paid work',
      howToManage: '',
      keywords: 'vendor, supplier, invoice',
    });
    const [header, ...rows] = s.sheetValues('Segments');
    const row = rows.find((r) => r[0] === 'Contractor')!;
    expect(['Definition', 'How to manage', 'Keywords'].map((h) => row[header.indexOf(h)])).toEqual([
      'Paid work',
      '',
      'vendor, supplier, invoice',
    ]);
  });
});

describe('showTab', () => {
  const doc = shared();

  test.each(
    [...NOT_TEXT, 'Roster', 'sheet1', ' roster', MB].map((a) => [
      (JSON.stringify(a) ?? 'undefined').slice(0, 24),
      a,
    ]),
  )('refuses %s', (_, role) => expectRefused(doc.s, doc.addon, 'showTab', [role], TABS));

  test('activates the tab asked for', () => {
    doc.addon.run('showTab', 'summary');
    expect(doc.s.internal(() => doc.s.spreadsheet.getActiveSheet().getName())).toBe('Discussion Summary');
  });
});

describe('before anything is built', () => {
  test('showTab says what to do first', () => {
    const { s, addon } = fresh();
    expectRefused(s, addon, 'showTab', ['list'], 'No partner list has been chosen yet.');
    expectRefused(s, addon, 'showTab', ['roster'], 'Build the roster first.');
    expectRefused(s, addon, 'showTab', ['summary'], 'Generate the discussion summary first.');
    expectRefused(s, addon, 'generateSummaryFromSidebar', [], /^Build the roster first/);
    expectRefused(s, addon, 'showTab', ['exercise'], 'Set up the segmentation exercise first.');
    expectRefused(s, addon, 'setUpExerciseFromSidebar', ['Ann, Bob'], /^Build the roster first/);
    expectRefused(s, addon, 'previewBringIn', [], /^Build the roster first/);
    expectRefused(s, addon, 'bringInPicksFromSidebar', [], /^Build the roster first/);
  });

  // editSegments checks against the defaults before it makes the tab: a refused edit leaves nothing behind.
  test('renaming or removing an unknown segment makes no Segments tab', () => {
    const { s, addon } = fresh();
    expectRefused(
      s,
      addon,
      'removeSegment',
      ['no-such-segment'],
      /^That segment is no longer on the Segments tab/,
    );
    expectRefused(s, addon, 'renameSegment', ['no-such-segment', 'X'], /^That segment is no longer/);
  });

  test('adding a segment the defaults already have makes no Segments tab', () => {
    const { s, addon } = fresh();
    expectRefused(s, addon, 'addSegment', ['Funder'], 'There is already a segment named "Funder".');
  });
});

describe('setUpExerciseFromSidebar', () => {
  const doc = shared();

  test.each(NOT_TEXT.map((a) => [(JSON.stringify(a) ?? 'undefined').slice(0, 24), a]))(
    'refuses %s',
    (_, names) => expectRefused(doc.s, doc.addon, 'setUpExerciseFromSidebar', [names], /must be text/),
  );

  test.each([
    ['a megabyte', MB, /too long/],
    ['no names', ' , \n ;', /^Type the names of at least 2 participants/],
    ['one name', 'Ann', /^Type the names of at least 2 participants/],
    [
      '31 names',
      Array.from({ length: 31 }, (_, i) => `P${i}`).join(','),
      /at most 30 participants; that would make 31/,
    ],
    ['a name twice', 'Ann, Bob, ann', /^"Ann" is typed twice\.$/],
    ['a long name', `Ann, ${'b'.repeat(61)}`, /too long for a name \(61 characters; at most 60\)/],
    ['a control character', 'Ann, B\u0007ob', /control characters/],
  ])('refuses %s', (_, names, message) =>
    expectRefused(doc.s, doc.addon, 'setUpExerciseFromSidebar', [names], message),
  );

  test('bringing picks in before set-up says to set it up', () => {
    expectRefused(doc.s, doc.addon, 'previewBringIn', [], /^Set up the segmentation exercise first/);
    expectRefused(doc.s, doc.addon, 'bringInPicksFromSidebar', [], /^Set up the segmentation exercise first/);
  });
});

describe('functions that take no arguments', () => {
  test('ignore whatever is passed and answer as without it', () => {
    const { s, addon } = fresh();
    const junk = [MB, { sheet: 'Budget' }, ['roster'], null, 42];
    expect(addon.run('getOverview', ...junk)).toEqual(addon.run('getOverview'));
    expect(addon.run('getSegments', ...junk)).toEqual(addon.run('getSegments'));
    const first = addon.run('buildRosterFromSidebar', ...junk) as Record<string, unknown>;
    expect(first).toMatchObject({ rosterSheet: 'Partner Roster', partners: 3, firstBuild: true });
    const before = documentState(s);
    expect(addon.run('buildRosterFromSidebar', 'Budget', { listSheetName: 'Budget' })).toMatchObject({
      listSummary: '3 partners in Partners',
      new: 0,
      kept: 3,
    });
    expect(documentState(s)).toBe(before);
    expect(addon.run('generateSummaryFromSidebar', MB)).toMatchObject({ partners: 3 });
  });
});
