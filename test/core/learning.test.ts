// The learning of issue #15 on made-up rosters whose right answer is known by construction.
import { defaultCatalogue } from '../../src/core/catalogue';
import { compileMatcher } from '../../src/core/matching';
import type { ColumnKey } from '../../src/core/roster/columns';
import { partnerKey } from '../../src/core/roster/plan';
import {
  CONSIDER_HEADING,
  learnFromRoster,
  learningSection,
  MISFIRE_HEADING,
  type Learning,
} from '../../src/core/summary/learning';
import type { Catalogue } from '../../src/core/types';

const catalogue: Catalogue = defaultCatalogue();
const index = (name: string) => catalogue.segments.findIndex((s) => s.name === name);

interface Made {
  name: string;
  ticked: string[];
  description: string;
  reviewed?: boolean;
  status?: string;
}

/** A roster (Partner | segments… | Reviewed | Status) and the list's descriptions of the same partners. */
function learn(partners: Made[], cat: Catalogue = catalogue): Learning {
  const keys: ColumnKey[] = [
    'partner',
    ...cat.segments.map((s) => `segment:${s.id}` as ColumnKey),
    'reviewed',
    'status',
  ];
  const values: unknown[][] = [
    ['Partner', ...cat.segments.map((s) => s.name), 'Reviewed', 'Status'],
    ...partners.map((p) => [
      p.name,
      ...cat.segments.map((s) => p.ticked.includes(s.name)),
      p.reviewed ?? true,
      p.status ?? 'In list',
    ]),
  ];
  const descriptions = new Map(partners.map((p) => [partnerKey(p.name, ''), [p.description]]));
  return learnFromRoster({
    catalogue: cat,
    matcher: compileMatcher(cat.segments),
    values,
    keys,
    descriptions,
  });
}

let made = 0;
/** n partners ticked into `segment`, described by `describe(i)`, each with a name of its own. */
function some(
  n: number,
  segment: string,
  describe: (i: number) => string,
  extra: Partial<Made> = {},
): Made[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `${segment} ${made++}`,
    ticked: [segment],
    description: describe(i),
    ...extra,
  }));
}

const terms = (l: Learning, segment: string) => l.segments[index(segment)].consider.map((p) => p.term);

describe('keywords to consider', () => {
  // Funders share "philanthropy"; everyone shares "community"; advisors and contractors have their own words.
  const roster = [
    ...some(5, 'Funder', (i) => `community philanthropy trust number ${i}`),
    ...some(6, 'Advisor', (i) => `community board seat ${i}`),
    ...some(6, 'Contractor', (i) => `community printing shop ${i}`),
  ];
  const learned = learn(roster);

  test('a word only funders share is proposed for Funder, with its counts', () => {
    expect(terms(learned, 'Funder')).toContain('philanthropy');
    const p = learned.segments[index('Funder')].consider.find((x) => x.term === 'philanthropy')!;
    expect(p).toEqual({ term: 'philanthropy', inSegment: 5, others: 0 });
  });

  test('two-word phrases count too', () => {
    expect(terms(learned, 'Funder')).toContain('philanthropy trust');
    expect(terms(learned, 'Advisor')).toContain('board seat');
  });

  test('a word everyone shares is proposed for no segment', () => {
    for (const s of catalogue.segments) expect(terms(learned, s.name)).not.toContain('community');
  });

  test('at most 5 per segment', () => {
    for (const s of learned.segments) expect(s.consider.length).toBeLessThanOrEqual(5);
  });

  test('a word in more than a third of the other reviewed partners is not proposed', () => {
    const l = learn([
      ...some(4, 'Funder', () => 'regional fund'),
      ...some(3, 'Advisor', () => 'regional'), // 3 of 9 others: a third, still allowed
      ...some(6, 'Contractor', () => 'shop'),
    ]);
    expect(terms(l, 'Funder')).toContain('regional');
    const crowded = learn([
      ...some(4, 'Funder', () => 'regional fund'),
      ...some(4, 'Advisor', () => 'regional'), // 4 of 9: more than a third
      ...some(5, 'Contractor', () => 'shop'),
    ]);
    expect(terms(crowded, 'Funder')).not.toContain('regional');
  });

  test('a word in only 2 of a segment’s partners is not proposed', () => {
    const l = learn([
      ...some(2, 'Funder', () => 'philanthropy'),
      ...some(2, 'Funder', () => 'other words'),
      ...some(6, 'Contractor', () => 'shop'),
    ]);
    expect(terms(l, 'Funder')).not.toContain('philanthropy');
  });

  test('common words, digits and existing keywords (plurals and phrases holding one too) are not proposed', () => {
    const l = learn([
      ...some(5, 'Funder', () => 'the 2024 grants of a foundation grant program'),
      ...some(6, 'Contractor', () => 'shop'),
    ]);
    const found = terms(l, 'Funder');
    for (const t of ['the', 'of', 'a', '2024', 'grants', 'foundation', 'foundation grant', 'grant program'])
      expect(found).not.toContain(t);
    expect(found).toContain('program');
  });

  test('partner names are not description text', () => {
    // Every funder is named "… Trust", but no description says so.
    const l = learn([
      ...some(5, 'Funder', (i) => `gives money ${i}`).map((p, i) => ({ ...p, name: `Family Trust ${i}` })),
      ...some(6, 'Contractor', () => 'shop'),
    ]);
    expect(terms(l, 'Funder')).not.toContain('trust');
    expect(terms(l, 'Funder')).toContain('money');
  });

  test('only reviewed rows In list count: unreviewed, Excluded and Not in list rows teach nothing', () => {
    const base = [...some(2, 'Funder', () => 'philanthropy'), ...some(6, 'Contractor', () => 'shop')];
    for (const extra of [{ reviewed: false }, { status: 'Excluded' }, { status: 'Not in list' }]) {
      const l = learn([
        ...base,
        ...some(3, 'Funder', () => 'philanthropy', extra).map((p, i) => ({ ...p, name: `x${i}` })),
      ]);
      expect(terms(l, 'Funder')).not.toContain('philanthropy');
      expect(l.reviewed).toBe(8);
    }
  });
});

describe('how suggestions fared, and keywords that misfire', () => {
  // "consultant" (a Contractor keyword) is in 4 advisors' descriptions, who are never ticked Contractor.
  const roster = [
    ...some(4, 'Advisor', () => 'retired consultant, mentor'),
    ...some(3, 'Contractor', () => 'printing vendor'),
    ...some(2, 'Contractor', () => 'sign painting'),
  ];
  const learned = learn(roster);
  const contractor = learned.segments[index('Contractor')];

  test('per segment: suggested and kept, suggested then unticked, ticked but never suggested', () => {
    expect(contractor).toMatchObject({ ticked: 5, kept: 3, unticked: 4, neverSuggested: 2 });
    expect(learned.segments[index('Advisor')]).toMatchObject({ ticked: 4, kept: 4, unticked: 0 });
  });

  test('a keyword that is always unticked is named as misfiring, with its counts', () => {
    expect(contractor.misfires).toEqual([{ keyword: 'consultant', unticked: 4, kept: 0 }]);
    expect(learned.segments[index('Advisor')].misfires).toEqual([]);
  });

  test('unticked only twice is not a misfire', () => {
    const l = learn([...some(2, 'Advisor', () => 'consultant'), ...some(3, 'Contractor', () => 'vendor')]);
    expect(l.segments[index('Contractor')].misfires).toEqual([]);
  });
});

describe('fewer than 3 reviewed partners', () => {
  const learned = learn([
    ...some(2, 'Funder', () => 'philanthropy'),
    ...some(5, 'Funder', () => 'philanthropy', { reviewed: false }).map((p, i) => ({ ...p, name: `u${i}` })),
  ]);

  test('gives no proposal', () => {
    expect(learned.reviewed).toBe(2);
    for (const s of learned.segments) expect(s.consider).toEqual([]);
  });

  test('and the summary section says so', () => {
    const text = learningSection(learned, catalogue, (t) => t, 'Segments')
      .map((r) => r.cells.join(' | '))
      .join('\n');
    const afterHeading = text.split(CONSIDER_HEADING)[1];
    expect(afterHeading).toMatch(
      /^\s*No keywords to propose yet: only 2 partners are reviewed, and a proposal needs at least 3\./,
    );
  });
});

describe('the summary section', () => {
  const learned = learn([
    ...some(5, 'Funder', () => 'philanthropy'),
    ...some(4, 'Advisor', () => 'consultant'),
  ]);
  const rows = learningSection(learned, catalogue, (t) => t, 'Segments');
  const lines = rows.map((r) => r.cells.join(' | '));

  test('one row per segment of how suggestions fared, then the proposals and misfires with their counts', () => {
    expect(lines).toContain('Funder | 0 | 0 | 5');
    expect(lines).toContain('Contractor | 0 | 4 | 0');
    expect(lines).toContain('Funder | philanthropy | 5 of 5 | 0 of 4');
    expect(lines.slice(lines.indexOf(MISFIRE_HEADING))).toContain('Contractor | consultant | 4 | 0');
  });

  test('plain values only: no formula', () => {
    for (const r of rows) for (const c of r.cells) expect(String(c).startsWith('=')).toBe(false);
  });
});
