// The default keywords against four real kinds of organisation (issue 18, point 7): a food bank, a watershed
// group, a public health agency and an arts council, each a partner list as such an organisation keeps it
// (test/fixtures/organisations/*.csv: Partner, Relationship, Description, and the segment a person would put the
// partner in, which matching never reads). Matching reads Relationship and Description, as the roster does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { defaultCatalogue } from '../../src/core/catalogue';
import { compileMatcher } from '../../src/core/matching';

interface Row {
  Partner: string;
  Relationship: string;
  Description: string;
  Expected: string;
}

const ORGANISATIONS = ['food-bank', 'watershed', 'public-health', 'arts-council'] as const;

function fixture(name: string): Row[] {
  const text = readFileSync(join(__dirname, '..', 'fixtures', 'organisations', `${name}.csv`), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true }) as Row[];
}

const matcher = compileMatcher(defaultCatalogue().segments);
const suggested = (row: Row) => {
  const names = matcher.suggest([row.Relationship, row.Description]);
  return names ? names.split(', ') : [];
};

describe.each(ORGANISATIONS)('the default keywords for a %s', (name) => {
  const rows = fixture(name);
  const results = rows.map((row) => ({ row, segments: suggested(row) }));

  test('the fixture is a realistic list: 20 to 60 partners, every default segment expected somewhere', () => {
    expect(rows.length).toBeGreaterThanOrEqual(20);
    expect(rows.length).toBeLessThanOrEqual(60);
    const names = defaultCatalogue().segments.map((s) => s.name);
    for (const row of rows) expect(names).toContain(row.Expected);
    expect(new Set(rows.map((r) => r.Expected)).size).toBeGreaterThanOrEqual(7);
  });

  test('under 10% of partners are left without a suggestion', () => {
    const none = results.filter((r) => r.segments.length === 0).map((r) => r.row.Partner);
    expect(none.length / rows.length).toBeLessThan(0.1);
  });

  test('at least 90% of partners are suggested the segment a person would choose', () => {
    const missed = results
      .filter((r) => !r.segments.includes(r.row.Expected))
      .map((r) => `${r.row.Partner}: ${r.row.Expected}, suggested "${r.segments.join(', ')}"`);
    expect(missed.slice(Math.floor(rows.length * 0.1))).toEqual([]);
  });

  test('at most a quarter are suggested more than one segment (a flag for the board, not the rule)', () => {
    const several = results.filter((r) => r.segments.length > 1);
    expect(several.length / rows.length).toBeLessThanOrEqual(0.25);
  });
});

describe('the food bank misfires of issue 18', () => {
  const rows = fixture('food-bank');

  test('"Partner agency" is a Grantee (it receives our food under an agency agreement), not a Public agency', () => {
    expect(matcher.suggest(['Partner agency'])).toBe('Grantee');
    expect(matcher.explain(['Partner agency'])).toBe('Grantee: partner agency');
    expect(matcher.suggest(['Member agency'])).toBe('Grantee');
    const agencies = rows.filter((r) => r.Relationship === 'Partner agency');
    expect(agencies.length).toBeGreaterThanOrEqual(5);
    for (const row of agencies) expect(suggested(row)).toContain('Grantee');
    // "agency" elsewhere in the text still counts: only the row whose notes say "the agency portal".
    const publicToo = agencies.filter((row) => suggested(row).includes('Public agency'));
    expect(publicToo.map((r) => r.Partner)).toEqual(['Eastside Soup Kitchen']);
  });

  test('"Food donor" is a Community supporter (in-kind help), not a Funder', () => {
    expect(matcher.suggest(['Food donor'])).toBe('Community supporter');
    expect(matcher.suggest(['Food donors; grocery rescue pickups'])).toBe('Community supporter');
    expect(matcher.suggest(['Retail donor'])).toBe('Community supporter');
    for (const row of rows.filter((r) => r.Relationship === 'Food donor'))
      expect(suggested(row)).toEqual(['Community supporter']);
    // A donor of money is still a Funder.
    expect(matcher.suggest(['Individual donors'])).toBe('Funder');
  });

  test('a public agency by its kind, not only by the word "agency"', () => {
    expect(matcher.suggest(['Government'])).toBe('Public agency');
    expect(matcher.suggest(['City council'])).toBe('Public agency');
    expect(matcher.suggest(['County Board of Supervisors'])).toBe('Public agency');
    expect(matcher.suggest(['Tribal government'])).toBe('Public agency');
    expect(matcher.suggest(['Irrigation district'])).toBe('Public agency');
  });

  test('a council is no longer an Advisor by its name alone; an advisory council still is', () => {
    expect(matcher.suggest(['Arts council'])).toBe('');
    expect(matcher.suggest(['Advisory council'])).toBe('Advisor');
    expect(matcher.suggest(['City council'])).not.toContain('Advisor');
  });

  test('a grant we give is a Grantee, not a Funder', () => {
    expect(matcher.suggest(['Grant recipient in our regrant program'])).toBe('Grantee');
    expect(matcher.suggest(['Received a grant from us'])).toBe('Grantee');
    expect(matcher.suggest(['Mini-grant recipients'])).toBe('Grantee');
    expect(matcher.suggest(['Foundation grant for the mobile pantry'])).toBe('Funder');
  });
});
