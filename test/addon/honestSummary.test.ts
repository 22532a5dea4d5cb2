// Issue #18, points 4 to 6, through dist/Code.js: the summary's questions agree with each other, its evidence
// says live when the roster has moved on since it was generated, and a mostly blank Managed like is said up front.
import { build, columnA, evidenceUnder, generate, rosterCell, setUp, SUMMARY } from './helpers';
import { ROSTER } from './helpers';

const LIST = [
  ['Name', 'Notes'],
  ['Bright Fund', 'grant foundation and advisory council'],
  ['Acme', 'vendor contract'],
  ['Helping Hands', 'volunteer club'],
  ['Riverside', 'coalition peer'],
];

const UNCHANGED = 'The evidence under the questions matches the roster as it is now.';

describe('an honest summary', () => {
  test('a partner in two segments managed like one of them is appropriate in question 2 and not "otherwise" in 5', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    s.typeInto(ROSTER, rosterCell(s, 'Bright Fund', 'Funder'), 'TRUE');
    s.typeInto(ROSTER, rosterCell(s, 'Bright Fund', 'Advisor'), 'TRUE');
    s.typeInto(ROSTER, rosterCell(s, 'Bright Fund', 'Managed like'), 'Advisor');
    generate(addon);
    expect(evidenceUnder(s, 1)).toContain('• Advisor (1): Bright Fund');
    expect(evidenceUnder(s, 4).find((l) => l.startsWith('• Funder:'))).toMatch(
      / 0 of 1 managed otherwise\.$/,
    );
    expect(evidenceUnder(s, 2).filter((l) => l.startsWith('• Bright Fund'))).toEqual([]);
  });

  test('the evidence says, live, when the roster has changed since it was generated', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    generate(addon);
    const a = columnA(s);
    const lines = a.filter((x) => x === UNCHANGED);
    expect(lines).toHaveLength(2); // at the top and under Discussion
    s.typeInto(ROSTER, rosterCell(s, 'Acme', 'Advisor'), 'TRUE');
    const now = columnA(s).filter((x) => x.startsWith('The roster has changed since '));
    expect(now).toHaveLength(2);
    expect(now[0]).toMatch(/Generate the summary again to bring it up to date\.$/);
    // Taken back, the roster matches again; a Managed like chosen is a change too.
    s.typeInto(ROSTER, rosterCell(s, 'Acme', 'Advisor'), 'FALSE');
    expect(columnA(s).filter((x) => x === UNCHANGED)).toHaveLength(2);
    s.typeInto(ROSTER, rosterCell(s, 'Acme', 'Managed like'), 'Contractor');
    expect(columnA(s).filter((x) => x === UNCHANGED)).toHaveLength(0);
    generate(addon);
    expect(columnA(s).filter((x) => x === UNCHANGED)).toHaveLength(2);
  });

  test('a mostly blank Managed like is said at the top of the summary and in the report for the sidebar', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    s.typeInto(ROSTER, rosterCell(s, 'Acme', 'Managed like'), 'Contractor');
    const report = generate(addon) as { managedLikeBlank: number; managedLikeWarning: string | null };
    const said =
      '"Managed like" is blank for 3 of 4 partners, so questions 2, 3 and 5 have little to show: choose how each ' +
      'partner is managed today in the roster\'s "Managed like" column, then generate again.';
    expect(report).toMatchObject({ managedLikeBlank: 3, managedLikeWarning: said });
    expect(columnA(s).indexOf(said)).toBeLessThan(columnA(s).indexOf('Live counts'));
    for (const partner of ['Bright Fund', 'Helping Hands'])
      s.typeInto(ROSTER, rosterCell(s, partner, 'Managed like'), 'Advisor');
    const later = generate(addon) as { managedLikeWarning: string | null };
    expect(later.managedLikeWarning).toBeNull();
    expect(columnA(s).join('\n')).not.toContain('is blank for');
    expect(s.sheetNames()).toContain(SUMMARY);
  });
});
