import { runInNewContext } from 'node:vm';
import { defaultCatalogue } from '../../src/core/catalogue';
import type { Segment } from '../../src/core/types';
import { partnerSegment, partnerSegmentWhy, segmentHowToManage } from '../../src/customFunctions';

const TABLE = [
  ['Segment', 'Definition', 'How to manage', 'Keywords'],
  ['Alpha', 'First', 'Gently', 'foo, bar baz'],
  ['Beta', 'Second', 'Firmly', 'qux'],
];
const documentSegments = () => defaultCatalogue().segments;
const unused = (): Segment[] => {
  throw new Error('the document must not be read when segments are given');
};

describe('PARTNER_SEGMENT(text, segments)', () => {
  test.each<[string, unknown, unknown]>([
    ['a single cell gives one text', 'bar baz and qux', 'Alpha, Beta'],
    ['no match gives ""', 'food', ''],
    ['an empty cell gives ""', '', ''],
    ['a number is read as its text', 42, ''],
    [
      'a range gives a column, one result per row',
      [['The FOO project'], ['food'], ['qux']],
      [['Alpha'], [''], ['Beta']],
    ],
    [
      'a row’s cells are matched one by one and combined',
      [
        ['bar', 'baz'],
        ['qux', 'foo'],
      ],
      [[''], ['Alpha, Beta']],
    ],
    ['a range of one empty row', [['']], [['']]],
  ])('%s', (_label, text, expected) => {
    expect(partnerSegment(text, TABLE, unused)).toEqual(expected);
  });

  test.each<[string, unknown]>([
    ['omitted (Sheets passes undefined)', undefined],
    ['an empty cell', ''],
    ['null', null],
  ])('segments %s: the document’s segments are used', (_label, segments) => {
    const load = jest.fn(documentSegments);
    expect(partnerSegment('City of Springfield parks department', segments, load)).toBe('Public agency');
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('omitted (=PARTNER_SEGMENT()): an error saying what to give, not a blank', () => {
    expect(() => partnerSegment(undefined, TABLE, unused)).toThrow(
      'PARTNER_SEGMENT needs the text to read: give a cell or a range, e.g. =PARTNER_SEGMENT(B2:B, Segments!A:E).',
    );
    expect(() => partnerSegmentWhy(undefined, TABLE, unused)).toThrow(
      'PARTNER_SEGMENT_WHY needs the text to read',
    );
  });

  test('without a loader, the default segments are used', () => {
    expect(partnerSegment('our federal grant')).toBe('Funder, Public agency');
  });

  test('arrays from another realm (as Sheets passes them) are ranges too', () => {
    const text = runInNewContext('[["foo"], ["qux"]]');
    const table = runInNewContext(JSON.stringify(TABLE));
    expect(text instanceof Array).toBe(false);
    expect(partnerSegment(text, table, unused)).toEqual([['Alpha'], ['Beta']]);
  });

  test('a changed segments range is read afresh (compiled matchers are kept by content)', () => {
    expect(partnerSegment('qux', TABLE, unused)).toBe('Beta');
    const renamed = TABLE.map((row) => [...row]);
    renamed[2][0] = 'Gamma';
    expect(partnerSegment('qux', renamed, unused)).toBe('Gamma');
    const rekeyed = TABLE.map((row) => [...row]);
    rekeyed[2][3] = 'quux';
    expect(partnerSegment('qux', rekeyed, unused)).toBe('');
    expect(partnerSegment('qux', TABLE, unused)).toBe('Beta');
  });

  test.each<[string, unknown, string]>([
    [
      'a single cell',
      'Segments',
      'segments must be a range such as Segments!A:E, with headers in its first row.',
    ],
    ['a number', 5, 'segments must be a range such as Segments!A:E, with headers in its first row.'],
    ['a flat list', ['Segment', 'Keywords'], 'segments must be a range such as Segments!A:E'],
    [
      'a range without Keywords',
      [
        ['Segment', 'Notes'],
        ['Alpha', 'x'],
      ],
      'The segments range has no "Keywords" header.',
    ],
    ['a range with no segments', [['Segment', 'Keywords']], 'The segments range has headers but no segments'],
  ])('segments given as %s: a plain Error saying what is wrong', (_label, segments, message) => {
    let thrown: unknown;
    try {
      partnerSegment('foo', segments, unused);
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).constructor).toBe(Error);
    expect((thrown as Error).message.startsWith(message)).toBe(true);
  });

  // Speed is measured by `npm run bench`, not asserted here.
  test('a 10,000-row range gives 10,000 answers', () => {
    const rows = Array.from({ length: 10000 }, (_, i) => [
      `Row ${i}: a city of Springfield department with grants`,
    ]);
    const result = partnerSegment(rows, undefined, documentSegments) as string[][];
    expect(result).toHaveLength(10000);
    expect(result[9999]).toEqual(['Funder, Public agency']);
  });
});

describe('SEGMENT_HOW_TO_MANAGE(segment, segments)', () => {
  test.each<[string, unknown, unknown]>([
    ['a segment name', 'Alpha', 'Gently'],
    ['in any case, with stray spaces', '  bETA ', 'Firmly'],
    ['an empty cell', '', ''],
    ['several segments, as PARTNER_SEGMENT lists them', 'Alpha, Beta', 'Alpha: Gently\nBeta: Firmly'],
    ['a column of names', [['Alpha'], ['nope'], ['beta']], [['Gently'], [''], ['Firmly']]],
    ['a row of several cells', [['Alpha', 'Beta', 'alpha']], [['Alpha: Gently\nBeta: Firmly']]],
  ])('%s', (_label, name, expected) => {
    expect(segmentHowToManage(name, TABLE, unused)).toEqual(expected);
  });

  test.each<[string, unknown, string]>([
    ['an unknown name', 'Gamma', '"Gamma" is not a segment. The segments are: Alpha, Beta.'],
    ['"Nope"', 'Nope', '"Nope" is not a segment. The segments are: Alpha, Beta.'],
    [
      'a list with an unknown name',
      'Alpha, Gamma',
      '"Gamma" is not a segment. The segments are: Alpha, Beta.',
    ],
    [
      'two unknown names',
      'Gamma, Delta',
      '"Gamma", "Delta" are not segments. The segments are: Alpha, Beta.',
    ],
  ])('%s: a plain error on the cell, naming it and the segments', (_label, name, message) => {
    expect(() => segmentHowToManage(name, TABLE, unused)).toThrow(message);
  });

  test('omitted (=SEGMENT_HOW_TO_MANAGE()): an error saying what to give', () => {
    expect(() => segmentHowToManage(undefined, TABLE, unused)).toThrow(
      'SEGMENT_HOW_TO_MANAGE needs a segment name: give a cell or a range',
    );
  });

  test('omitted segments: the document’s', () => {
    expect(segmentHowToManage('Funder', undefined, documentSegments)).toBe(
      'Stewardship: timely reports, recognition, a relationship with the program officer',
    );
  });

  test('a segment whose name holds a comma is still found whole', () => {
    const table = [
      ['Segment', 'How to manage', 'Keywords'],
      ['Friends, family', 'Thank them', ''],
    ];
    expect(segmentHowToManage('friends, family', table, unused)).toBe('Thank them');
  });

  test('a bad segments range gives the same plain error', () => {
    expect(() => segmentHowToManage('Alpha', 'A1', unused)).toThrow(
      'segments must be a range such as Segments!A:E, with headers in its first row.',
    );
  });
});
