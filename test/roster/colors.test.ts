// Issue 18, point 8: every text/background pair the roster's conditional formatting shows is readable (WCAG 2 AA,
// 4.5:1 for normal text), and rows out of the summary (Not in list, Excluded) look unlike active ones.
// https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio and https://www.w3.org/TR/WCAG21/#dfn-relative-luminance
import { defaultCatalogue } from '../../src/core/catalogue';
import { COLORS, planRoster } from '../../src/core/roster/plan';
import type { Partner } from '../../src/core/types';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const partner = (name: string): Partner => ({
  key: `name:${name.toLowerCase()}`,
  name,
  id: '',
  descriptions: ['funder'],
  sourceRows: [2],
});

const plan = planRoster({
  catalogue: defaultCatalogue(),
  reading: { partners: [partner('Acme'), partner('Bright')], blankRowsSkipped: 0, duplicatesMerged: 0 },
  listHasId: false,
  suggest: () => [0],
  state: null,
});
const rules = plan.rules!;
const WHITE = '#ffffff';
const BLACK = '#000000';

describe('conditional-format colours', () => {
  test('the formula of the WCAG contrast ratio, on known pairs', () => {
    expect(contrast(BLACK, WHITE)).toBeCloseTo(21, 5);
    expect(contrast('#80868b', WHITE)).toBeCloseTo(3.68, 2); // the old dimmed grey: below 4.5
    expect(contrast(WHITE, WHITE)).toBe(1);
  });

  test('every pair a rule shows is at least 4.5:1, also a font-only rule over a fill-only rule’s fill', () => {
    // Fills a font-only rule can land on: none, or a fill-only rule's (a rule setting both wins the text colour).
    const fills = [WHITE, ...rules.flatMap((r) => (r.background && !r.fontColor ? [r.background] : []))];
    const pairs: [string, string, string][] = [];
    for (const r of rules) {
      const label = /Partner Segments: ([^"]*)/.exec(r.formula)![1];
      if (r.fontColor && r.background) pairs.push([label, r.fontColor, r.background]);
      else if (r.background) pairs.push([label, BLACK, r.background]);
      // A rule that only colours text may land on a fill-only rule's fill (the stand-in merges them).
      else if (r.fontColor) for (const f of fills) pairs.push([label, r.fontColor, f]);
    }
    expect(pairs.length).toBeGreaterThanOrEqual(rules.length);
    const low = pairs.filter(([, f, b]) => contrast(f, b) < 4.5).map(([l, f, b]) => `${l}: ${f} on ${b}`);
    expect(low).toEqual([]);
  });

  test('Not in list and Excluded rows get a rule of their own, first, greying the whole row', () => {
    const inactive = rules[0];
    expect(inactive.formula).toContain('"Not in list"');
    expect(inactive.formula).toContain('"Excluded"');
    expect(inactive.ranges).toEqual([
      { row: 2, column: 1, numRows: 2, numColumns: plan.layout.slots.length },
    ]);
    expect(inactive.background).toBe(COLORS.inactiveBackground);
    // Unlike any look an active row can have: its fill is no other rule's, its text no other rule's colour.
    const others = rules.slice(1);
    expect(others.map((r) => r.background)).not.toContain(inactive.background);
    expect(others.map((r) => r.fontColor)).not.toContain(inactive.fontColor);
  });
});
