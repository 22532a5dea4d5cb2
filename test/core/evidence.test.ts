// Issue #18, point 4: the summary's five questions use one definition of "managed appropriately".
import { defaultCatalogue } from '../../src/core/catalogue';
import { evidenceFor, managedFits, type BoardRow } from '../../src/core/summary/evidence';

const catalogue = defaultCatalogue();
const at = (name: string) => catalogue.segments.findIndex((s) => s.name === name);

function row(partner: string, segments: string[], managedLike: string): BoardRow {
  return {
    partner,
    segments: segments.map(at),
    primary: '',
    level: '',
    strategicFor: '',
    managedLike,
    reviewed: true,
    notInList: false,
    owner: 'Ana',
    nextReview: null,
    reviewOverdue: false,
  };
}

describe('one definition of managed appropriately, in every question', () => {
  const rows = [
    row('Bright Fund', ['Funder', 'Advisor'], 'Advisor'), // in two segments, managed like one of them
    row('Acme', ['Contractor'], 'Funder'), // a mismatch
    row('Loose Ends', [], 'Advisor'), // no segment, yet a Managed like
  ];
  const [q1, q2, q3, , q5] = evidenceFor(rows, catalogue);

  test('a partner in two segments managed like either one is appropriate in question 2 and not "otherwise" in 5', () => {
    expect(managedFits(rows[0], catalogue.segments)).toBe(true);
    expect(q2.lines).toContain('Advisor (1): Bright Fund');
    const funder = q5.lines.find((l) => l.startsWith('Funder:'));
    expect(funder).toMatch(/ 0 of 1 managed otherwise\.$/);
    expect(q1.lines).toEqual(['Bright Fund: Funder, Advisor']); // the order of its ticks
  });

  test('question 5 counts exactly the mismatches question 3 lists, per segment', () => {
    const contractor = q5.lines.find((l) => l.startsWith('Contractor:'));
    expect(contractor).toMatch(/ 1 of 1 managed otherwise\.$/);
    const mismatchLines = q3.lines.filter((l) => / managed like /.test(l));
    expect(mismatchLines.map((l) => l.split(':')[0])).toEqual(['Acme', 'Loose Ends']);
    const otherwise = q5.lines.reduce((n, l) => n + Number(/ (\d+) of \d+ managed otherwise/.exec(l)![1]), 0);
    // Loose Ends is in no segment, so no segment's line counts it.
    expect(otherwise).toBe(
      rows.filter((r) => r.segments.length && managedFits(r, catalogue.segments) === false).length,
    );
  });

  test('a partner with no segment but a Managed like is listed once under question 3', () => {
    expect(q3.lines.filter((l) => l.startsWith('Loose Ends:'))).toEqual([
      'Loose Ends: in no segment, managed like Advisor.',
    ]);
  });
});
