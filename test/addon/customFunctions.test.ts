// PARTNER_SEGMENT through the built dist/Code.js, loaded in node:vm by a bare loader of this test's own (not the
// stand-in's): one global scope, as Apps Script has, and no services at all, so reading one would throw.
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const code = readFileSync('dist/Code.js', 'utf8');

function bareAddon(): { call: (name: string, ...args: string[]) => unknown } {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  // Arguments are built inside the vm, so arrays are the vm realm's own (`instanceof Array` holds there).
  return { call: (name, ...args) => vm.runInContext(`${name}(${args.join(', ')})`, context) };
}

const TABLE = JSON.stringify([
  ['Segment', 'Definition', 'How to manage', 'Keywords'],
  ['Alpha', 'first', 'closely', 'foo, bar baz'],
  ['Beta', 'second', 'loosely', 'qux'],
]);
const q = (s: string) => JSON.stringify(s);
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

describe('PARTNER_SEGMENT in dist/Code.js, with a segments table given', () => {
  const addon = bareAddon();
  test.each([
    ['The FOO project', 'Alpha'],
    ['bar baz and qux', 'Alpha, Beta'],
    ['food', ''],
    ['foos', 'Alpha'],
    ['an alpha partner', 'Alpha'],
    ['(foo)', 'Alpha'],
    ['foo-based work', 'Alpha'],
    ['bar  \n  baz', 'Alpha'],
    ['bar', ''],
    ['Fóo', 'Alpha'],
    ['qux and foo', 'Alpha, Beta'],
  ])('%j gives %j', (text, expected) => {
    expect(addon.call('PARTNER_SEGMENT', q(text), TABLE)).toBe(expected);
  });

  test("a range gives one result per row, a row's cells matched one by one", () => {
    const column = JSON.stringify([['foo'], ['nothing'], ['qux']]);
    expect(plain(addon.call('PARTNER_SEGMENT', column, TABLE))).toEqual([['Alpha'], [''], ['Beta']]);
    // "bar" and "baz" in two cells are not the phrase "bar baz".
    const split = JSON.stringify([
      ['bar', 'baz'],
      ['bar baz', 'qux'],
    ]);
    expect(plain(addon.call('PARTNER_SEGMENT', split, TABLE))).toEqual([[''], ['Alpha, Beta']]);
  });

  test('numbers and booleans are read as their text', () => {
    const table = JSON.stringify([
      ['Keywords', 'Segment'],
      ['2024, true', 'Year'],
    ]);
    expect(addon.call('PARTNER_SEGMENT', '2024', table)).toBe('Year');
    expect(addon.call('PARTNER_SEGMENT', 'true', table)).toBe('Year');
  });

  test('a table without a Keywords header throws an Error that says so', () => {
    const bad = JSON.stringify([
      ['Segment', 'Definition'],
      ['Alpha', 'x'],
    ]);
    expect(() => addon.call('PARTNER_SEGMENT', q('foo'), bad)).toThrow(/Keywords/);
  });

  test('SEGMENT_HOW_TO_MANAGE gives the segment\'s "How to manage"', () => {
    expect(addon.call('SEGMENT_HOW_TO_MANAGE', q('beta'), TABLE)).toBe('loosely');
    // An unknown name is a plain error on the cell, not a blank (issue 18).
    expect(() => addon.call('SEGMENT_HOW_TO_MANAGE', q('Nope'), TABLE)).toThrow(
      /^"Nope" is not a segment\. The segments are: .*Beta/,
    );
  });

  test('=PARTNER_SEGMENT() with nothing given is an error saying what to give; an empty cell is blank', () => {
    expect(() => addon.call('PARTNER_SEGMENT')).toThrow(/^PARTNER_SEGMENT needs the text to read/);
    expect(addon.call('PARTNER_SEGMENT', q(''), TABLE)).toBe('');
  });
});

describe('dist/Code.js as Apps Script loads it', () => {
  test('every entry point is a top-level function declaration and nothing is imported or exported', () => {
    for (const name of [
      'onOpen',
      'onInstall',
      'showSidebar',
      'menuBuildRoster',
      'menuGenerateSummary',
      'menuFormulasToValues',
      'menuHelp',
      'PARTNER_SEGMENT',
      'PARTNER_SEGMENT_WHY',
      'SEGMENT_HOW_TO_MANAGE',
      'getOverview',
      'previewList',
      'chooseList',
      'showHelp',
      'getSegments',
      'addSegment',
      'renameSegment',
      'removeSegment',
      'addKeyword',
      'removeKeyword',
      'buildRosterFromSidebar',
      'generateSummaryFromSidebar',
      'showTab',
    ]) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  test('custom functions keep their JSDoc, @customfunction and named parameters right above them', () => {
    for (const [name, params] of [
      ['PARTNER_SEGMENT', 'text, segments'],
      ['PARTNER_SEGMENT_WHY', 'text, segments'],
      ['SEGMENT_HOW_TO_MANAGE', 'segment, segments'],
    ]) {
      const doc = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${name}\\(${params}\\)`).exec(
        code,
      );
      expect(doc).not.toBeNull();
      expect(doc![1]).toMatch(/@customfunction/);
      for (const p of params.split(', ')) expect(doc![1]).toMatch(new RegExp(`@param \\{[^}]+\\} ${p} `));
      // The description comes first: Sheets shows it in the autocomplete box.
      expect(doc![1].split('\n')[1]).toMatch(/^\s*\* [A-Z]/);
    }
  });

  test('appsscript.json asks for exactly the two scopes, on V8', () => {
    const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBeTruthy();
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes).toEqual([
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/script.container.ui',
    ]);
  });
});
