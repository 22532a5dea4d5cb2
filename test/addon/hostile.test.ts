// Hostile input through dist/Code.js (issue #6): what people really put in partner lists and Segments tabs, and
// what the Sheets limits allow. Each case ends in the right result or a clear message in plain words; none
// changes the user's own sheets or lets text from the list become a formula in the roster or the summary.
import { cellA1 } from '../../dev/standin/a1';
import { createStandIn, type SeedOptions, type StandIn } from '../../dev/standin/index';
import { loadAddon, type LoadedAddon } from '../../dev/standin/loader';

const ROSTER = 'Partner Roster';
const SUMMARY = 'Discussion Summary';
const SEGMENTS = 'Segments';
const QUESTION_1 =
  'Do we have any partners who fall into more than one segment? What does that tell us about those partners?';
const QUESTION_3 = 'Where could we improve?';

type Report = Record<string, string | number | boolean>;

function setUp(list: unknown[][], seed: SeedOptions = {}): { s: StandIn; addon: LoadedAddon } {
  const s = createStandIn({ initialSheet: null });
  s.addSheet('Partners', list, seed);
  return { s, addon: loadAddon({ standIn: s }) };
}

function build(addon: LoadedAddon): Report {
  return addon.run('buildRosterFromSidebar') as Report;
}

function summarize(addon: LoadedAddon): Report {
  return addon.run('generateSummaryFromSidebar') as Report;
}

/** The error a call throws (fails the test when it does not throw). */
function refusal(call: () => unknown): Error {
  try {
    call();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a refusal, but the call succeeded');
}

/** The user's own sheets, values and formulas, as text to compare before and after. */
function ownSheets(s: StandIn, names: string[] = ['Partners']): string {
  return JSON.stringify(names.map((n) => [n, s.sheetValues(n), s.sheetFormulas(n)]));
}

/** Rows of a sheet as objects keyed by its header row. */
function rows(s: StandIn, sheet = ROSTER): Record<string, unknown>[] {
  const [header, ...rest] = s.sheetValues(sheet);
  return rest.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

function cell(s: StandIn, partner: string, header: string): string {
  const values = s.sheetValues(ROSTER);
  const row = values.findIndex((r) => r[0] === partner) + 1;
  const column = values[0].indexOf(header) + 1;
  if (row < 2 || column < 1) throw new Error(`no ${header} cell for ${partner}`);
  return cellA1(row, column);
}

// The formulas the add-on itself writes: # Segments, Next review, Check, the summary's live counts, its live
// "changed since generated" line (and the copy of it under Discussion).
const OUR_FORMULA =
  /^=(COUNTIF|COUNTIFS|TEXTJOIN|ARRAYFORMULA\(IFERROR\(IF\(MOD\(MIN\(|IF\(AND\(COUNTIFS\(|A\d+$|0$|""$)/;

/** Every formula in the roster and the summary that the add-on did not write itself. */
function foreignFormulas(s: StandIn): string[] {
  return [ROSTER, SUMMARY]
    .flatMap((sheet) => storedCells(s, sheet).flat())
    .flatMap((c) => (c?.formula !== undefined && !OUR_FORMULA.test(c.formula) ? [c.formula] : []));
}

/**
 * What the cells of a sheet hold as written (formula or value), read from the stand-in's document without
 * calculating: the check for a sheet whose live formulas are dear to calculate here (200 segments' counts).
 */
function storedCells(s: StandIn, sheet: string): ({ formula?: string; value?: unknown } | undefined)[][] {
  return (s.workbook.sheetByName(sheet)?.rows ?? []).map((row) => [...(row ?? [])]);
}

/** Column A of the summary under a question, up to its Board notes. */
function evidenceUnder(s: StandIn, question: string): string[] {
  const a = s.sheetValues(SUMMARY).map((r) => String(r[0]));
  const start = a.indexOf(question);
  return a.slice(start + 1, a.indexOf('Board notes', start));
}

describe('text that looks like something else', () => {
  const HOSTILE = [
    '=HYPERLINK("http://evil.example","click")',
    '=IMPORTXML("http://evil.example","//a")',
    '+SUM(1,2)',
    '-2+3',
    '@SUM(A1)',
    '\t=1+1',
    '\r=1+1 carriage',
    '<script>alert("x")</script>',
    '<img src=x onerror=alert(1)>',
    '🌱 Green Shoots 👩🏽‍🌾',
    'مركز الشراكة المجتمعية',
    'שותפות קהילתית',
    `Quote "marks", 'apostrophes' and, commas`,
    '007',
    'TRUE',
    'Jan 5 Partners',
  ];
  const list = () => [
    ['Partner', 'Type', 'Notes'],
    ...HOSTILE.map((name, i) => [name, i % 2 ? 'vendor and grant funder' : 'advisory council', name]),
  ];

  test('lands in the roster and the summary as the same text, never as a formula; the list is untouched', () => {
    const { s, addon } = setUp(list());
    const before = ownSheets(s);
    const report = build(addon);
    summarize(addon);
    expect(ownSheets(s)).toBe(before);
    expect(report.partners).toBe(HOSTILE.length);
    expect(rows(s).map((r) => r.Partner)).toEqual(HOSTILE.map((h) => h.trim()));
    expect(foreignFormulas(s)).toEqual([]);
    // The multi-segment partners are listed under question 1 by their names, as text.
    const listed = evidenceUnder(s, QUESTION_1).join('\n');
    HOSTILE.filter((_, i) => i % 2).forEach((h) => expect(listed).toContain(`• ${h.trim()}: `));
  });

  test('a refresh finds every row again by its name: nothing added, nothing written', () => {
    const { s, addon } = setUp(list());
    build(addon);
    const roster = JSON.stringify([s.sheetValues(ROSTER), s.sheetFormulas(ROSTER)]);
    const written = s.calls.cellsWritten;
    expect(build(addon)).toMatchObject({ new: 0, kept: HOSTILE.length, notInList: 0 });
    expect(JSON.stringify([s.sheetValues(ROSTER), s.sheetFormulas(ROSTER)])).toBe(roster);
    expect(s.calls.cellsWritten).toBe(written);
  });

  test('the sidebar gets the names as plain data to show, in the summary of what it found', () => {
    const { addon } = setUp(list());
    const overview = addon.run('getOverview') as { list: { summary: string; columns: { label: string }[] } };
    expect(overview.list.summary).toBe(`${HOSTILE.length} partners in Partners`);
    expect(overview.list.columns.map((c) => c.label)).toEqual(['Partner', 'Type', 'Notes']);
  });
});

describe('numbers, dates and booleans as names', () => {
  // A name column of text with a few cells Sheets keeps as numbers, dates and booleans.
  const list = () => [
    ['Name', 'Notes'],
    ['Acme', 'vendor'],
    [42, 'vendor'],
    ['Bright Fund', 'grant'],
    [new Date(2024, 0, 5), 'grant'],
    ['Cedar Club', 'volunteer'],
    [true, 'advisory'],
    ['Delta Org', 'coalition'],
    [3.5, 'volunteer'],
    ['Echo Agency', 'agency'],
  ];

  test('show as the text the list shows, and refresh onto the same rows', () => {
    const { s, addon } = setUp(list());
    const before = ownSheets(s);
    build(addon);
    expect(rows(s).map((r) => r.Partner)).toEqual([
      'Acme',
      '42',
      'Bright Fund',
      '2024-01-05',
      'Cedar Club',
      'TRUE',
      'Delta Org',
      '3.5',
      'Echo Agency',
    ]);
    expect(rows(s)[1]).toMatchObject({ Partner: '42', Suggested: 'Contractor', Contractor: true });
    expect(rows(s)[3]).toMatchObject({ Partner: '2024-01-05', Suggested: 'Funder', Funder: true });
    expect(build(addon)).toMatchObject({ partners: 9, new: 0, kept: 9 });
    expect(rows(s)).toHaveLength(9);
    summarize(addon);
    expect(ownSheets(s)).toBe(before);
    expect(foreignFormulas(s)).toEqual([]);
  });
});

describe('duplicates', () => {
  test('names differing only in case and spacing are one partner, and the sidebar says how many merged', () => {
    const { s, addon } = setUp([
      ['Name', 'Notes'],
      ['Acme Consulting', 'vendor'],
      ['  acme   CONSULTING ', 'advisory council'],
      ['ACME\tconsulting', ''],
      ['Bright Fund', 'grant'],
    ]);
    const report = build(addon);
    expect(report.listSummary).toBe('2 partners in Partners; 2 duplicate names merged');
    expect(rows(s).map((r) => [r.Partner, r.Suggested])).toEqual([
      ['Acme Consulting', 'Contractor, Advisor'],
      ['Bright Fund', 'Funder'],
    ]);
  });

  test('rows sharing an ID are one partner; blank and placeholder IDs fall back to the name', () => {
    const { s, addon } = setUp([
      ['Name', 'Partner ID', 'Notes'],
      ['Acme', 'P1', 'vendor'],
      ['Acme Ltd (renamed)', 'P1', 'advisory'],
      ['Bright Fund', '', 'grant'],
      ['bright fund', '', 'donor'],
      ['Cedar Club', 'N/A', 'volunteer'],
      ['Delta Org', 'N/A', 'coalition'],
      ['', 'P9', 'agency'],
    ]);
    const report = build(addon);
    expect(report.listSummary).toBe('5 partners in Partners; 1 duplicate name merged; 1 duplicate ID merged');
    expect(rows(s).map((r) => [r.Partner, r.ID])).toEqual([
      ['Acme', 'P1'],
      ['Bright Fund', ''],
      ['Cedar Club', ''],
      ['Delta Org', ''],
      ['P9', 'P9'],
    ]);
  });
});

describe('where the list sits', () => {
  test('blank and merged title rows above the header are skipped', () => {
    const { s, addon } = setUp([
      ['', '', ''],
      ['Our partners, 2026 (updated by Dana)', '', ''],
      ['', '', ''],
      ['Organization', 'Relationship', 'Notes'],
      ['Acme', 'vendor', ''],
      ['Bright Fund', 'funder', ''],
    ]);
    s.internal(() => s.spreadsheet.getSheetByName('Partners')!.getRange('A2:C2').merge());
    const before = ownSheets(s);
    const overview = addon.run('getOverview') as { list: { headerRow: number; nameColumn: number } };
    expect(overview.list).toMatchObject({ headerRow: 4, nameColumn: 1 });
    build(addon);
    expect(rows(s).map((r) => r.Partner)).toEqual(['Acme', 'Bright Fund']);
    expect(ownSheets(s)).toBe(before);
  });

  test('a header-only sheet: told there are no partners below the header; nothing is made', () => {
    const { s, addon } = setUp([['Name', 'Type', 'Notes']]);
    const before = ownSheets(s);
    // Found by looking: no sheet holds a list yet.
    const e = refusal(() => build(addon));
    expect(e.message).toMatch(
      /^No partner list found: no sheet has a header row with a column of partner names/,
    );
    expect((addon.run('getOverview') as { listProblem: string }).listProblem).toBe(e.message);
    // Chosen in the sidebar: told what is missing in that sheet.
    expect(refusal(() => addon.run('chooseList', { sheet: 'Partners' })).message).toBe(
      'Partners: The list has a header (row 1) but no partners: add them in the rows below it.',
    );
    expect(s.sheetNames()).toEqual(['Partners']);
    expect(ownSheets(s)).toBe(before);
  });

  test('an empty spreadsheet: told how to lay out a list; nothing is made', () => {
    const s = createStandIn();
    const addon = loadAddon({ standIn: s });
    const e = refusal(() => build(addon));
    expect(e.message).toMatch(/^No partner list found: .*a header row with a Name column/);
    expect(s.sheetNames()).toEqual(['Sheet1']);
    expect(refusal(() => summarize(addon)).message).toMatch(/^Build the roster first/);
    expect(s.sheetNames()).toEqual(['Sheet1']);
  });
});

describe('50,000-character cells (the most a cell holds)', () => {
  const LONG = 50000;

  test('a 50,000-character description is read, not copied; the roster builds', () => {
    const notes = `vendor ${'x'.repeat(LONG - 7)}`;
    const { s, addon } = setUp([
      ['Name', 'Notes'],
      ['Acme', notes],
    ]);
    const before = ownSheets(s);
    build(addon);
    summarize(addon);
    expect(rows(s)[0]).toMatchObject({ Partner: 'Acme', Suggested: 'Contractor', Contractor: true });
    expect(ownSheets(s)).toBe(before);
  });

  test('a 50,000-character name: the roster holds it whole; the summary shows it shortened, in one cell', () => {
    const name = `Acme ${'y'.repeat(LONG - 5)}`;
    const { s, addon } = setUp([
      ['Name', 'Notes'],
      [name, 'vendor and grant'],
      ['Bright Fund', 'grant'],
    ]);
    const before = ownSheets(s);
    build(addon);
    expect(rows(s)[0].Partner).toBe(name);
    summarize(addon);
    const q1 = evidenceUnder(s, QUESTION_1);
    expect(q1).toHaveLength(1);
    expect(q1[0]).toMatch(/^• Acme y{100,}…: Contractor, Funder \(not reviewed yet\)$/);
    expect(q1[0].length).toBeLessThan(1000);
    expect(ownSheets(s)).toBe(before);
  });

  test('a name filling a cell, added to the list later: the summary regenerates and keeps its Board notes', () => {
    const name = `Acme ${'y'.repeat(LONG - 5)}`;
    const { s, addon } = setUp([
      ['Name', 'Notes'],
      ['Short name', 'vendor'],
    ]);
    build(addon);
    summarize(addon);
    const a = s.sheetValues(SUMMARY).map((r) => String(r[0]));
    const notesRow = a.indexOf('Board notes', a.indexOf(QUESTION_1)) + 1;
    s.typeInto(SUMMARY, `B${notesRow}`, 'We agreed to call every multi-segment partner.');
    // The list grows a partner whose name fills a cell; it lands in the summary's evidence.
    s.addSheet('Partners', [
      ['Name', 'Notes'],
      ['Short name', 'vendor'],
      [name, 'vendor and grant'],
    ]);
    build(addon);
    // It used to fail half-way (the old summary cleared, the Board notes with it) on a 50,001-character line.
    expect(summarize(addon)).toMatchObject({ partners: 2, multiSegment: 1 });
    expect(s.sheetValues(SUMMARY).flat()).toContain('We agreed to call every multi-segment partner.');
    expect(evidenceUnder(s, QUESTION_1)).toEqual([expect.stringMatching(/^• Acme y+…: Contractor, Funder/)]);
  });

  test('many long names managed alike: their evidence line fits its cell, the rest counted', () => {
    // 180 partners with 300-character names, all managed like Contractor: one line would need 54,000 characters.
    const names = Array.from({ length: 180 }, (_, i) => `${String(i).padStart(3, '0')} ${'n'.repeat(296)}`);
    const { s, addon } = setUp([['Name', 'Notes'], ...names.map((n) => [n, 'vendor'])]);
    build(addon);
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      const column = s.sheetValues(ROSTER)[0].indexOf('Managed like') + 1;
      sheet.getRange(2, column, names.length, 1).setValues(names.map(() => ['Contractor']));
    });
    expect(summarize(addon)).toMatchObject({ partners: 180, mismatches: 0 });
    const q2 = evidenceUnder(
      s,
      'Where do we manage partner relationships appropriately (i.e., appropriate for the segment)?',
    );
    expect(q2).toHaveLength(1);
    expect(q2[0]).toMatch(/^• Contractor \(180\): 000 n+, 001 n+, .* and \d+ more$/);
    expect(q2[0].length).toBeLessThanOrEqual(LONG);
  });

  test('a name that only fits its cell as a formula-looking text is refused with a clear message, before the roster is made', () => {
    // Text beginning with "=" needs a leading apostrophe to stay text: one character more than a cell holds.
    const name = `=${'z'.repeat(LONG - 1)}`;
    const { s, addon } = setUp([
      ['Name', 'Notes'],
      ['Acme', 'vendor'],
      [name, 'vendor'],
    ]);
    const before = ownSheets(s);
    const e = refusal(() => build(addon));
    expect(e.message).toBe(
      `The text for row 3 of the roster is too long for a cell: "=${'z'.repeat(38)}…" takes 50,001 characters ` +
        '(with the apostrophe that keeps it as text), and a Google Sheets cell holds at most 50,000. ' +
        'Shorten it where it comes from (your partner list or the Segments tab), then build again.',
    );
    expect(s.sheetNames()).not.toContain(ROSTER);
    expect(ownSheets(s)).toBe(before);
  });
});

describe('the Sheets limit of 10 million cells in a workbook', () => {
  // The stand-in refuses to grow a workbook past the limit, as Sheets does; the add-on says so in plain words.
  test('a build that would pass it is refused with a clear message before anything is written', () => {
    // The list sheet's grid alone is 9,995,000 cells: the roster's new sheets cannot fit.
    const { s, addon } = setUp(
      [
        ['Name', 'Notes'],
        ['Acme', 'vendor'],
        ['Bright Fund', 'grant'],
      ],
      { maxRows: 99950, maxColumns: 100 },
    );
    const before = ownSheets(s);
    const e = refusal(() => build(addon));
    expect(e.message).toMatch(/10,000,000 cells|10 million cells/);
    expect(e.message).toContain('the roster needs');
    expect(s.sheetNames()).toEqual(['Partners']);
    expect(ownSheets(s)).toBe(before);
  });

  test('a summary that would pass it is refused with a clear message and leaves no summary tab', () => {
    const { s, addon } = setUp([
      ['Name', 'Notes'],
      ['Acme', 'vendor'],
      ['Bright Fund', 'grant'],
    ]);
    build(addon);
    // People keep a large archive in the same spreadsheet: less room is left than a new 1000 × 26 tab needs.
    const cells = s.internal(() =>
      s.spreadsheet.getSheets().reduce((n, sh) => n + sh.getMaxRows() * sh.getMaxColumns(), 0),
    );
    s.addSheet('Archive', [['old']], {
      maxRows: Math.floor((10_000_000 - cells - 10_000) / 100),
      maxColumns: 100,
    });
    const e = refusal(() => summarize(addon));
    expect(e.message).toMatch(/10,000,000 cells/);
    expect(e.message).toContain('the discussion summary needs');
    expect(s.sheetNames()).toEqual(['Partners', 'Segments', ROSTER, 'Archive']);
  });
});

describe('segment names', () => {
  const NAMES = ['Advisors, formal', '"Quoted" partners', '=SUM(1,2)', '<Peers>', 'Grant*', 'Tilde~s'];

  function withSegments(): { s: StandIn; addon: LoadedAddon } {
    const t = setUp([
      ['Name', 'Notes'],
      ...NAMES.map((_, i) => [`Partner ${i}`, 'nothing to match']),
      ['Granted Org', 'subgrantee'],
    ]);
    for (const name of NAMES) t.addon.run('addSegment', name);
    build(t.addon);
    return t;
  }

  test('with commas, quotes and a leading = land as text: on the Segments tab, roster headers and summary', () => {
    const { s, addon } = withSegments();
    const tab = s.sheetValues(SEGMENTS).map((r) => r[0]);
    for (const name of NAMES) expect(tab).toContain(name);
    expect(s.sheetFormulas(SEGMENTS).flat().filter(Boolean)).toEqual([]);
    expect(s.sheetValues(ROSTER)[0]).toEqual(expect.arrayContaining(NAMES));
    summarize(addon);
    expect(foreignFormulas(s)).toEqual([]);
    const perSegment = s.sheetValues(SUMMARY).map((r) => r[0]);
    for (const name of NAMES) expect(perSegment).toContain(name);
  });

  test.each(NAMES)(
    '%s, ticked and chosen as Managed like and Primary segment, fits: Check is blank',
    (name) => {
      const { s } = withSegments();
      const partner = `Partner ${NAMES.indexOf(name)}`;
      s.typeInto(ROSTER, cell(s, partner, name), 'TRUE');
      s.typeInto(ROSTER, cell(s, partner, 'Managed like'), `'${name}`);
      s.typeInto(ROSTER, cell(s, partner, 'Primary segment'), `'${name}`);
      s.typeInto(ROSTER, cell(s, partner, 'Owner'), 'Dana');
      expect(s.value(ROSTER, cell(s, partner, 'Check'))).toBe('');
      expect(s.effectiveBackground(ROSTER, cell(s, partner, 'Managed like'))).toBe('#ffffff');
    },
  );

  test('a name with a wildcard does not stand for other segments: Grant* is not Grantee', () => {
    const { s } = withSegments();
    // Granted Org is ticked Grantee by its suggestion; managed like "Grant*", a segment it is not in.
    expect(s.value(ROSTER, cell(s, 'Granted Org', 'Grantee'))).toBe(true);
    s.typeInto(ROSTER, cell(s, 'Granted Org', 'Managed like'), "'Grant*");
    expect(s.value(ROSTER, cell(s, 'Granted Org', 'Check'))).toBe(
      'Managed like Grant*, not one of its segments; No owner',
    );
  });

  test('200 segments: a column each, counted, in the summary table', () => {
    const list = [
      ['Name', 'Notes'],
      ['Acme', 'vendor'],
    ];
    const { s, addon } = setUp(list);
    build(addon);
    const names = Array.from({ length: 200 }, (_, i) => `Segment ${i + 1}`);
    s.addSheet(SEGMENTS, [
      ['Segment', 'Definition', 'How to manage', 'Keywords', 'Color'],
      ...names.map((n, i) => [n, `Definition ${i + 1}`, `Manage ${i + 1}`, `keyword${i + 1}`, '']),
    ]);
    s.addSheet('Partners', [...list, ['Fresh Org', 'keyword7 and keyword150']]);
    const report = build(addon);
    expect(report).toMatchObject({ segments: 200, partners: 2, new: 1 });
    const header = s.sheetValues(ROSTER)[0].map(String);
    expect(header.filter((h) => names.includes(h))).toEqual(names);
    // A new partner gets its suggestions ticked; an existing one keeps its ticks (none in the new segments).
    const fresh = rows(s)[1];
    expect([fresh.Suggested, fresh['Segment 7'], fresh['Segment 150'], fresh['# Segments']]).toEqual([
      'Segment 7, Segment 150',
      true,
      true,
      2,
    ]);
    expect(fresh.Check).toBe('In 2 segments; No owner');
    s.typeInto(ROSTER, cell(s, 'Fresh Org', 'Managed like'), 'Segment 200');
    expect(s.value(ROSTER, cell(s, 'Fresh Org', 'Check'))).toBe(
      'In 2 segments; Managed like Segment 200, not one of its segments; No owner',
    );
    s.typeInto(ROSTER, cell(s, 'Fresh Org', 'Segment 200'), 'TRUE');
    expect(s.value(ROSTER, cell(s, 'Fresh Org', 'Check'))).toBe('In 3 segments; No owner');
    summarize(addon);
    // The per-segment table lists all 200, each with its live count (not calculated here: 1,200 COUNTIFS).
    const table = storedCells(s, SUMMARY).filter((r) => names.includes(String(r[0]?.value)));
    // Per segment, then by level, then how its suggestions fared (the learning, plain values).
    expect(table.map((r) => r[0]?.value)).toEqual([...names, ...names, ...names]);
    expect(table.slice(0, 400).every((r) => /^=COUNTIFS\(/.test(r[1]?.formula ?? ''))).toBe(true);
    expect(table.slice(400).every((r) => !r[1]?.formula)).toBe(true);
    expect(foreignFormulas(s)).toEqual([]);
  });
});

describe('a Segments tab edited into nonsense', () => {
  function built(withSummary = false): { s: StandIn; addon: LoadedAddon; roster: string } {
    const { s, addon } = setUp([
      ['Name', 'Notes'],
      ['Acme', 'vendor'],
      ['Bright Fund', 'grant and advisory'],
    ]);
    build(addon);
    if (withSummary) summarize(addon);
    s.typeInto(ROSTER, cell(s, 'Acme', 'Notes'), 'keep me');
    return { s, addon, roster: JSON.stringify([s.sheetValues(ROSTER), s.sheetFormulas(ROSTER)]) };
  }

  function expectRefusedEverywhere(addon: LoadedAddon, s: StandIn, roster: string, message: RegExp): void {
    const summary = () => (s.sheetNames().includes(SUMMARY) ? JSON.stringify(s.sheetValues(SUMMARY)) : null);
    const before = summary();
    for (const call of [
      () => build(addon),
      () => summarize(addon),
      () => addon.run('getSegments'),
      () => addon.run('addSegment', 'New one'),
    ]) {
      expect(refusal(call).message).toMatch(message);
    }
    expect(JSON.stringify([s.sheetValues(ROSTER), s.sheetFormulas(ROSTER)])).toBe(roster);
    expect(summary()).toBe(before);
  }

  test('headers deleted: told which headers the tab needs; roster and summary untouched', () => {
    const { s, addon } = built(true);
    s.internal(() => s.spreadsheet.getSheetByName(SEGMENTS)!.deleteRow(1));
    // Sheets moves Next review's references to the Segments table up with the rows: the roster as people left it.
    const roster = JSON.stringify([s.sheetValues(ROSTER), s.sheetFormulas(ROSTER)]);
    expectRefusedEverywhere(
      addon,
      s,
      roster,
      /^On the Segments tab: .*no "Segment" or "Keywords" headers\. Its first row should name the columns: Segment, Definition, How to manage, Keywords, Color, Review every \(months\)\.$/,
    );
  });

  test('two rows with the same name (case and spacing aside): told which rows', () => {
    const { s, addon, roster } = built();
    s.typeInto(SEGMENTS, 'A3', '  contractor ');
    expectRefusedEverywhere(addon, s, roster, /names the segment "contractor" twice \(rows 2 and 3/);
  });

  test('every name blanked: told to give each segment a row with its name', () => {
    const { s, addon, roster } = built();
    s.internal(() => s.spreadsheet.getSheetByName(SEGMENTS)!.getRange('A2:A9').clearContent());
    expectRefusedEverywhere(addon, s, roster, /has headers but no segments below them/);
  });

  test('rows of junk, blank names and colours that are not colours: junk rows are segments, bad colours fall back', () => {
    const { s, addon } = built();
    const sheet = () => s.spreadsheet.getSheetByName(SEGMENTS)!;
    s.internal(() => {
      sheet()
        .getRange('E2:E4')
        .setValues([['red'], ['#12345'], ['=1/0']]);
      sheet()
        .getRange('A12:E14')
        .setValues([
          ['', 'a row without a name', '', 'vendor', '#00ff00'],
          ['  ', '', '', '', ''],
          ["'=NOW()", 12, true, '', 'not a colour'],
        ]);
    });
    const before = s.sheetValues('Partners');
    const report = build(addon);
    expect(report.segments).toBe(9);
    const header = s.sheetValues(ROSTER)[0];
    expect(header).toContain('=NOW()');
    expect(s.sheetFormulas(ROSTER)[0].filter(Boolean)).toEqual([]);
    // Bad colours fall back to the palette: every segment header is a #rrggbb fill.
    const fills = s.internal(
      () => s.spreadsheet.getSheetByName(ROSTER)!.getRange(1, 1, 1, header.length).getBackgrounds()[0],
    );
    for (const fill of fills) expect(fill).toMatch(/^#[0-9a-f]{6}$/);
    expect(rows(s).find((r) => r.Partner === 'Acme')!.Notes).toBe('keep me');
    summarize(addon);
    expect(foreignFormulas(s)).toEqual([]);
    expect(s.sheetValues('Partners')).toEqual(before);
  });
});

describe('dropdown and checkbox values that are not in the list', () => {
  test('typed: refused with the help text; pasted: kept, flagged in Check, listed in the summary, validation put back', () => {
    const { s, addon } = setUp([
      ['Name', 'Notes'],
      ['Acme', 'vendor'],
      ['Bright Fund', 'grant'],
    ]);
    build(addon);
    for (const [header, text] of [
      ['Managed like', 'Plumber'],
      ['Primary segment', 'contractor '],
      ['Level', 'Best friends'],
      ['Status', 'Gone'],
    ]) {
      expect(() => s.typeInto(ROSTER, cell(s, 'Acme', header), text)).toThrow(/^(Choose|How do we|In list)/);
    }
    // A checkbox takes other text with a warning, as in Sheets: kept, never counted as a tick.
    s.typeInto(ROSTER, cell(s, 'Acme', 'Funder'), 'yes');
    expect(s.value(ROSTER, cell(s, 'Acme', '# Segments'))).toBe(1);
    // A paste writes straight into the cells, past the rules (and may wipe them).
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      const header = s.sheetValues(ROSTER)[0];
      const at = (h: string) => header.indexOf(h) + 1;
      sheet.getRange(2, at('Managed like')).setValue('Plumber').clearDataValidations();
      sheet.getRange(2, at('Level')).setValue('Best friends');
      sheet.getRange(2, at('Advisor')).setValue('yes').clearDataValidations();
      sheet.getRange(3, at('Status')).setValue('Gone');
    });
    expect(s.value(ROSTER, cell(s, 'Acme', 'Check'))).toBe(
      'Managed like Plumber, not one of its segments; Level Best friends is not in the Levels table; No owner',
    );
    const report = build(addon);
    expect(report.mismatches).toBe(1);
    const acme = rows(s).find((r) => r.Partner === 'Acme')!;
    // People's cells are theirs: kept as pasted. Status is the add-on's: put right.
    expect([acme['Managed like'], acme.Level, acme.Advisor, acme['# Segments']]).toEqual([
      'Plumber',
      'Best friends',
      'yes',
      1,
    ]);
    expect(rows(s).find((r) => r.Partner === 'Bright Fund')!.Status).toBe('In list');
    // The rules are back: typing the same again is refused, and the box is a checkbox again.
    expect(() => s.typeInto(ROSTER, cell(s, 'Acme', 'Managed like'), 'Plumber')).toThrow();
    const advisor = cell(s, 'Acme', 'Advisor');
    const rule = s.internal(() =>
      s.spreadsheet.getSheetByName(ROSTER)!.getRange(advisor).getDataValidation(),
    );
    expect(String(rule?.getCriteriaType())).toBe('CHECKBOX');
    summarize(addon);
    expect(evidenceUnder(s, QUESTION_3)[0]).toMatch(/^• Acme: in Contractor, managed like Plumber\./);
  });
});
