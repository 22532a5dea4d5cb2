import { defaultCatalogue } from '../../src/core/catalogue';
import { compileMatcher, words, type MatchableSegment } from '../../src/core/matching';
import { readSegmentsTable } from '../../src/core/segmentsTable';
import { foldText } from '../../src/core/text';

const ALPHA_BETA = readSegmentsTable([
  ['Segment', 'Definition', 'How to manage', 'Keywords'],
  ['Alpha', 'First', 'Gently', 'foo, bar baz'],
  ['Beta', 'Second', 'Firmly', 'qux'],
]);

describe('PRODUCT.md acceptance cases (Alpha: foo, bar baz; Beta: qux)', () => {
  const matcher = compileMatcher(ALPHA_BETA);
  test.each([
    ['The FOO project', 'Alpha'],
    ['bar baz and qux', 'Alpha, Beta'],
    ['qux then bar baz', 'Alpha, Beta'],
    ['food', ''],
    ['foos', 'Alpha'],
    ['an alpha partner', 'Alpha'],
    ['ALPHAS and betas', 'Alpha, Beta'],
    ['(foo)', 'Alpha'],
    ['foo-based', 'Alpha'],
    ['bar  \n baz', 'Alpha'],
    ['bar-baz', 'Alpha'],
    ['bar, baz', 'Alpha'],
    ['bar bazs', 'Alpha'],
    ['bar', ''],
    ['baz', ''],
    ['baz bar', ''],
    ['bars baz', ''],
    ['bar xbaz', ''],
    ['Fóo', 'Alpha'],
    ['FÒÓS', 'Alpha'],
    ['', ''],
    ['qux qux qux', 'Beta'],
    ['quxes', ''],
    ['foo2', ''],
    ['2foo', ''],
    ['foo_bar', 'Alpha'], // an underscore is not a letter or digit
    ['foo.', 'Alpha'],
    ['“foo”', 'Alpha'],
    ['foo’s plan', 'Alpha'],
  ])('%j → %j', (text, expected) => {
    expect(matcher.suggest([text])).toBe(expected);
  });
});

describe('default catalogue', () => {
  const matcher = compileMatcher(defaultCatalogue().segments);
  test.each([
    ['City of Springfield parks department', 'Public agency'],
    ['in-kind donations from a congregation', 'Community supporter'],
    // "grant" is a Funder keyword, "sub-recipient" a Grantee one, "federal" a Public agency one.
    ['Sub-recipient of our federal grant', 'Funder, Grantee, Public agency'],
    ['Subrecipient', 'Grantee'],
    ['sub recipient', 'Grantee'],
    ['Our grantees', 'Grantee'],
    ['Grantor', 'Funder'],
    ['Granted a permit', 'Public agency'],
    ['Implementing partners', 'Implementing partner'],
    ['MOU signed 2023', 'Implementing partner'],
    ['two MOUs', 'Implementing partner'],
    ['co-delivers the program', 'Implementing partner'],
    ['program partners since 2019', 'Implementing partner'],
    ['partner on a program', ''],
    ['Member of the state coalition', 'Coalition ally'],
    ['State of Oregon', 'Public agency'],
    ['Statewide network', 'Coalition ally'],
    ['Peer learning working groups', 'Coalition ally'],
    ['Volunteers from the Rotary Club', 'Community supporter'],
    ['donated spaces for meetings', 'Community supporter'],
    ['donated funds', ''],
    ['IT consultant on an annual contract', 'Contractor'],
    ['Contracting', ''],
    ['Invoices monthly', 'Contractor'],
    ['Advisory board member and donor', 'Advisor, Funder'],
    ['Adviser', 'Advisor'],
    ['Mentors youth', 'Advisor'],
    ['Family foundation; also a vendor', 'Contractor, Funder'],
    ['Ministry of Health', 'Public agency'],
    ['Municipal water utility', 'Public agency'],
    ['County of Marin', 'Public agency'],
    ['Marin County', ''],
    ['Community supporter', 'Community supporter'],
    ['coalition allies', 'Coalition ally'],
    ['Public agencies', ''], // the plural rule is a trailing "s" only
    ['A local bakery', ''],
  ])('%j → %j', (text, expected) => {
    expect(matcher.suggest([text])).toBe(expected);
  });
});

describe('matching rules', () => {
  test.each<[string, MatchableSegment[], unknown[], string]>([
    [
      'the segment name is always a keyword',
      [{ name: 'Implementing partner', keywords: [] }],
      ['implementing partners'],
      'Implementing partner',
    ],
    [
      'a multi-word name matches only as a phrase',
      [{ name: 'Implementing partner', keywords: [] }],
      ['implementing a partner'],
      '',
    ],
    [
      'plural only on the last word',
      [{ name: 'X', keywords: ['program partner'] }],
      ['programs partner'],
      '',
    ],
    ['a three-word phrase', [{ name: 'X', keywords: ['state of play'] }], ['the State-of-Play report'], 'X'],
    ['a three-word phrase, plural', [{ name: 'X', keywords: ['state of play'] }], ['states of plays'], ''],
    [
      'a three-word phrase, last word plural',
      [{ name: 'X', keywords: ['city of angel'] }],
      ['City of Angels'],
      'X',
    ],
    ['a three-word phrase broken', [{ name: 'X', keywords: ['state of play'] }], ['state of the play'], ''],
    ['a phrase never spans two cells', [{ name: 'X', keywords: ['bar baz'] }], ['bar', 'baz'], ''],
    [
      'matches of several cells are combined',
      [
        { name: 'A', keywords: ['a1'] },
        { name: 'B', keywords: ['b1'] },
      ],
      ['b1', 'a1'],
      'A, B',
    ],
    ['keyword accents are ignored too', [{ name: 'X', keywords: ['café'] }], ['CAFE owners'], 'X'],
    ['keywords of punctuation only are ignored', [{ name: 'X', keywords: ['-', '&', ' '] }], ['- & -'], ''],
    ['a keyword that is a number matches a number cell', [{ name: 'X', keywords: ['2024'] }], [2024], 'X'],
    ['a keyword matches a boolean read as TRUE', [{ name: 'X', keywords: ['true'] }], [true], 'X'],
    ['dates are read as yyyy-mm-dd', [{ name: 'X', keywords: ['2024'] }], [new Date(2024, 4, 1)], 'X'],
    ['empty and missing cells match nothing', [{ name: 'X', keywords: ['x'] }], ['', null, undefined], ''],
    ['non-Latin letters are words too', [{ name: 'Мэрия', keywords: ['город'] }], ['Мэрия Москвы'], 'Мэрия'],
    [
      'non-Latin plural by "s" does not apply to other scripts',
      [{ name: 'X', keywords: ['市役所'] }],
      ['東京 市役所'],
      'X',
    ],
    ['a keyword ending in s', [{ name: 'X', keywords: ['sales'] }], ['Sales team'], 'X'],
    [
      'a keyword ending in s, its singular does not match',
      [{ name: 'X', keywords: ['sales'] }],
      ['sale'],
      '',
    ],
    [
      'the singular of the text word must be the keyword exactly',
      [{ name: 'X', keywords: ['ba'] }],
      ['bass'],
      '',
    ],
    ['a one-letter word plus s', [{ name: 'X', keywords: ['a'] }], ['as'], 'X'],
    ['the word "s" alone is not a plural of anything', [{ name: 'X', keywords: ['foo'] }], ['fo s'], ''],
    [
      'a segment with no keywords and a name of punctuation matches nothing',
      [{ name: '—', keywords: [] }],
      ['—'],
      '',
    ],
    [
      'the same keyword in two segments matches both',
      [
        { name: 'A', keywords: ['x'] },
        { name: 'B', keywords: ['x'] },
      ],
      ['x'],
      'A, B',
    ],
    [
      'a word found only inside a longer keyword counts for the longer one',
      [
        { name: 'A', keywords: ['city'] },
        { name: 'B', keywords: ['city of'] },
      ],
      ['city of X'],
      'B',
    ],
    [
      'the same word elsewhere in the text still counts',
      [
        { name: 'A', keywords: ['city'] },
        { name: 'B', keywords: ['city of'] },
      ],
      ['city of X, a city'],
      'A, B',
    ],
    [
      'overlapping keywords, neither inside the other, both count',
      [
        { name: 'A', keywords: ['program partner'] },
        { name: 'B', keywords: ['partner agency'] },
      ],
      ['program partner agency'],
      'A, B',
    ],
    [
      'a word inside a longer keyword of its own segment',
      [{ name: 'A', keywords: ['donor', 'food donor'] }],
      ['food donors'],
      'A',
    ],
    [
      'phrases sharing first words',
      [
        { name: 'A', keywords: ['city of'] },
        { name: 'B', keywords: ['city hall'] },
      ],
      ['city hall'],
      'B',
    ],
    ['a text ending mid-phrase', [{ name: 'A', keywords: ['city of'] }], ['the city'], ''],
    ['a surrogate-pair letter', [{ name: 'A', keywords: ['𝒳y'] }], ['𝒳y!'], 'A'],
  ])('%s', (_label, segments, cells, expected) => {
    expect(compileMatcher(segments).suggest(cells)).toBe(expected);
  });

  test('results come in catalogue order, each segment once', () => {
    const segments = ['One', 'Two', 'Three', 'Four'].map((name) => ({ name, keywords: [] }));
    const matcher = compileMatcher(segments);
    expect(matcher.matchCells(['four three four', 'two FOUR two'])).toEqual([1, 2, 3]);
    expect(matcher.suggest(['four three four', 'two FOUR two'])).toBe('Two, Three, Four');
  });

  test('a matcher gives the same answer when called again (no state leaks between calls)', () => {
    const matcher = compileMatcher(ALPHA_BETA);
    expect(matcher.suggest(['foo qux'])).toBe('Alpha, Beta');
    expect(matcher.suggest(['nothing here'])).toBe('');
    expect(matcher.suggest(['qux'])).toBe('Beta');
  });

  test('a very long cell (more words than the reader first allows for)', () => {
    const text = `${'word '.repeat(5000)}bar baz`;
    expect(compileMatcher(ALPHA_BETA).suggest([text])).toBe('Alpha');
  });

  test('an empty catalogue matches nothing', () => {
    expect(compileMatcher([]).suggest(['anything'])).toBe('');
  });
});

describe('words', () => {
  test.each<[string, string[]]>([
    ['The (Fóo)-based', ['the', 'foo', 'based']],
    ['in-kind', ['in', 'kind']],
    ['  ', []],
    ['Straße 12b', ['strasse', '12b']],
    ['e\u0301te\u0301', ['ete']],
    ['a\u00a0b\u2003c', ['a', 'b', 'c']],
  ])('%j → %j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

/** The rules as PRODUCT.md words them, implemented plainly (regular expressions, no index), to compare. */
function referenceSuggest(segments: MatchableSegment[], cells: string[]): string {
  const wordsOf = (text: string) => foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  const found = new Set<number>();
  for (const cell of cells) {
    const ws = wordsOf(cell);
    // Every place each keyword is found, as words [start, end); the last word may carry a plural "s".
    const places: Array<{ segment: number; start: number; end: number }> = [];
    segments.forEach((segment, index) => {
      for (const keyword of [segment.name, ...segment.keywords]) {
        const parts = wordsOf(keyword);
        if (parts.length === 0) continue;
        for (let i = 0; i + parts.length <= ws.length; i++) {
          const last = parts.length - 1;
          if (parts.every((p, k) => ws[i + k] === p || (k === last && ws[i + k] === `${p}s`)))
            places.push({ segment: index, start: i, end: i + parts.length });
        }
      }
    });
    // A keyword inside a longer one found over the same words does not count there.
    for (const p of places) {
      const inside = places.some(
        (q) => q.end - q.start > p.end - p.start && q.start <= p.start && q.end >= p.end,
      );
      if (!inside) found.add(p.segment);
    }
  }
  return segments
    .filter((_, index) => found.has(index))
    .map((segment) => segment.name)
    .join(', ');
}

test('agrees with a plain reference implementation on 3,000 random texts', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const vocabulary = [
    'foo',
    'bar',
    'baz',
    'city',
    'of',
    'Café',
    'cafe',
    's',
    'in',
    'kind',
    'ÉTAT',
    'a',
    'as',
    'sub',
    'x2',
  ];
  const glue = [' ', '  ', '-', ', ', '\n', '(', ')', 's ', 's-', '', '’'];
  const segments: MatchableSegment[] = Array.from({ length: 12 }, (_, i) => ({
    name: `Seg ${i}`,
    keywords: Array.from({ length: 3 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(vocabulary)).join(pick([' ', '-'])),
    ),
  }));
  const matcher = compileMatcher(segments);
  let answered = 0;
  for (let n = 0; n < 3000; n++) {
    const cells = Array.from({ length: 1 + Math.floor(random() * 2) }, () =>
      Array.from({ length: Math.floor(random() * 8) }, () => pick(vocabulary) + pick(glue)).join(''),
    );
    const answer = matcher.suggest(cells);
    expect([cells, answer]).toEqual([cells, referenceSuggest(segments, cells)]);
    if (answer !== '') answered++;
  }
  // The texts must exercise both outcomes, or the comparison proves little.
  expect(answered).toBeGreaterThan(600);
  expect(answered).toBeLessThan(2900);
});

describe('speed', () => {
  const vocabulary =
    'the of and to our with for program community city county department support grant services youth health food bank library school partner network volunteers in-kind advice consulting vendor contract municipal federal café über naïve'.split(
      ' ',
    );
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const sentence = () => {
    let text = '';
    while (text.length < 100)
      text += vocabulary[Math.floor(random() * vocabulary.length)] + (random() < 0.2 ? ', ' : ' ');
    return text;
  };
  const rows = Array.from({ length: 10000 }, () => [sentence(), sentence(), sentence()]);
  const manySegments: MatchableSegment[] = [
    ...defaultCatalogue().segments,
    ...Array.from({ length: 192 }, (_, i) => ({
      name: `Segment ${i}`,
      keywords: Array.from({ length: 10 }, (_, k) =>
        k % 3 ? `keyword${i}x${k}` : `${vocabulary[(i + k) % vocabulary.length]} word${k}`,
      ),
    })),
  ];

  test.each([
    ['the 8 default segments', defaultCatalogue().segments],
    ['200 segments of 10 keywords', manySegments],
  ])('10,000 rows of 3 cells of ~100 characters against %s all get an answer', (_label, segments) => {
    const matcher = compileMatcher(segments);
    for (const row of rows.slice(0, 500)) matcher.suggest(row); // warm up, as a second call would be
    const answers = rows.map((row) => matcher.suggest(row));
    expect(answers).toHaveLength(rows.length);
    expect(answers.some((answer) => answer !== '')).toBe(true);
  });
});
