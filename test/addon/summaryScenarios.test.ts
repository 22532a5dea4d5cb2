// The Discussion Summary through dist/Code.js, scenario by scenario, asserting what a person looking at the tab
// would notice: live counts that match the roster, a chart drawn from the per-segment table, the five questions
// with evidence from the roster as the board left it, Board notes that stay with their questions, plain words
// when there is nothing to show, and a bounded number of service calls for thousands of partners.
// PRODUCT.md, "Discussion Summary".
import type { StandIn } from '../../dev/standin/index';
import type { LoadedAddon } from '../../dev/standin/loader';
import { loadAddon } from '../../dev/standin/loader';
import { loadSnapshot, saveSnapshot, type Snapshot } from '../../dev/standin/snapshot';
import {
  BOARD_NOTES,
  LIST,
  QUESTIONS,
  ROSTER,
  SUMMARY,
  besideLabel,
  build,
  columnA,
  customFunctionCalls,
  evidenceUnder,
  generate,
  howToManage,
  levelNames,
  manyPartners,
  notesCell,
  roster,
  rosterCell,
  segmentNames,
  setUp,
  snapshotErrors,
  summaryRow,
  summaryTable,
  ticked,
  type RosterRow,
} from './helpers';

const PARTNERS = [
  ['Name', 'Notes'],
  ['Acme Consulting', 'vendor contract'],
  ['Bright Fund', 'grant foundation and advisory council'],
  ['City of Springfield', 'permit office'],
  ['Riverside Alliance', 'coalition peer and volunteer club'],
  ['Quiet Org', 'nothing to say'],
  ['Old Friend', 'consultant'],
];

const COUNT_LABELS = ['Partners', 'Segmented', 'In more than one segment', 'Without a segment', 'Reviewed'];

/** The rows the summary speaks about: every roster row but the Excluded ones. */
function counted(s: StandIn): RosterRow[] {
  return roster(s).filter((r) => r.Partner !== '' && r.Status !== 'Excluded');
}

/** What each live count should read, worked out from the roster's own cells. */
function expectedCounts(s: StandIn): number[] {
  const segments = segmentNames(s);
  const rows = counted(s);
  const n = (r: RosterRow) => ticked(r, segments).length;
  return [
    rows.length,
    rows.filter((r) => n(r) > 0).length,
    rows.filter((r) => n(r) > 1).length,
    rows.filter((r) => n(r) === 0).length,
    rows.filter((r) => r.Reviewed === true).length,
  ];
}

function liveCounts(s: StandIn): unknown[] {
  return COUNT_LABELS.map((label) => besideLabel(s, label));
}

/** The per-segment table and the segment-by-level table, as the roster says they should read. */
function expectedTables(s: StandIn): { perSegment: unknown[][]; byLevel: unknown[][] } {
  const rows = counted(s);
  const levels = levelNames(s);
  const perSegment = segmentNames(s).map((name) => [name, rows.filter((r) => r[name] === true).length]);
  const byLevel = segmentNames(s).map((name) => {
    const inSegment = rows.filter((r) => r[name] === true);
    return [
      name,
      ...levels.map((level) => inSegment.filter((r) => r.Level === level).length),
      inSegment.filter((r) => r.Level === '').length,
    ];
  });
  return { perSegment, byLevel };
}

function tables(s: StandIn): { perSegment: unknown[][]; byLevel: unknown[][] } {
  const width = levelNames(s).length + 2;
  return {
    perSegment: summaryTable(s, 'Partners per segment').rows.map((r) => r.slice(0, 2)),
    byLevel: summaryTable(s, 'Segment by level').rows.map((r) => r.slice(0, width)),
  };
}

function summarySheet(s: StandIn): GoogleAppsScript.Spreadsheet.Sheet {
  return s.internal(() => s.spreadsheet.getSheetByName(SUMMARY)!);
}

/** The charts of the summary as a person would describe them. */
function charts(s: StandIn) {
  const sheet = summarySheet(s);
  return s.internal(() =>
    sheet.getCharts().map((chart) => ({
      type: String(chart.modify().getChartType()),
      ranges: chart.getRanges().map((r) => r.getA1Notation()),
      anchorRow: chart.getContainerInfo().getAnchorRow(),
      anchorColumn: chart.getContainerInfo().getAnchorColumn(),
      title: chart.getOptions().get('title'),
    })),
  );
}

/** The first cell of each question's action rows (under its Action | Owner | Due | Done header). */
function actionStarts(s: StandIn): string[] {
  const values = s.sheetValues(SUMMARY);
  return values.flatMap((r, i) => (r.slice(0, 4).join('|') === 'Action|Owner|Due|Done' ? [`A${i + 2}`] : []));
}

/** The summary's protections: warning-only or not, and the A1 of every range left open. */
function protections(s: StandIn) {
  const sheet = summarySheet(s);
  const app = s.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return s.internal(() => ({
    sheet: sheet.getProtections(app.ProtectionType.SHEET).map((p) => ({
      warningOnly: p.isWarningOnly(),
      open: p
        .getUnprotectedRanges()
        .map((r) => r.getA1Notation())
        .sort(),
    })),
    ranges: sheet.getProtections(app.ProtectionType.RANGE).length,
  }));
}

/** Evidence for the multi-segment question, worked out from the roster: reviewed first, gone ones apart. */
function expectedMultiSegment(s: StandIn): string[] {
  const segments = segmentNames(s);
  const multi = counted(s).filter((r) => ticked(r, segments).length > 1);
  const line = (r: RosterRow, reviewed: boolean) =>
    `• ${String(r.Partner)}: ${ticked(r, segments).join(', ')}${reviewed ? '' : ' (not reviewed yet)'}` +
    (r.Status === 'Not in list' ? ' (not in list)' : '');
  const group = (reviewed: boolean) => {
    const rows = multi.filter((r) => (r.Reviewed === true) === reviewed);
    return [
      ...rows.filter((r) => r.Status !== 'Not in list').map((r) => line(r, reviewed)),
      ...rows.filter((r) => r.Status === 'Not in list').map((r) => line(r, reviewed)),
    ];
  };
  return [...group(true), ...group(false)];
}

function type(s: StandIn, partner: string, header: string, text: string): void {
  s.typeInto(ROSTER, rosterCell(s, partner, header), text);
}

describe('first generation', () => {
  let s: StandIn;
  let addon: LoadedAddon;
  beforeAll(() => {
    ({ s, addon } = setUp(PARTNERS));
    build(addon);
    // The board has already chosen a level and reviewed a row before the first summary.
    type(s, 'Bright Fund', 'Level', 'Cooperating');
    type(s, 'Acme Consulting', 'Level', 'Networking');
    type(s, 'Riverside Alliance', 'Reviewed', 'TRUE');
    generate(addon);
  });

  test('a header with the list it came from and live counts that match the roster', () => {
    const a = columnA(s);
    expect(a[0]).toBe('Partner segments: discussion summary');
    // One line telling the board how to use the tab (issue 18).
    expect(a[1]).toMatch(/^How to use it: read down the page; under each question, write .* Board notes/);
    expect(a[2]).toContain(`"${LIST}"`);
    expect(a[2]).toContain(`"${ROSTER}"`);
    expect(a[2]).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(liveCounts(s)).toEqual(expectedCounts(s));
    expect(expectedCounts(s)).toEqual([6, 5, 2, 1, 1]);
    // Live: built-in formulas over the roster, not numbers typed once.
    const formulas = s.sheetFormulas(SUMMARY);
    for (const label of COUNT_LABELS) {
      expect(formulas[summaryRow(s, label) - 1][1]).toMatch(new RegExp(`^=COUNTIFS?\\('${ROSTER}'!`));
    }
  });

  test('partners per segment: a live table, one row per segment of the Segments tab, and a column chart of it', () => {
    const { header, rows } = summaryTable(s, 'Partners per segment');
    expect(header).toEqual(['Segment', 'Partners', 'Reviews overdue']);
    expect(tables(s).perSegment).toEqual(expectedTables(s).perSegment);
    const headerRow = summaryRow(s, 'Segment', summaryRow(s, 'Partners per segment'));
    const tableA1 = `A${headerRow}:B${headerRow + rows.length}`;
    // The per-segment chart (the history's line chart is test/addon/history.test.ts's).
    const drawn = charts(s).filter((c) => c.type === 'COLUMN');
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toMatchObject({ type: 'COLUMN', ranges: [tableA1], anchorRow: headerRow });
    expect(drawn[0].title).toMatch(/segment/i);
    // Beside the table, not on it: the chart's corner and the cells to its right next to the table are empty.
    expect(drawn[0].anchorColumn).toBeGreaterThan(2);
    const values = s.sheetValues(SUMMARY);
    for (let r = headerRow; r <= headerRow + rows.length; r++) {
      expect(values[r - 1].slice(drawn[0].anchorColumn - 1).every((v) => v === '')).toBe(true);
    }
  });

  test('segment by level: one column per level of the Segments tab and "No level", live', () => {
    const { header } = summaryTable(s, 'Segment by level');
    expect(header).toEqual(['Segment', ...levelNames(s), 'No level']);
    expect(tables(s).byLevel).toEqual(expectedTables(s).byLevel);
    const strategic = header.indexOf('Cooperating');
    const funder = tables(s).byLevel.find((r) => r[0] === 'Funder')!;
    expect(funder[strategic]).toBe(1);
  });

  test('the five questions verbatim, in order, each with evidence and an empty, open Board notes cell', () => {
    const a = columnA(s);
    const at = QUESTIONS.map((q) => a.indexOf(q));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    QUESTIONS.forEach((q, i) => {
      expect(a.filter((x) => x === q)).toHaveLength(1);
      expect(evidenceUnder(s, i).length).toBeGreaterThan(0);
      expect(s.value(SUMMARY, notesCell(s, i))).toBe('');
    });
    expect(a.filter((x) => x === BOARD_NOTES)).toHaveLength(5);
    expect(evidenceUnder(s, 0)).toEqual(expectedMultiSegment(s));
    // Reviewed rows first, whatever their place in the roster.
    expect(evidenceUnder(s, 0)).toEqual([
      '• Riverside Alliance: Coalition ally, Community supporter',
      '• Bright Fund: Advisor, Funder (not reviewed yet)',
    ]);
    expect(evidenceUnder(s, 2)).toContain('• Quiet Org: no segment ticked');
    // The whole tab warns before an edit, except the Board notes cells, which people type into freely.
    const open = [...QUESTIONS.map((_, i) => notesCell(s, i)), ...actionStarts(s)];
    expect(actionStarts(s)).toHaveLength(QUESTIONS.length);
    const p = protections(s);
    expect(p.sheet).toHaveLength(1);
    expect(p.sheet[0].warningOnly).toBe(true);
    expect(p.sheet[0].open.map((a1) => a1.split(':')[0]).sort()).toEqual([...open].sort());
    // The seed's note on segments closes the tab and points at the Segments tab.
    const last = a.filter((x) => x !== '').pop()!;
    expect(last).toMatch(/need to add a segment/);
    expect(last).toContain('"Segments"');
  });
});

describe('regenerating after the board changed the roster', () => {
  let s: StandIn;
  let addon: LoadedAddon;
  let notesBefore: string[];
  const NOTES = [
    'Ask Acme whether it advises us too.',
    '',
    'Call the city before the permit renewal.',
    '',
    '=ask the finance team',
  ];

  beforeAll(() => {
    ({ s, addon } = setUp(PARTNERS));
    build(addon);
    generate(addon);
    notesBefore = QUESTIONS.map((_, i) => notesCell(s, i));
    NOTES.forEach((note, i) => {
      if (note) s.typeInto(SUMMARY, notesCell(s, i), note);
    });
    // Ticks.
    type(s, 'Acme Consulting', 'Advisor', 'TRUE');
    type(s, 'Bright Fund', 'Funder', 'FALSE');
    type(s, 'Old Friend', 'Funder', 'TRUE');
    // Dropdowns.
    type(s, 'Acme Consulting', 'Managed like', 'Advisor');
    type(s, 'Bright Fund', 'Managed like', 'Advisor');
    type(s, 'City of Springfield', 'Managed like', 'Contractor');
    type(s, 'City of Springfield', 'Primary segment', 'Funder');
    type(s, 'Acme Consulting', 'Level', 'Cooperating');
    type(s, 'Acme Consulting', 'Reviewed', 'TRUE');
    // Status: one partner Excluded by the board, one gone from the list.
    type(s, 'Riverside Alliance', 'Status', 'Excluded');
    s.addSheet(
      LIST,
      PARTNERS.filter((r) => r[0] !== 'Old Friend'),
    );
    build(addon);
  });

  test('before regenerating, live counts and tables already follow every tick, dropdown and Status', () => {
    expect(roster(s).find((r) => r.Partner === 'Old Friend')!.Status).toBe('Not in list');
    expect(liveCounts(s)).toEqual(expectedCounts(s));
    // Riverside (Excluded) is out; Old Friend (Not in list) still counts; Acme is now in two segments.
    expect(expectedCounts(s)).toEqual([5, 4, 2, 1, 1]);
    expect(tables(s)).toEqual(expectedTables(s));
    // A Primary segment is a choice, not a tick: Springfield's "Funder" adds nothing to Funder.
    const funder = tables(s).perSegment.find((r) => r[0] === 'Funder')!;
    expect(funder[1]).toBe(1);
  });

  describe('then regenerated', () => {
    beforeAll(() => {
      generate(addon);
    });

    test('Board notes stay with their questions, though the rows moved', () => {
      const after = QUESTIONS.map((_, i) => notesCell(s, i));
      expect(after).not.toEqual(notesBefore);
      NOTES.forEach((note, i) => {
        if (note.startsWith('='))
          expect(s.sheetFormulas(SUMMARY)[Number(after[i].slice(1)) - 1][1]).toBe(note);
        else expect(s.value(SUMMARY, after[i])).toBe(note);
      });
      // The cells where the notes used to be hold whatever the new layout puts there, not a stale note.
      const moved = notesBefore.filter(
        (a1, i) => a1 !== after[i] && NOTES[i] !== '' && !NOTES[i].startsWith('='),
      );
      expect(moved.length).toBeGreaterThan(0);
      for (const a1 of moved) expect(NOTES.filter(Boolean)).not.toContain(s.value(SUMMARY, a1));
    });

    test('evidence follows the board, Excluded partners left out, Not in list ones apart', () => {
      expect(evidenceUnder(s, 0)).toEqual(expectedMultiSegment(s));
      expect(evidenceUnder(s, 0)).toEqual([
        '• Acme Consulting: Contractor, Advisor',
        '• Old Friend: Contractor, Funder (not reviewed yet) (not in list)',
      ]);
      expect(evidenceUnder(s, 1)).toContain('• Advisor (2): Acme Consulting, Bright Fund');
      const how = howToManage(s);
      expect(evidenceUnder(s, 2)).toEqual([
        `• City of Springfield: in Public agency, managed like Contractor. How to manage Public agency: ${how.get('Public agency')}`,
        '• Quiet Org: no segment ticked',
        '• No owner looks after 3 partners: Acme Consulting, Bright Fund, City of Springfield',
      ]);
      const contractor = evidenceUnder(s, 3).find((l) => l.startsWith('• Contractor:'));
      expect(contractor).toBe('• Contractor: 2 partners (1 Cooperating, 1 without a level)');
      const publicAgency = evidenceUnder(s, 4).find((l) => l.startsWith('• Public agency:'));
      expect(publicAgency).toBe(`• Public agency: ${how.get('Public agency')}. 1 of 1 managed otherwise.`);
      expect(columnA(s).join('\n')).not.toContain('Riverside Alliance');
      expect(liveCounts(s)).toEqual(expectedCounts(s));
      expect(tables(s)).toEqual(expectedTables(s));
    });

    test('one chart, still drawn from the table; the new Board notes cells are the open ones', () => {
      // The per-segment chart (the history's line chart is test/addon/history.test.ts's).
      const drawn = charts(s).filter((c) => c.type === 'COLUMN');
      expect(drawn).toHaveLength(1);
      const headerRow = summaryRow(s, 'Segment', summaryRow(s, 'Partners per segment'));
      expect(drawn[0].ranges).toEqual([`A${headerRow}:B${headerRow + segmentNames(s).length}`]);
      const p = protections(s);
      expect(p.sheet).toHaveLength(1);
      expect(p.sheet[0].open.map((a1) => a1.split(':')[0]).sort()).toEqual(
        [...QUESTIONS.map((_, i) => notesCell(s, i)), ...actionStarts(s)].sort(),
      );
    });

    test('no cell of the roster or the summary calls a custom function', () => {
      for (const sheet of [ROSTER, SUMMARY]) {
        expect(s.sheetFormulas(sheet).flat().filter(Boolean).length).toBeGreaterThan(0);
        expect(customFunctionCalls(s, sheet)).toEqual([]);
      }
    });

    test('a snapshot records the chart and the protections, validates, and loads back as the same document', () => {
      const saved = saveSnapshot(s);
      expect(snapshotErrors(saved)).toBeNull();
      const summary = saved.sheets.find((x) => x.name === SUMMARY)!;
      const headerRow = summaryRow(s, 'Segment', summaryRow(s, 'Partners per segment'));
      expect(summary.charts!.filter((c) => c.type === 'COLUMN')).toEqual([
        expect.objectContaining({
          type: 'COLUMN',
          ranges: [`A${headerRow}:B${headerRow + segmentNames(s).length}`],
          position: expect.objectContaining({ row: headerRow }),
        }),
      ]);
      expect(summary.protections).toHaveLength(1);
      expect(summary.protections![0]).toMatchObject({ type: 'SHEET', warningOnly: true });
      expect(summary.protections![0].unprotected.map((a1) => a1.split(':')[0]).sort()).toEqual(
        [...QUESTIONS.map((_, i) => notesCell(s, i)), ...actionStarts(s)].sort(),
      );
      const rosterSheet = saved.sheets.find((x) => x.name === ROSTER)!;
      expect(rosterSheet.protections).toHaveLength(1);

      const loaded = loadSnapshot(JSON.parse(JSON.stringify(saved)) as Snapshot);
      expect(saveSnapshot(loaded)).toEqual(saved);
      // The loaded document is the add-on's own again: regenerating keeps the notes and draws no chart twice.
      const again = loadAddon({ standIn: loaded });
      generate(again);
      expect(loaded.value(SUMMARY, notesCell(loaded, 0))).toBe(NOTES[0]);
      expect(loaded.workbook.sheetByName(SUMMARY)!.charts).toHaveLength(2); // the per-segment chart and the history line
    });
    test('still live: a person ticks, the counts move at once', () => {
      const before = liveCounts(s);
      type(s, 'Quiet Org', 'Grantee', 'TRUE');
      expect(liveCounts(s)).toEqual(expectedCounts(s));
      expect(liveCounts(s)).not.toEqual(before);
    });
  });
});

describe('a roster with no multi-segment partners', () => {
  test('the first question says there is nothing to show; the others still have their evidence', () => {
    const { s, addon } = setUp([
      ['Name', 'Notes'],
      ['Acme Consulting', 'vendor'],
      ['Bright Fund', 'grant foundation'],
      ['Helping Hands', 'volunteer club'],
      ['Quiet Org', 'nothing'],
    ]);
    build(addon);
    generate(addon);
    const segments = segmentNames(s);
    expect(roster(s).every((r) => ticked(r, segments).length <= 1)).toBe(true);
    expect(besideLabel(s, 'In more than one segment')).toBe(0);
    expect(evidenceUnder(s, 0)).toEqual(['Nothing to show yet.']);
    expect(evidenceUnder(s, 2)).toEqual([
      '• Quiet Org: no segment ticked',
      '• No owner looks after 3 partners: Acme Consulting, Bright Fund, Helping Hands',
    ]);
    expect(evidenceUnder(s, 3).find((l) => l.startsWith('• Funder:'))).toBe(
      '• Funder: 1 partner (1 without a level)',
    );
    expect(liveCounts(s)).toEqual(expectedCounts(s));
  });
});

describe('an empty roster', () => {
  // A list with only a header is refused by build, so a roster is empty when the board has Excluded every
  // partner, or when a person deleted every partner row of the roster.
  test.each([
    [
      'every partner Excluded',
      (s: StandIn) => {
        for (const r of roster(s)) type(s, String(r.Partner), 'Status', 'Excluded');
      },
    ],
    [
      'every partner row deleted from the roster',
      (s: StandIn) =>
        s.internal(() => {
          const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
          sheet.deleteRows(2, sheet.getLastRow() - 1);
        }),
    ],
  ])('%s: the summary says in plain words that there is nothing to discuss yet', (_what, empty) => {
    const { s, addon } = setUp(PARTNERS);
    build(addon);
    empty(s);
    expect(counted(s)).toEqual([]);
    addon.run('menuGenerateSummary');
    expect(s.ui.alerts).toEqual([]);
    expect(s.ui.toasts.at(-1)!.message).toBe(
      'No partners to discuss yet: the roster has none, or every one is Excluded.',
    );
    expect(
      columnA(s).some((line) => line.startsWith('No partners to discuss yet: the roster has none')),
    ).toBe(true);
    expect(liveCounts(s)).toEqual([0, 0, 0, 0, 0]);
    expect(tables(s).perSegment.every((r) => r[1] === 0)).toBe(true);
    expect(tables(s).byLevel.every((r) => r.slice(1).every((n) => n === 0))).toBe(true);
    for (const q of [0, 1, 2]) expect(evidenceUnder(s, q)).toEqual(['Nothing to show yet.']);
    expect(evidenceUnder(s, 3)).toEqual(segmentNames(s).map((name) => `• ${name}: 0 partners`));
    const text = columnA(s).join('\n');
    for (const [partner] of PARTNERS.slice(1)) expect(text).not.toContain(partner);
    // Still a place to talk: every question keeps its Board notes cell.
    QUESTIONS.forEach((_, i) => expect(s.value(SUMMARY, notesCell(s, i))).toBe(''));
  });

  test('a partner brought back from Excluded shows in the live counts without regenerating', () => {
    const { s, addon } = setUp(PARTNERS);
    build(addon);
    for (const r of roster(s)) type(s, String(r.Partner), 'Status', 'Excluded');
    generate(addon);
    expect(besideLabel(s, 'Partners')).toBe(0);
    type(s, 'Bright Fund', 'Status', 'In list');
    expect(liveCounts(s)).toEqual(expectedCounts(s));
    expect(liveCounts(s)).toEqual([1, 1, 1, 0, 0]);
  });
});

describe('a roster of thousands', () => {
  // One partner in three in two segments, one in one, one in none.
  const describeAs = (i: number) => ['vendor and advisory council', 'grant foundation', 'nothing'][i % 3];

  function generated(n: number): { s: StandIn; addon: LoadedAddon; first: number; second: number } {
    const { s, addon } = setUp(manyPartners(n, describeAs));
    build(addon);
    s.calls.reset();
    generate(addon);
    const first = s.calls.count;
    s.calls.reset();
    generate(addon);
    return { s, addon, first, second: s.calls.count };
  }

  let small: ReturnType<typeof generated>;
  let large: ReturnType<typeof generated>;
  beforeAll(() => {
    small = generated(30);
    large = generated(3000);
  }, 120000);

  test('generated and regenerated in as many service calls for 3,000 partners as for 30', () => {
    expect(roster(large.s)).toHaveLength(3000);
    expect(large.first).toBe(small.first);
    expect(large.second).toBe(small.second);
  });

  test('evidence lists stop at 200 entries, then say how many more and where to find them', () => {
    const { s } = large;
    const segments = segmentNames(s);
    const rows = counted(s);
    const multi = rows.filter((r) => ticked(r, segments).length > 1);
    const none = rows.filter((r) => ticked(r, segments).length === 0);
    expect(multi.length).toBeGreaterThan(200);
    expect(none.length).toBeGreaterThan(200);
    // Under question 3 the partners without a segment come before the one line naming those without an owner.
    for (const [q, all, after] of [
      [0, multi, 0],
      [2, none, 1],
    ] as const) {
      const lines = evidenceUnder(s, q);
      expect(lines).toHaveLength(201);
      expect(lines.slice(0, 200).every((l) => l.startsWith('• Partner '))).toBe(true);
      expect(lines[200]).toBe(`and ${all.length - 200 + after} more: filter the roster's Check column`);
    }
    // The roster's Check column does name every one of them, so the filter finds them all.
    expect(roster(s)[0]).toHaveProperty('Check');
    expect(multi.every((r) => /segments/.test(String(r.Check)))).toBe(true);
    expect(none.every((r) => String(r.Check) !== '')).toBe(true);
    // Shorter lists are shown whole.
    expect(evidenceUnder(small.s, 0)).toHaveLength(10);
    expect(liveCounts(s)).toEqual(expectedCounts(s));
  });
});

describe('level names that look like criteria', () => {
  test('a level named "Core*" counts only itself, not "Core" too (wildcards are escaped)', () => {
    const { s, addon } = setUp(PARTNERS);
    build(addon);
    // People rename two levels on the Segments tab (the levels table starts at H1), then refresh.
    s.typeInto('Segments', 'H2', 'Core');
    s.typeInto('Segments', 'H3', 'Core*');
    build(addon);
    type(s, 'Acme Consulting', 'Level', 'Core');
    type(s, 'Bright Fund', 'Level', 'Core*');
    generate(addon);
    const { byLevel } = tables(s);
    const header = summaryTable(s, 'Segment by level').header;
    const at = (segment: string, level: string) =>
      byLevel.find((r) => r[0] === segment)![header.indexOf(level)];
    // Acme is a Contractor at level Core; Bright Fund a Funder (and Advisor) at level Core*.
    expect([at('Contractor', 'Core'), at('Contractor', 'Core*')]).toEqual([1, 0]);
    expect([at('Funder', 'Core'), at('Funder', 'Core*')]).toEqual([0, 1]);
  });
});
