import {
  DEFAULT_LEVELS,
  DEFAULT_PALETTE,
  DEFAULT_SEGMENTS,
  deepestLevel,
  defaultCatalogue,
  goalNamed,
  lighterLevels,
  isHexColor,
  segmentColor,
} from '../../src/core/catalogue';

describe('default segments', () => {
  test('the eight segments of PRODUCT.md, names exact, in order, with stable ids', () => {
    expect(DEFAULT_SEGMENTS.map((s) => [s.id, s.name])).toEqual([
      ['contractor', 'Contractor'],
      ['advisor', 'Advisor'],
      ['funder', 'Funder'],
      ['grantee', 'Grantee'],
      ['implementing-partner', 'Implementing partner'],
      ['coalition-ally', 'Coalition ally'],
      ['public-agency', 'Public agency'],
      ['community-supporter', 'Community supporter'],
    ]);
  });

  test.each<[string, string[]]>([
    ['Contractor', ['contract', 'contractor', 'vendor', 'consultant', 'supplier', 'procurement', 'invoice']],
    // PRODUCT.md's "council" is gone: city, arts, watershed and interfaith councils are rarely advisors.
    ['Advisor', ['advisor', 'adviser', 'advisory', 'mentor', 'expert']],
    ['Funder', ['grant', 'grantor', 'funder', 'donor', 'foundation', 'sponsor']],
    ['Grantee', ['grantee', 'subgrant', 'subgrantee', 'subrecipient', 'sub-recipient']],
    ['Implementing partner', ['MOU', 'implementing', 'co-deliver', 'program partner', 'delivery partner']],
    ['Coalition ally', ['coalition', 'network', 'alliance', 'peer', 'working group']],
    [
      'Public agency',
      [
        'agency',
        'department',
        'ministry',
        'regulator',
        'permit',
        'city of',
        'county of',
        'state of',
        'federal',
        'municipal',
      ],
    ],
    ['Community supporter', ['volunteer', 'in-kind', 'donated space', 'congregation', 'club']],
  ])(
    '%s has the keywords of the table, and more (README: What the default keywords cover)',
    (name, keywords) => {
      const own = DEFAULT_SEGMENTS.find((s) => s.name === name)?.keywords ?? [];
      expect(own).toEqual(expect.arrayContaining(keywords));
      expect(own.length).toBeGreaterThan(keywords.length);
      expect(new Set(own.map((k) => k.toLowerCase())).size).toBe(own.length);
    },
  );

  test('no keyword is in two segments', () => {
    const all = DEFAULT_SEGMENTS.flatMap((s) => s.keywords.map((k) => k.toLowerCase()));
    expect(all.filter((k, i) => all.indexOf(k) !== i)).toEqual([]);
    expect(all).not.toContain('council');
  });

  test('every segment has a definition and a way to manage it, and no colour of its own', () => {
    for (const segment of DEFAULT_SEGMENTS) {
      expect(segment.definition).not.toBe('');
      expect(segment.howToManage).not.toBe('');
      expect(segment.color).toBe('');
    }
  });

  test('the levels of partnership: the Himmelman continuum, lightest to deepest, with their meanings', () => {
    expect(DEFAULT_LEVELS.map((l) => l.name)).toEqual([
      'Networking',
      'Coordinating',
      'Cooperating',
      'Collaborating',
    ]);
    expect(DEFAULT_LEVELS.map((l) => l.meaning.toLowerCase())).toEqual([
      'exchange information',
      'adjust activities for a common purpose',
      'share resources',
      "enhance each other's capacity; share risks, responsibilities and rewards",
    ]);
    // Strategic is not a level any more: whether our goals depend on a partner is the Goals table's question.
    expect(defaultCatalogue().goals).toEqual([]);
  });

  test('the lighter half is the first ⌊n/2⌋ levels (an odd count leaves the middle in neither); the deepest is the last', () => {
    const levels = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `L${i + 1}`, meaning: '' }));
    const lighter = (n: number) => lighterLevels(levels(n)).map((l) => l.name);
    expect(lighter(4)).toEqual(['L1', 'L2']);
    expect(lighter(5)).toEqual(['L1', 'L2']);
    expect(lighter(3)).toEqual(['L1']);
    expect(lighter(2)).toEqual(['L1']);
    expect(lighter(1)).toEqual([]);
    expect(lighter(0)).toEqual([]);
    expect(deepestLevel(levels(5))?.name).toBe('L5');
    expect(deepestLevel([])).toBeNull();
  });

  test('a goal is found by its name or the name the roster still uses for it, case and spaces aside', () => {
    const goals = [
      { id: 'a', name: 'Housing for all', success: '', rosterName: 'Housing' },
      { id: 'b', name: 'Clean water', success: '', rosterName: 'Clean water' },
    ];
    expect(goalNamed(goals, ' clean  WATER ')?.id).toBe('b');
    expect(goalNamed(goals, 'housing')?.id).toBe('a');
    expect(goalNamed(goals, 'Housing for all')?.id).toBe('a');
    expect(goalNamed(goals, '')).toBeUndefined();
    expect(goalNamed(goals, 'Roads')).toBeUndefined();
  });

  test('defaultCatalogue gives fresh copies: editing one leaves the defaults alone', () => {
    const first = defaultCatalogue();
    first.segments[0].name = 'Renamed';
    first.segments[0].keywords.push('extra');
    first.levels.pop();
    const second = defaultCatalogue();
    expect(second.segments[0].name).toBe('Contractor');
    expect(second.segments[0].keywords).not.toContain('extra');
    expect(second.levels).toHaveLength(4);
    expect(DEFAULT_SEGMENTS[0].name).toBe('Contractor');
  });

  test('the defaults themselves cannot be changed by mistake', () => {
    expect(Object.isFrozen(DEFAULT_SEGMENTS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SEGMENTS[0])).toBe(true);
    expect(Object.isFrozen(DEFAULT_SEGMENTS[0].keywords)).toBe(true);
  });
});

function linear(hex: string): number[] {
  return [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
}

function luminance(hex: string): number {
  const [r, g, b] = linear(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** CIE76 colour difference: how different two colours look (about 2 is just noticeable). */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const [r, g, b] = linear(hex);
    const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
    const x = f((r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047);
    const y = f(r * 0.2126 + g * 0.7152 + b * 0.0722);
    const z = f((r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe('palette', () => {
  test('at least eight #rrggbb colours, one per default segment', () => {
    expect(DEFAULT_PALETTE.length).toBeGreaterThanOrEqual(DEFAULT_SEGMENTS.length);
    for (const color of DEFAULT_PALETTE) expect(color).toMatch(/^#[0-9a-f]{6}$/);
  });

  test.each([...DEFAULT_PALETTE])('%s is light enough for black header text (contrast ≥ 7:1)', (color) => {
    expect((luminance(color) + 0.05) / 0.05).toBeGreaterThanOrEqual(7);
  });

  test('no two colours look alike (ΔE above 15)', () => {
    for (const a of DEFAULT_PALETTE) {
      for (const b of DEFAULT_PALETTE) if (a !== b) expect(deltaE(a, b)).toBeGreaterThan(15);
    }
    expect(new Set(DEFAULT_PALETTE).size).toBe(DEFAULT_PALETTE.length);
  });
});

describe('segmentColor', () => {
  test.each<[string, number, string]>([
    ['#FF8800', 0, '#ff8800'],
    [' #123abc ', 5, '#123abc'],
    ['', 0, DEFAULT_PALETTE[0]],
    ['', 2, DEFAULT_PALETTE[2]],
    ['red', 1, DEFAULT_PALETTE[1]],
    ['#fff', 3, DEFAULT_PALETTE[3]],
    ['', DEFAULT_PALETTE.length + 1, DEFAULT_PALETTE[1]],
  ])('colour %j at position %i → %s', (color, index, expected) => {
    expect(segmentColor({ color }, index)).toBe(expected);
  });

  test.each([
    ['#a1B2c3', true],
    ['a1b2c3', false],
    ['#abc', false],
    ['#gggggg', false],
  ])('isHexColor(%j) is %s', (color, ok) => {
    expect(isHexColor(color)).toBe(ok);
  });
});
