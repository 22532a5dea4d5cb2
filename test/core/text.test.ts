import { runInNewContext } from 'node:vm';
import { cellText, collapseSpaces, foldText, normaliseName, trimSpaces } from '../../src/core/text';

describe('cellText: how a cell value reads as text', () => {
  test.each<[string, unknown, string]>([
    ['text as it is', '  Acme  Corp ', '  Acme  Corp '],
    ['an integer without ".0"', 3, '3'],
    ['a whole float', 1234.0, '1234'],
    ['a negative decimal', -2.5, '-2.5'],
    ['float noise rounded off', 0.1 + 0.2, '0.3'],
    ['a large integer in plain digits', 1234567890123, '1234567890123'],
    ['zero', 0, '0'],
    ['TRUE', true, 'TRUE'],
    ['FALSE', false, 'FALSE'],
    ['a date', new Date(2024, 0, 5), '2024-01-05'],
    ['a date with a time of day', new Date(2024, 11, 31, 23, 59), '2024-12-31'],
    ['an invalid date', new Date(NaN), ''],
    ['null', null, ''],
    ['undefined', undefined, ''],
    ['the empty cell', '', ''],
    ['formula-like text, untouched', '=SUM(A1)', '=SUM(A1)'],
  ])('%s', (_label, value, expected) => {
    expect(cellText(value)).toBe(expected);
  });

  test('a Date from another realm (as Sheets passes to custom functions) is still a date', () => {
    const foreign = runInNewContext('new Date(2023, 11, 31)');
    expect(foreign instanceof Date).toBe(false);
    expect(cellText(foreign)).toBe('2023-12-31');
  });

  test.each(['Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata'])(
    'a date reads as the local date in %s, not the UTC one',
    (zone) => {
      const saved = process.env.TZ;
      process.env.TZ = zone;
      try {
        const midnight = new Date(2024, 0, 5);
        expect(cellText(midnight)).toBe('2024-01-05');
        const lastMinute = new Date(2024, 0, 5, 23, 59);
        expect(cellText(lastMinute)).toBe('2024-01-05');
      } finally {
        process.env.TZ = saved;
      }
    },
  );
});

describe('foldText: case and accents ignored', () => {
  test.each([
    ['Fóo', 'foo'],
    ['NAÏVE Café', 'naive cafe'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['Æsir', 'aesir'],
    ['Øresund', 'oresund'],
    ['Łódź', 'lodz'],
    ['Œuvre', 'oeuvre'],
    ['ﬁnance', 'finance'],
    ['ＦＯＯ', 'foo'],
    ['São Paulo', 'sao paulo'],
    ['ΟΔΟΣ', 'οδοσ'],
    ['plain ascii', 'plain ascii'],
  ])('%s → %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('normaliseName: trimmed, inner spaces collapsed, case ignored', () => {
  test.each([
    ['  Acme   Corp ', 'acme corp'],
    ['ACME\tCorp\n', 'acme corp'],
    ['Acme\u00a0Corp', 'acme corp'],
    ['Acme\u2003 \u200bCorp', 'acme corp'],
    ['Acme\r\n\r\nCorp', 'acme corp'],
    ['Straße', 'strasse'],
    // Plain ASCII names take a shorter path; these land on its edges.
    ['ACME Corp', 'acme corp'],
    ["O'Brien & Sons, Inc.", "o'brien & sons, inc."],
    ['Acme  Corp', 'acme corp'],
    ['Acme Corp ', 'acme corp'],
    ['Acme\u007fCorp', 'acme\u007fcorp'],
    ['~', '~'],
  ])('%j → %j', (name, normalised) => {
    expect(normaliseName(name)).toBe(normalised);
  });

  test('two names are the same partner when they differ only in case and spacing', () => {
    expect(normaliseName(' City of  SPRINGFIELD')).toBe(normaliseName('city of springfield '));
  });

  test('accents are kept: José and Jose stay two partners', () => {
    expect(normaliseName('José')).not.toBe(normaliseName('Jose'));
  });

  test('the two Unicode spellings of the same accented letter are the same name', () => {
    expect(normaliseName('Jos\u00e9')).toBe(normaliseName('Jose\u0301'));
  });
});

describe('spaces', () => {
  test.each([
    ['  a  b  ', 'a b', 'a  b'],
    ['\u200b\u00a0Acme\n', 'Acme', 'Acme'],
    ['\t', '', ''],
    ['Acme Corp', 'Acme Corp', 'Acme Corp'],
    ['Acme\u200b', 'Acme', 'Acme'],
    ['\u2060Acme', 'Acme', 'Acme'],
    ['x', 'x', 'x'],
  ])('%j collapses to %j and trims to %j', (text, collapsed, trimmed) => {
    expect(collapseSpaces(text)).toBe(collapsed);
    expect(trimSpaces(text)).toBe(trimmed);
  });
});
