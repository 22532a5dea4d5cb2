// Build and refresh through dist/Code.js in the stand-in, as a user would: menu handlers and sidebar calls.
import { cellA1 } from '../../dev/standin/a1';
import { createStandIn, type StandIn } from '../../dev/standin/index';
import { loadAddon, type LoadedAddon } from '../../dev/standin/loader';

const ROSTER = 'Partner Roster';

const LIST = [
  ['Our partners, 2026', '', '', ''],
  ['Organization', 'Partner ID', 'Relationship', 'Notes'],
  ['Acme Consulting', 'P1', 'Contractor', 'invoice monthly'],
  ['City of Springfield', 'P2', 'permit office', 'grant from the city'],
  ['Helping Hands', '', 'volunteers', ''],
  ['helping   HANDS', '', 'congregation', ''],
  ['Bright Futures Foundation', 'P5', 'funder', 'advisory council member too'],
  ['', '', '', ''],
  ['Riverside Alliance', 'P6', 'coalition peer', ''],
];

function setUp(list: unknown[][] = LIST): { s: StandIn; addon: LoadedAddon } {
  const s = createStandIn({ initialSheet: null });
  s.addSheet('Partners', list);
  const addon = loadAddon({ standIn: s });
  return { s, addon };
}

function build(addon: LoadedAddon): Record<string, number | string | boolean> {
  return addon.run('buildRosterFromSidebar') as Record<string, number | string | boolean>;
}

/** The roster as rows of objects keyed by header. */
function roster(s: StandIn): Record<string, unknown>[] {
  const [header, ...rows] = s.sheetValues(ROSTER);
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [String(h), row[i]])));
}

function column(s: StandIn, header: string): number {
  return s.sheetValues(ROSTER)[0].indexOf(header) + 1;
}

function a1(s: StandIn, partner: string, header: string): string {
  const row = roster(s).findIndex((r) => r.Partner === partner) + 2;
  return cellA1(row, column(s, header));
}

describe('first build', () => {
  test('one row per distinct partner, the headers PRODUCT.md lists, suggestions ticked, the list untouched', () => {
    const { s, addon } = setUp();
    const before = JSON.stringify(s.sheetValues('Partners'));
    const report = build(addon);
    expect(JSON.stringify(s.sheetValues('Partners'))).toBe(before);
    expect(s.sheetValues(ROSTER)[0]).toEqual([
      'Partner',
      'ID',
      'Check',
      'Suggested',
      'Why suggested',
      'Contractor',
      'Advisor',
      'Funder',
      'Grantee',
      'Implementing partner',
      'Coalition ally',
      'Public agency',
      'Community supporter',
      '# Segments',
      'Primary segment',
      'Level',
      'Strategic for',
      'Managed like',
      'Owner',
      'Last contact',
      'Next review',
      'Reviewed',
      'Notes',
      'Status',
    ]);
    const rows = roster(s);
    expect(rows.map((r) => r.Partner)).toEqual([
      'Acme Consulting',
      'City of Springfield',
      'Helping Hands',
      'Bright Futures Foundation',
      'Riverside Alliance',
    ]);
    expect(report).toMatchObject({ partners: 5, new: 5, kept: 0, notInList: 0, firstBuild: true });
    const springfield = rows[1];
    expect(springfield.Suggested).toBe('Funder, Public agency');
    expect(springfield.Funder).toBe(true);
    expect(springfield['Public agency']).toBe(true);
    expect(springfield.Contractor).toBe(false);
    expect(springfield.Reviewed).toBe(false);
    expect(springfield.Status).toBe('In list');
    expect(springfield['# Segments']).toBe(2);
    expect(springfield.Check).toBe('In 2 segments; No owner');
    // Duplicates merged by name (trim, inner spaces, case); their descriptions combined.
    expect(rows[2].Suggested).toBe('Community supporter');
  });

  test('# Segments and Check are live formulas; multi-segment rows stand out, whole row', () => {
    const { s, addon } = setUp();
    build(addon);
    const formulas = s.sheetFormulas(ROSTER);
    const count = column(s, '# Segments') - 1;
    for (const row of formulas.slice(1)) expect(row[count]).toMatch(/^=COUNTIF/);
    s.typeInto(ROSTER, a1(s, 'Acme Consulting', 'Advisor'), 'TRUE');
    expect(s.value(ROSTER, a1(s, 'Acme Consulting', '# Segments'))).toBe(2);
    const fills = s.effectiveBackgrounds(ROSTER);
    const multi = roster(s).flatMap((r, i) => (Number(r['# Segments']) > 1 ? [i + 1] : []));
    fills.slice(1).forEach((row, i) => {
      const colored = row.every((f) => f === '#fce8b2');
      expect(colored).toBe(multi.includes(i + 1));
    });
  });

  test('dropdowns and checkboxes refuse what does not fit, with help text', () => {
    const { s, addon } = setUp();
    build(addon);
    expect(() => s.typeInto(ROSTER, a1(s, 'Acme Consulting', 'Managed like'), 'Plumber')).toThrow();
    s.typeInto(ROSTER, a1(s, 'Acme Consulting', 'Managed like'), 'Advisor');
    expect(s.value(ROSTER, a1(s, 'Acme Consulting', 'Check'))).toBe(
      'Managed like Advisor, not one of its segments; No owner',
    );
    expect(s.effectiveBackground(ROSTER, a1(s, 'Acme Consulting', 'Managed like'))).toBe('#f4c7c3');
    expect(() => s.typeInto(ROSTER, a1(s, 'Acme Consulting', 'Status'), 'Gone')).toThrow();
    expect(() => s.typeInto(ROSTER, a1(s, 'Acme Consulting', 'Level'), 'Best friends')).toThrow();
  });

  test('frozen header row and Partner column; a note on every header', () => {
    const { s, addon } = setUp();
    build(addon);
    const sheet = s.internal(() => s.spreadsheet.getSheetByName(ROSTER)!);
    expect(s.internal(() => [sheet.getFrozenRows(), sheet.getFrozenColumns()])).toEqual([1, 1]);
    const notes = s.internal(() => sheet.getRange(1, 1, 1, 19).getNotes()[0]);
    expect(notes.every((n) => n.length > 10)).toBe(true);
  });
});

describe('refresh', () => {
  test('keeps every human entry, appends new partners with suggestions, marks vanished ones, never undoes Excluded', () => {
    const { s, addon } = setUp();
    build(addon);
    s.typeInto(ROSTER, a1(s, 'Acme Consulting', 'Advisor'), 'TRUE');
    s.typeInto(ROSTER, a1(s, 'Acme Consulting', 'Notes'), 'Met in May');
    s.typeInto(ROSTER, a1(s, 'Acme Consulting', 'Level'), 'Cooperating');
    s.typeInto(ROSTER, a1(s, 'City of Springfield', 'Funder'), 'FALSE');
    s.typeInto(ROSTER, a1(s, 'City of Springfield', 'Reviewed'), 'TRUE');
    s.typeInto(ROSTER, a1(s, 'Riverside Alliance', 'Status'), 'Excluded');
    // The list changes: Helping Hands leaves, a new partner arrives.
    s.addSheet('Partners', [
      ...LIST.filter((r) => !String(r[0]).toLowerCase().includes('helping')),
      ['Metro Transit Agency', 'P7', 'public agency', 'permit'],
    ]);
    const report = build(addon);
    expect(report).toMatchObject({ new: 1, kept: 4, notInList: 1, excluded: 1 });
    const rows = roster(s);
    const acme = rows.find((r) => r.Partner === 'Acme Consulting')!;
    expect([acme.Advisor, acme.Notes, acme.Level, acme['# Segments']]).toEqual([
      true,
      'Met in May',
      'Cooperating',
      2,
    ]);
    const springfield = rows.find((r) => r.Partner === 'City of Springfield')!;
    expect([springfield.Funder, springfield.Reviewed]).toEqual([false, true]);
    expect(rows.find((r) => r.Partner === 'Helping Hands')!.Status).toBe('Not in list');
    expect(rows.find((r) => r.Partner === 'Riverside Alliance')!.Status).toBe('Excluded');
    const metro = rows[rows.length - 1];
    expect([metro.Partner, metro['Public agency'], metro.Status]).toEqual([
      'Metro Transit Agency',
      true,
      'In list',
    ]);
  });

  test('running it twice in a row changes nothing and writes no cell', () => {
    const { s, addon } = setUp();
    build(addon);
    s.typeInto(ROSTER, a1(s, 'Acme Consulting', 'Advisor'), 'TRUE');
    build(addon);
    const rules = () =>
      s.internal(() =>
        JSON.stringify(
          s.spreadsheet
            .getSheetByName(ROSTER)!
            .getDataRange()
            .getDataValidations()
            .map((row) =>
              row.map((r) =>
                r ? [String(r.getCriteriaType()), r.getCriteriaValues(), r.getHelpText()] : null,
              ),
            ),
        ),
      );
    const before = JSON.stringify([
      s.sheetValues(ROSTER),
      s.sheetFormulas(ROSTER),
      s.effectiveBackgrounds(ROSTER),
      rules(),
    ]);
    const written = s.calls.cellsWritten;
    s.calls.reset();
    build(addon);
    expect(
      JSON.stringify([
        s.sheetValues(ROSTER),
        s.sheetFormulas(ROSTER),
        s.effectiveBackgrounds(ROSTER),
        rules(),
      ]),
    ).toBe(before);
    expect(s.calls.cellsWritten).toBe(0);
    expect(written).toBeGreaterThan(0);
    // Nothing else is rewritten either: no note, fill, width, freeze or protection call. Our checkbox and dropdown
    // rules are put back as they were, one call per block (the segment checkboxes, each dropdown, Last contact's
    // date rule, Reviewed).
    const writes = Object.keys(s.calls.byMethod).filter((m) => /\.(set|insert|add|protect|merge)/.test(m));
    expect(writes).toEqual(['Range.setDataValidation']);
    expect(s.calls.byMethod['Range.setDataValidation']).toBe(7);
  });

  test("a sorted roster and a column of people's own refresh right", () => {
    const { s, addon } = setUp();
    build(addon);
    s.typeInto(ROSTER, a1(s, 'Acme Consulting', 'Notes'), 'keep me');
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      sheet.insertColumnBefore(3);
      sheet.getRange('C1').setValue('Handled by');
      sheet
        .getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn())
        .sort({ column: 1, ascending: false });
    });
    s.typeInto(ROSTER, a1(s, 'Acme Consulting', 'Handled by'), 'Dana');
    build(addon);
    const acme = roster(s).find((r) => r.Partner === 'Acme Consulting')!;
    expect([acme['Handled by'], acme.Notes, acme.Contractor, acme['# Segments'], acme.Status]).toEqual([
      'Dana',
      'keep me',
      true,
      1,
      'In list',
    ]);
    expect(roster(s).map((r) => r['# Segments'])).toEqual(
      roster(s).map((r) =>
        Number(
          Object.keys(r).filter(
            (k) =>
              [
                'Contractor',
                'Advisor',
                'Funder',
                'Grantee',
                'Implementing partner',
                'Coalition ally',
                'Public agency',
                'Community supporter',
              ].includes(k) && r[k] === true,
          ).length,
        ),
      ),
    );
  });

  test("a paste that wiped checkboxes and dropdowns is repaired; a column of people's own keeps its dropdown", () => {
    const { s, addon } = setUp();
    build(addon);
    const ownCol = column(s, 'Check'); // people insert their own column just before Check
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      sheet.insertColumnBefore(ownCol);
      sheet.getRange(1, ownCol).setValue('Handled by');
      const own = s.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      sheet
        .getRange(2, ownCol, sheet.getLastRow() - 1, 1)
        .setDataValidation(own.newDataValidation().requireValueInList(['Dana', 'Lee']).build());
      // A paste over two rows wipes our rules on both sides of the people's column, not theirs.
      sheet.getRange(3, 1, 2, ownCol - 1).clearDataValidations();
      sheet.getRange(3, ownCol + 1, 2, sheet.getLastColumn() - ownCol).clearDataValidations();
    });
    const rulesOf = (partner: string, header: string) =>
      s.internal(() => {
        const range = s.spreadsheet.getSheetByName(ROSTER)!.getRange(a1(s, partner, header));
        const rule = range.getDataValidation();
        return rule ? String(rule.getCriteriaType()) : null;
      });
    const wiped = roster(s)[1].Partner as string;
    expect(rulesOf(wiped, 'Advisor')).toBeNull();
    // What the paste left in the cells (a tick, a choice) is people's: the rules come back around it.
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      sheet.getRange(a1(s, wiped, 'Advisor')).setValue(true);
      sheet.getRange(a1(s, wiped, 'Level')).setValue('Core');
    });
    const rowBefore = roster(s)[1];
    s.calls.reset();
    build(addon);
    expect(roster(s)[1]).toEqual(rowBefore);
    // Found without reading any cell's rule.
    expect(s.calls.byMethod['Range.getDataValidations'] ?? 0).toBe(0);
    expect(s.calls.byMethod['Range.getDataValidation'] ?? 0).toBe(0);
    expect(rulesOf(wiped, 'Advisor')).toBe('CHECKBOX');
    expect(rulesOf(wiped, 'Level')).toBe('VALUE_IN_LIST');
    expect(rulesOf(wiped, 'Reviewed')).toBe('CHECKBOX');
    expect(rulesOf(wiped, 'Status')).toBe('VALUE_IN_LIST');
    // The repair spans both sides of the people's column without clearing their dropdown in between.
    expect(rulesOf(wiped, 'Handled by')).toBe('VALUE_IN_LIST');
  });

  test('a pasted checkbox with its own checked and unchecked values is put back to a plain one, whatever the cell holds', () => {
    const { s, addon } = setUp();
    build(addon);
    const criteriaOf = (cell: string) =>
      s.internal(() => {
        const rule = s.spreadsheet.getSheetByName(ROSTER)!.getRange(cell).getDataValidation();
        return rule ? rule.getCriteriaValues() : null;
      });
    const rows = roster(s);
    const cells = {
      yesOnYes: a1(s, rows[0].Partner as string, 'Advisor'),
      // Paste special › data validation only: our FALSE stays under a yes/no checkbox.
      yesNoOnFalse: a1(s, rows[1].Partner as string, 'Reviewed'),
      // insertCheckboxes('yes') leaves unticked cells blank (fact 63).
      yesOnBlank: a1(s, rows[2].Partner as string, 'Funder'),
    };
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      const app = s.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      const yesNo = app.newDataValidation().requireCheckbox('yes', 'no').build();
      sheet.getRange(cells.yesOnYes).setDataValidation(yesNo).setValue('yes');
      sheet.getRange(cells.yesNoOnFalse).setDataValidation(yesNo).setValue(false);
      sheet.getRange(cells.yesOnBlank).insertCheckboxes('yes');
    });
    expect(criteriaOf(cells.yesOnBlank)).toEqual(['yes']);
    build(addon);
    for (const cell of Object.values(cells)) expect(criteriaOf(cell)).toEqual([]);
    // Our own checkbox over a value that is not a tick (a paste of values only): the value stays as it is, under
    // our rule, refresh after refresh.
    s.internal(() => s.spreadsheet.getSheetByName(ROSTER)!.getRange(cells.yesOnBlank).setValue(1));
    build(addon);
    build(addon);
    expect(criteriaOf(cells.yesOnBlank)).toEqual([]);
    expect(
      s.internal(() => s.spreadsheet.getSheetByName(ROSTER)!.getRange(cells.yesOnBlank).getValue()),
    ).toBe(1);
  });

  test('a renamed segment keeps its ticks and choices; a removed one stays, retired, while it has ticks', () => {
    const { s, addon } = setUp();
    build(addon);
    s.typeInto(ROSTER, a1(s, 'Acme Consulting', 'Managed like'), 'Contractor');
    const segments = addon.run('getSegments') as { segments: { id: string; name: string }[] };
    const contractor = segments.segments.find((x) => x.name === 'Contractor')!;
    const grantee = segments.segments.find((x) => x.name === 'Grantee')!;
    const ally = segments.segments.find((x) => x.name === 'Coalition ally')!;
    addon.run('renameSegment', contractor.id, 'Vendor');
    addon.run('removeSegment', grantee.id); // no ticks: its column goes
    addon.run('removeSegment', ally.id); // Riverside Alliance is ticked: the column stays, retired
    build(addon);
    const header = s.sheetValues(ROSTER)[0];
    expect(header).toContain('Vendor');
    expect(header).not.toContain('Contractor');
    expect(header).not.toContain('Grantee');
    expect(header).toContain('Coalition ally (retired)');
    const acme = roster(s).find((r) => r.Partner === 'Acme Consulting')!;
    expect([acme.Vendor, acme['Managed like'], acme.Check]).toEqual([true, 'Vendor', 'No owner']);
    const riverside = roster(s).find((r) => r.Partner === 'Riverside Alliance')!;
    expect([riverside['Coalition ally (retired)'], riverside['# Segments']]).toEqual([true, 0]);
  });
});

describe('a segment added back', () => {
  test('in the sidebar, under the name its retired column shows, gets its ticks back', () => {
    const { s, addon } = setUp();
    build(addon);
    const segments = addon.run('getSegments') as { segments: { id: string; name: string }[] };
    const ally = segments.segments.find((x) => x.name === 'Coalition ally')!;
    // Renamed first, so the id ("coalition-ally") is not what a new "Peers" row would be given.
    addon.run('renameSegment', ally.id, 'Peers');
    build(addon);
    addon.run('removeSegment', ally.id);
    build(addon);
    expect(s.sheetValues(ROSTER)[0]).toContain('Peers (retired)');
    const after = addon.run('addSegment', 'Peers') as { segments: { id: string; name: string }[] };
    expect(after.segments.find((x) => x.name === 'Peers')!.id).toBe(ally.id);
    build(addon);
    const header = s.sheetValues(ROSTER)[0];
    expect(header).toContain('Peers');
    expect(header).not.toContain('Peers (retired)');
    const riverside = roster(s).find((r) => r.Partner === 'Riverside Alliance')!;
    expect([riverside.Peers, riverside['# Segments']]).toEqual([true, 1]);
  });
});

describe('safety', () => {
  test('text that looks like a formula, a number or HTML lands as that text', () => {
    const hostile = [
      '=HYPERLINK("http://x","y")',
      '+1 555 0100',
      '-minus',
      '@handle',
      '\tTabbed',
      '007',
      '<img src=x onerror=alert(1)>',
      'مركز الشراكة',
      '🌱 Green Shoots',
      `Quote "marks" and, commas`,
      'Line\nbreak',
    ];
    const { s, addon } = setUp([['Name', 'Notes'], ...hostile.map((h) => [h, 'contractor'])]);
    build(addon);
    const names = roster(s).map((r) => r.Partner);
    expect(names).toEqual(hostile.map((h) => h.trim()));
    const partnerFormulas = s
      .sheetFormulas(ROSTER)
      .slice(1)
      .map((r) => r[0]);
    expect(partnerFormulas.every((f) => f === '')).toBe(true);
  });

  test('a sheet already named "Partner Roster" that the add-on does not own is left alone', () => {
    const { s, addon } = setUp();
    s.addSheet(ROSTER, [['My own roster'], ['do not touch']]);
    const report = build(addon);
    expect(report.rosterSheet).toBe('Partner Roster (2)');
    expect(s.sheetValues(ROSTER)).toEqual([['My own roster'], ['do not touch']]);
  });

  test('a second build started inside the first is refused with a clear message, not interleaved', () => {
    const { s, addon } = setUp();
    let nested: unknown = null;
    let seen = 0;
    const stop = s.onServiceCall(() => {
      seen++;
      if (seen === 5 && nested === null) {
        try {
          nested = build(addon);
        } catch (e) {
          nested = e;
        }
      }
    });
    build(addon);
    stop();
    expect(String((nested as Error).message)).toMatch(/already at work.*Try again/);
    expect(roster(s)).toHaveLength(5);
  });

  test('the number of service calls does not grow with the number of partners', () => {
    const many = (n: number) => [
      ['Name', 'Notes'],
      ...Array.from({ length: n }, (_, i) => [`Partner ${i}`, i % 3 ? 'vendor' : 'grant']),
    ];
    const calls = [40, 3000].map((n) => {
      const { s, addon } = setUp(many(n));
      s.calls.reset();
      build(addon);
      return s.calls.count;
    });
    // Growing the grid past its 1,000 rows is the one call a long list adds.
    expect(calls[1]).toBeGreaterThanOrEqual(calls[0]);
    expect(calls[1]).toBeLessThanOrEqual(calls[0] + 1);
  });
});

describe("the user's own conditional formatting", () => {
  test('keeps its place ahead of ours across builds', () => {
    const { s, addon } = setUp();
    build(addon);
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      const mine = SpreadsheetAppOf(s)
        .newConditionalFormatRule()
        .whenTextEqualTo('Acme Consulting')
        .setBackground('#00ff00')
        .setRanges([sheet.getRange('A2:A100')])
        .build();
      sheet.setConditionalFormatRules([mine, ...sheet.getConditionalFormatRules()]);
    });
    build(addon);
    build(addon);
    const rules = s.internal(() => s.spreadsheet.getSheetByName(ROSTER)!.getConditionalFormatRules());
    expect(rules[0].getBooleanCondition()!.getCriteriaValues()).toEqual(['Acme Consulting']);
    expect(rules).toHaveLength(9);
    expect(s.effectiveBackground(ROSTER, 'A2')).toBe('#00ff00');
  });
});

function SpreadsheetAppOf(s: StandIn): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  return s.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}
