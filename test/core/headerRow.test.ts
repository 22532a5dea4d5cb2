import { columnsByHeader, findHeader, headerKey, tableSpans } from '../../src/core/headerRow';

describe('finding tables by the headers of row 1', () => {
  const header = [
    'Our column',
    'Segment',
    'Definition',
    ' how  TO manage ',
    'Keywords',
    'Color',
    '',
    '',
    'Level',
    'Meaning',
  ];

  test('headerKey folds case and spacing', () => {
    expect(headerKey('  How   to MANAGE ')).toBe('how to manage');
    expect(headerKey(null)).toBe('');
  });

  test('findHeader gives the first 1-based column at or after `from`', () => {
    expect(findHeader(header, 'segment')).toBe(2);
    expect(findHeader(header, ['Levels', 'Level'], 3)).toBe(9);
    expect(findHeader(header, 'goal')).toBeNull();
    expect(findHeader(header, 'segment', 3)).toBeNull();
  });

  test('tableSpans: each table runs to the next one, trailing blank headers left out', () => {
    expect(tableSpans(header, { segments: 1, levels: 9, goals: null })).toEqual({
      segments: { first: 1, last: 6 },
      levels: { first: 9, last: 10 },
    });
  });

  test('columnsByHeader: fields by any spelling, first occurrence, inside the span only', () => {
    const fields = {
      segment: 'name',
      'how to manage': 'how',
      colour: 'color',
      color: 'color',
      meaning: 'meaning',
    };
    const at = columnsByHeader(header, fields, { first: 1, last: 6 });
    expect([...at]).toEqual([
      ['name', 2],
      ['how', 4],
      ['color', 6],
    ]);
    expect(columnsByHeader(header, fields).get('meaning')).toBe(10);
  });
});
