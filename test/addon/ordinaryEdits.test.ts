// Issue #17: nothing lost when people do ordinary things. Each case is something a person does between or during
// runs (insert a column, sort a table, type an ID like "1E5", protect a sheet, freeze more rows…), tried through
// dist/Code.js in the stand-in; each failed before its fix.
import { cellA1 } from '../../dev/standin/a1';
import { type StandIn } from '../../dev/standin/index';
import { type LoadedAddon } from '../../dev/standin/loader';
import {
  build,
  generate,
  roster,
  rosterCell,
  ROSTER,
  SEGMENTS,
  setUp,
  SUMMARY,
  notesCell,
  type RosterRow,
} from './helpers';

const LIST = [
  ['Name', 'Notes'],
  ['Acme Consulting', 'contractor, invoice monthly'],
  ['Bright Futures Foundation', 'funder'],
  ['Riverside Alliance', 'coalition peer'],
  ['Helping Hands', 'volunteers'],
];

type View = { segments: { id: string; name: string }[] };

function segmentsView(addon: LoadedAddon): View {
  return addon.run('getSegments') as View;
}

function idOf(addon: LoadedAddon, name: string): string {
  const found = segmentsView(addon).segments.find((x) => x.name === name);
  if (!found) throw new Error(`no segment ${name}`);
  return found.id;
}

/** A roster row as segment name → value, for the segment columns only (those the Segments tab names). */
function segmentCells(s: StandIn, row: RosterRow): Record<string, unknown> {
  const names = new Set(
    s
      .sheetValues(SEGMENTS)
      .slice(1)
      .map((r) => r[s.sheetValues(SEGMENTS)[0].indexOf('Segment')])
      .filter((n) => n !== ''),
  );
  return Object.fromEntries(Object.entries(row).filter(([k]) => names.has(k)));
}

function partner(s: StandIn, name: string): RosterRow {
  const found = roster(s).find((r) => r.Partner === name);
  if (!found) throw new Error(`no roster row for ${name}`);
  return found;
}

describe("6. a person's column inserted at A of the Segments tab", () => {
  test('the sidebar renames, adds and removes in the Segments table, never in that column', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    s.internal(() => {
      const tab = s.spreadsheet.getSheetByName(SEGMENTS)!;
      tab.insertColumnBefore(1);
      tab.getRange('A1:A3').setValues([['Our own column'], ['mine 1'], ['mine 2']]);
    });
    const contractor = idOf(addon, 'Contractor');
    const grantee = idOf(addon, 'Grantee');
    addon.run('renameSegment', contractor, 'Vendor');
    addon.run('addSegment', 'Neighbours');
    addon.run('removeSegment', grantee);
    const tab = s.sheetValues(SEGMENTS);
    expect(tab.map((r) => r[0]).filter((v) => v !== '')).toEqual(['Our own column', 'mine 1', 'mine 2']);
    const names = tab
      .slice(1)
      .map((r) => r[1])
      .filter((v) => v !== '');
    expect(names).toContain('Vendor');
    expect(names).toContain('Neighbours');
    expect(names).not.toContain('Contractor');
    expect(names).not.toContain('Grantee');
    // The removed row's other cells of the table went with it; the levels table beside it stayed.
    const granteeRow = tab.findIndex((r) => r[2] !== '' && r[1] === '');
    expect(granteeRow).toBe(-1);
    expect(segmentsView(addon).segments.map((x) => x.name)).toEqual(
      expect.arrayContaining(['Vendor', 'Neighbours']),
    );
    build(addon);
    expect(s.sheetValues(ROSTER)[0]).toEqual(expect.arrayContaining(['Vendor', 'Neighbours']));
  });
});

describe('2. sorting the Segments table by name', () => {
  test('every tick and choice stays with its segment', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    s.typeInto(ROSTER, rosterCell(s, 'Acme Consulting', 'Advisor'), 'TRUE');
    s.typeInto(ROSTER, rosterCell(s, 'Acme Consulting', 'Managed like'), 'Contractor');
    s.typeInto(ROSTER, rosterCell(s, 'Riverside Alliance', 'Primary segment'), 'Coalition ally');
    const before = Object.fromEntries(roster(s).map((r) => [r.Partner, segmentCells(s, r)]));
    const choicesBefore = roster(s).map((r) => [r.Partner, r['Primary segment'], r['Managed like']]);
    s.internal(() =>
      s.spreadsheet.getSheetByName(SEGMENTS)!.getRange('A2:E9').sort({ column: 1, ascending: true }),
    );
    build(addon);
    const after = Object.fromEntries(roster(s).map((r) => [r.Partner, segmentCells(s, r)]));
    expect(after).toEqual(before);
    expect(partner(s, 'Acme Consulting')).toMatchObject({
      Advisor: true,
      Contractor: true,
      Check: expect.any(String),
    });
    expect(roster(s).map((r) => [r.Partner, r['Primary segment'], r['Managed like']])).toEqual(choicesBefore);
    // The sidebar sees the same: renaming Advisor renames the column that holds Acme's Advisor tick.
    addon.run('renameSegment', idOf(addon, 'Advisor'), 'Adviser');
    build(addon);
    expect(partner(s, 'Acme Consulting').Adviser).toBe(true);
    expect(partner(s, 'Bright Futures Foundation').Adviser).toBe(false);
  });
});

describe('2b. sorted and renamed in one go', () => {
  test('the renamed segment keeps its ticks too', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    s.typeInto(ROSTER, rosterCell(s, 'Acme Consulting', 'Advisor'), 'TRUE');
    s.internal(() => {
      const tab = s.spreadsheet.getSheetByName(SEGMENTS)!;
      tab.getRange('A2:E9').sort({ column: 1, ascending: false });
      const at =
        tab
          .getRange('A1:A9')
          .getValues()
          .findIndex((r) => r[0] === 'Contractor') + 1;
      tab.getRange(at, 1).setValue('Vendor');
    });
    build(addon);
    expect(partner(s, 'Acme Consulting')).toMatchObject({ Vendor: true, Advisor: true, Funder: false });
    expect(partner(s, 'Bright Futures Foundation')).toMatchObject({ Vendor: false, Funder: true });
    expect(s.sheetValues(ROSTER)[0]).not.toContain('Contractor (retired)');
  });
});

describe('extra: a summary right after a sidebar rename', () => {
  test('shows the new name in its evidence, and a choice of the renamed segment still fits', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    s.typeInto(ROSTER, rosterCell(s, 'Acme Consulting', 'Managed like'), 'Contractor');
    addon.run('renameSegment', idOf(addon, 'Contractor'), 'Vendor');
    const report = generate(addon);
    const text = s
      .sheetValues(SUMMARY)
      .flat()
      .map(String)
      .filter((t) => t.includes('Acme Consulting'));
    expect(text.join('\n')).not.toMatch(/Contractor/);
    expect(text.join('\n')).toMatch(/Vendor/);
    expect(report.mismatches).toBe(0);
  });
});

describe('3. text that reads as a number in E notation', () => {
  test('IDs, names and a segment added in the sidebar stay text: refreshes add no partner again', () => {
    // The list holds them as text (typed with an apostrophe, or a column formatted as plain text).
    const { s, addon } = setUp([
      ['Name', 'ID', 'Notes'],
      ['2E10', '1E5', 'contractor'],
      ['Acme', '3e4', 'funder'],
      ['Bright', '7E-2', 'advisor'],
    ]);
    for (let i = 0; i < 3; i++) build(addon);
    expect(roster(s).map((r) => [r.Partner, r.ID])).toEqual([
      ['2E10', '1E5'],
      ['Acme', '3e4'],
      ['Bright', '7E-2'],
    ]);
    addon.run('addSegment', '1E3');
    build(addon);
    expect(s.sheetValues(SEGMENTS).map((r) => r[0])).toContain('1E3');
    expect(s.sheetValues(ROSTER)[0]).toContain('1E3');
    expect(roster(s)).toHaveLength(3);
  });
});

describe('9. a level renamed or cleared on the Segments tab', () => {
  test('partners left at it are flagged by Check and counted apart in "Segment by level"', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    s.typeInto(ROSTER, rosterCell(s, 'Acme Consulting', 'Level'), 'Cooperating');
    s.typeInto(ROSTER, rosterCell(s, 'Bright Futures Foundation', 'Level'), 'Collaborating');
    s.typeInto(ROSTER, rosterCell(s, 'Riverside Alliance', 'Level'), 'Networking');
    const tab = s.sheetValues(SEGMENTS);
    const levelColumn = tab[0].indexOf('Level') + 1;
    const rowOf = (name: string) => tab.findIndex((r) => r[levelColumn - 1] === name) + 1;
    // Cooperating renamed, Collaborating cleared (name and meaning).
    s.typeInto(SEGMENTS, cellA1(rowOf('Cooperating'), levelColumn), 'Sharing resources');
    s.internal(() =>
      s.spreadsheet
        .getSheetByName(SEGMENTS)!
        .getRange(rowOf('Collaborating'), levelColumn, 1, 2)
        .clearContent(),
    );
    build(addon);
    expect(partner(s, 'Acme Consulting').Check).toMatch(/Level Cooperating is not in the Levels table/);
    expect(partner(s, 'Bright Futures Foundation').Check).toMatch(
      /Level Collaborating is not in the Levels table/,
    );
    expect(partner(s, 'Riverside Alliance').Check).not.toMatch(/Level/);
    expect(partner(s, 'Acme Consulting').Level).toBe('Cooperating'); // people's entry kept as it is
    generate(addon);
    const values = s.sheetValues(SUMMARY);
    const heading = values.findIndex((r) => r[0] === 'Segment by level');
    const header = values[heading + 1].map(String);
    const apart = header.indexOf('Unlisted level');
    expect(apart).toBeGreaterThan(0);
    const row = (segment: string) => values.slice(heading + 2).find((r) => r[0] === segment)!;
    expect(row('Contractor')[apart]).toBe(1);
    expect(row('Funder')[apart]).toBe(1);
    expect(row('Coalition ally')[apart]).toBe(0);
    expect(row('Coalition ally')[header.indexOf('Networking')]).toBe(1);
    expect(header).not.toContain('Cooperating');
  });
});

describe('10. a larger freeze people set on the roster', () => {
  test('is kept by every refresh; a smaller one is put back to the header row and Partner column', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    const frozen = () =>
      s.internal(() => {
        const r = s.spreadsheet.getSheetByName(ROSTER)!;
        return [r.getFrozenRows(), r.getFrozenColumns()];
      });
    s.internal(() => {
      const r = s.spreadsheet.getSheetByName(ROSTER)!;
      r.setFrozenRows(2);
      r.setFrozenColumns(3);
    });
    build(addon);
    build(addon);
    expect(frozen()).toEqual([2, 3]);
    s.internal(() => {
      const r = s.spreadsheet.getSheetByName(ROSTER)!;
      r.setFrozenRows(0);
      r.setFrozenColumns(0);
    });
    build(addon);
    expect(frozen()).toEqual([1, 1]);
  });
});

describe("4. an owner's stricter protection", () => {
  const SHEET = 'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  function protection(s: StandIn, name: string) {
    return s.internal(() => {
      const p = s.spreadsheet.getSheetByName(name)!.getProtections(SHEET)[0];
      return {
        warningOnly: p.isWarningOnly(),
        description: p.getDescription(),
        open: p.getUnprotectedRanges().map((r) => r.getA1Notation()),
      };
    });
  }
  function tighten(s: StandIn, name: string, extra: string) {
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(name)!;
      const p = sheet.getProtections(SHEET)[0];
      p.setWarningOnly(false);
      p.setDescription('Only the partnerships team edits this');
      p.setUnprotectedRanges([...p.getUnprotectedRanges(), sheet.getRange(extra)]);
    });
  }

  test('of the roster (restricted editors, another open range, a description) is kept by refreshes', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    const ours = protection(s, ROSTER).open;
    tighten(s, ROSTER, 'B2:B');
    build(addon);
    expect(protection(s, ROSTER)).toEqual({
      warningOnly: false,
      description: 'Only the partnerships team edits this',
      open: expect.arrayContaining([...ours, expect.stringMatching(/^B2:B(\d+)?$/)]),
    });
    // A new segment moves the columns: ours follow, the owner's stay.
    addon.run('addSegment', 'Neighbours');
    build(addon);
    const after = protection(s, ROSTER);
    expect(after.warningOnly).toBe(false);
    expect(after.description).toBe('Only the partnerships team edits this');
    expect(after.open).toEqual(expect.arrayContaining([expect.stringMatching(/^B2:B(\d+)?$/)]));
    expect(after.open).toHaveLength(ours.length + 1);
  });

  test('of the summary is kept when it is generated again', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    generate(addon);
    const ours = protection(s, SUMMARY).open;
    tighten(s, SUMMARY, 'A1:A2');
    generate(addon);
    expect(protection(s, SUMMARY)).toEqual({
      warningOnly: false,
      description: 'Only the partnerships team edits this',
      open: expect.arrayContaining([...ours, 'A1:A2']),
    });
    expect(protection(s, SUMMARY).open).toHaveLength(ours.length + 1);
  });
});

describe('8. the discussion summary and what people add to it', () => {
  test('a chart people added is kept when the summary is generated again; ours is replaced, not doubled', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    generate(addon);
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(SUMMARY)!;
      const chart = sheet
        .newChart()
        .asPieChart()
        .setTitle('Our own pie')
        .addRange(sheet.getRange('A5:B9'))
        .setPosition(2, 10, 0, 0)
        .build();
      sheet.insertChart(chart);
    });
    addon.run('addSegment', 'Neighbours');
    build(addon);
    generate(addon);
    generate(addon);
    const titles = s.internal(() =>
      s.spreadsheet
        .getSheetByName(SUMMARY)!
        .getCharts()
        .map((c) => String(c.getOptions().get('title'))),
    );
    expect(titles.sort()).toEqual([
      'Counts over time (Segment History)',
      'Our own pie',
      'Partners per segment',
    ]);
    // Ours shows every segment, the new one too.
    const ranges = s.internal(() =>
      s.spreadsheet
        .getSheetByName(SUMMARY)!
        .getCharts()
        .filter((c) => c.getOptions().get('title') === 'Partners per segment')
        .map((c) => c.getRanges().map((r) => r.getNumRows())),
    );
    expect(ranges).toEqual([[10]]);
  });

  test('a sheet of a person\'s own named "Discussion Summary", even blank, is left alone: the summary gets a free name', () => {
    const { s, addon } = setUp(LIST);
    s.addSheet(SUMMARY, []);
    build(addon);
    const report = generate(addon);
    expect(report.summarySheet).toBe('Discussion Summary (2)');
    expect(s.sheetValues(SUMMARY)).toEqual([['']]);
    expect(s.sheetNames()).toContain('Discussion Summary (2)');
  });
});

describe('extra: an edited "Board notes" label', () => {
  test('keeps its note when the summary is generated again', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    generate(addon);
    const cell = notesCell(s, 0);
    s.typeInto(SUMMARY, cell, 'Talk to Acme about the advisory role');
    s.typeInto(SUMMARY, cell.replace('B', 'A'), 'Notes from the March board');
    const other = notesCell(s, 2);
    s.typeInto(SUMMARY, other, 'Plan a review');
    s.typeInto(SUMMARY, other.replace('B', 'A'), 'Our thoughts');
    generate(addon);
    expect(s.value(SUMMARY, notesCell(s, 0))).toBe('Talk to Acme about the advisory role');
    expect(s.value(SUMMARY, notesCell(s, 2))).toBe('Plan a review');
  });
});

describe('7. a person sorting a roster without IDs while a refresh runs', () => {
  // Every other refresh, a third of the partners leave the list and every other name is spelled in capitals, so
  // the refresh rewrites Partner and Status cells of existing rows (the same partners, matched by name).
  const names = Array.from({ length: 12 }, (_, i) => `Partner ${String.fromCharCode(65 + i)}`);
  const list = (all: boolean) => [
    ['Name', 'Notes'],
    ...names
      .map((n, i) => [all || i % 2 ? n : n.toUpperCase(), i % 2 ? 'funder' : 'contractor'])
      .filter((_, i) => all || i % 3 !== 1),
  ];
  /** A built roster, each partner with entries of its own. */
  function prepared() {
    const { s, addon } = setUp(list(true));
    build(addon);
    for (const [i, n] of names.entries()) {
      s.typeInto(ROSTER, rosterCell(s, n, 'Notes'), `about ${n.toLowerCase()}`);
      if (i % 3 === 0) s.typeInto(ROSTER, rosterCell(s, n, 'Advisor'), 'TRUE');
    }
    s.addSheet('Partners', list(false));
    return { s, addon };
  }
  const entries = (s: StandIn) =>
    roster(s)
      .map((r) => JSON.stringify([String(r.Partner).toLowerCase(), r.Notes, r.Advisor]))
      .sort()
      .join('\n');
  /** Sorts the roster's rows the other way round from how they are now, so every sort moves rows. */
  const sortRoster = (s: StandIn) =>
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn());
      const values = rows.getValues();
      rows.sort({ column: 1, ascending: String(values[0][0]) > String(values[values.length - 1][0]) });
    });

  test('at any call of the refresh, every entry stays with its partner, but in the round trip after its re-read', () => {
    const probe = prepared();
    const expected = entries(probe.s);
    const methods: string[] = [];
    const stopCount = probe.s.onServiceCall((info) => methods.push(`${info.className}.${info.method}`));
    build(probe.addon);
    stopCount();
    const lost: string[] = [];
    for (let at = 1; at <= methods.length; at++) {
      const { s, addon } = prepared();
      let seen = 0;
      const stop = s.onServiceCall(() => {
        if (++seen === at) sortRoster(s);
      });
      try {
        build(addon);
      } finally {
        stop();
      }
      s.addSheet('Partners', list(true));
      build(addon);
      if (entries(s) !== expected) lost.push(`${at} ${methods[at - 1]} after ${methods[at - 2]}`);
    }
    // SpreadsheetApp has no conditional write: a sort landing between a write's re-read and the write itself
    // is the one moment left (one round trip per write into existing rows). Before: 17 call positions lost.
    expect(lost.filter((l) => !/ Range\.setValues after Range\.getValues$/.test(l))).toEqual([]);
    expect(lost.length).toBeLessThanOrEqual(methods.filter((m) => m === 'Range.setValues').length);
  });
});

describe("5. the roster's header row moved down or deleted", () => {
  function refused(addon: LoadedAddon): string {
    try {
      build(addon);
    } catch (e) {
      return (e as Error).message;
    }
    return 'not refused';
  }
  const content = (s: StandIn) => JSON.stringify([s.sheetValues(ROSTER), s.sheetFormulas(ROSTER)]);

  test('a title row inserted above it: refused in plain words, nothing changed', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    s.internal(() => {
      const sheet = s.spreadsheet.getSheetByName(ROSTER)!;
      sheet.insertRowBefore(1);
      sheet.getRange('A1').setValue('Our partners, 2026');
    });
    const before = content(s);
    expect(refused(addon)).toMatch(/header row.*row 2.*row 1/i);
    expect(content(s)).toBe(before);
  });

  test('its row 1 deleted: refused in plain words, nothing changed', () => {
    const { s, addon } = setUp(LIST);
    build(addon);
    s.internal(() => s.spreadsheet.getSheetByName(ROSTER)!.deleteRow(1));
    const before = content(s);
    expect(refused(addon)).toMatch(/header row/i);
    expect(content(s)).toBe(before);
  });
});

describe('1. a partner list confirmed in the sidebar, then edited', () => {
  // A list whose columns a person confirmed in step 1 (name in B, ID in A, notes in C), built, one entry made.
  const CONFIRMED = [
    ['Partner ID', 'Organisation', 'About'],
    ['P-1', 'Acme Consulting', 'contractor, invoice monthly'],
    ['P-2', 'Bright Futures Foundation', 'funder'],
    ['P-3', 'Riverside Alliance', 'coalition peer'],
  ];
  const NAMES = ['Acme Consulting', 'Bright Futures Foundation', 'Riverside Alliance'];

  function confirmedAndBuilt(): { s: StandIn; addon: LoadedAddon } {
    const { s, addon } = setUp(CONFIRMED);
    addon.run('chooseList', {
      sheet: 'Partners',
      headerRow: 1,
      nameColumn: 2,
      idColumn: 1,
      descriptionColumns: [3],
    });
    build(addon);
    s.typeInto(ROSTER, rosterCell(s, 'Bright Futures Foundation', 'Notes'), 'met in May');
    return { s, addon };
  }

  /** After the refresh: the same three partners, all In list, suggestions from the notes, the entry kept. */
  function expectNothingLost(s: StandIn): void {
    const rows = roster(s);
    expect(rows.map((r) => [r.Partner, r.Status])).toEqual(NAMES.map((n) => [n, 'In list']));
    expect(partner(s, 'Bright Futures Foundation').Notes).toBe('met in May');
    expect(partner(s, 'Acme Consulting').Suggested).toBe('Contractor');
    expect(partner(s, 'Bright Futures Foundation').Suggested).toBe('Funder');
  }

  test('a column inserted into the list: the confirmed columns are found again by their headers', () => {
    const { s, addon } = confirmedAndBuilt();
    s.internal(() => {
      const list = s.spreadsheet.getSheetByName('Partners')!;
      list.insertColumnBefore(1);
      list.getRange('A1:A4').setValues([['Region'], ['North'], ['South'], ['East']]);
    });
    build(addon);
    expectNothingLost(s);
    expect(roster(s).map((r) => r.ID)).toEqual(['P-1', 'P-2', 'P-3']);
  });

  test('a title row inserted above its header: the header row is found again, never read as a partner', () => {
    const { s, addon } = confirmedAndBuilt();
    s.internal(() => {
      const list = s.spreadsheet.getSheetByName('Partners')!;
      list.insertRowBefore(1);
      list.getRange('A1').setValue('Our partners, 2026');
    });
    build(addon);
    expectNothingLost(s);
    expect(roster(s).map((r) => r.ID)).toEqual(['P-1', 'P-2', 'P-3']);
    const overview = addon.run('getOverview') as { list: { headerRow: number; nameColumn: number } };
    expect(overview.list).toMatchObject({ headerRow: 2, nameColumn: 2 });
  });

  test('its ID column deleted: partners are matched by name, nothing appended, no entry lost', () => {
    const { s, addon } = confirmedAndBuilt();
    s.internal(() => s.spreadsheet.getSheetByName('Partners')!.deleteColumn(1));
    build(addon);
    expectNothingLost(s);
    const overview = addon.run('getOverview') as { list: { nameColumn: number; idColumn: number | null } };
    expect(overview.list).toMatchObject({ nameColumn: 1, idColumn: null });
  });

  test('its name column deleted: refused in plain words, nothing changed', () => {
    const { s, addon } = confirmedAndBuilt();
    s.internal(() => s.spreadsheet.getSheetByName('Partners')!.deleteColumn(2));
    const before = JSON.stringify(s.sheetValues(ROSTER));
    expect(() => build(addon)).toThrow(/"Organisation".*sidebar/);
    expect(JSON.stringify(s.sheetValues(ROSTER))).toBe(before);
  });
});
