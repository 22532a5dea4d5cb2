// The live self-check, offline: test-output/live/Code.js (a copy of dist/Code.js) and SelfCheck.js in one vm
// context with the stand-in, runSelfCheck run as Apps Script would run it. What passes here is what
// `npm run test:live` checks in a real spreadsheet; a broken add-on must be reported as failed, and every run
// must leave the spreadsheet as it found it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { INJECTED_FAULT_MESSAGE } from '../../dev/standin/calls';
import type { StandIn } from '../../dev/standin/index';
import { LIVE_DIR, runSelfCheckOffline, type OfflineRun } from '../../dev/live/offline';
import type { ScenarioReport, SelfCheckReport } from '../../dev/live/report';

/** Every sheet's values and formulas, and the document properties: what "left as it was" compares. */
function state(s: StandIn): string {
  return JSON.stringify({
    sheets: s.sheetNames().map((n) => [n, s.sheetValues(n), s.sheetFormulas(n)]),
    properties: [...s.properties.document],
  });
}

function scenario(report: SelfCheckReport, name: string): ScenarioReport {
  const found = report.scenarios.find((s) => s.name === name);
  if (!found) throw new Error(`no scenario ${name} in ${JSON.stringify(report.summary)}`);
  return found;
}

const failedChecks = (s: ScenarioReport) => s.checks.filter((c) => !c.ok).map((c) => c.name);

/**
 * Breaks an add-on entry point inside the vm context, as a broken build would: after each real call, `after`
 * runs (JavaScript with `r`, the call's result, and `sheetNamed(name)`, a sheet of the active spreadsheet).
 */
function breakAfter(run: Omit<OfflineRun, 'report'>, entry: string, after: string): void {
  const source = `(function () {
    var real = globalThis.${entry};
    var sheetNamed = function (name) { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name); };
    globalThis.${entry} = function () {
      var r = real();
      ${after}
      return r;
    };
  })()`;
  run.standIn.internal(() => vm.runInContext(source, run.addon.context));
}

describe('the shared scenarios in the stand-in', () => {
  let run: OfflineRun;
  beforeAll(() => {
    run = runSelfCheckOffline();
  });

  test('all pass, with every step timed and counted', () => {
    const { report } = run;
    expect(report.summary.join('\n')).not.toContain('FAILED');
    expect(report.ok).toBe(true);
    expect(report.scenarios.map((s) => [s.name, s.ok])).toEqual([
      ['round trip', true],
      ['larger list', true],
      ['timing probes', true],
    ]);
    const roundTrip = scenario(report, 'round trip');
    expect(roundTrip.checks.length).toBeGreaterThan(20);
    expect(roundTrip.steps.filter((s) => s.kind === 'addon').map((s) => s.name)).toEqual([
      'getOverview',
      'chooseList',
      'build the roster',
      'getSegments',
      'renameSegment',
      'refresh the roster',
      'refresh again',
      'generate the summary',
      'generate the summary again',
    ]);
    for (const s of report.scenarios)
      for (const step of s.steps.filter((st) => st.kind !== 'probe')) {
        expect(step.seconds).toBeGreaterThanOrEqual(0);
        expect(step.calls).toBeGreaterThan(0);
        expect(step.cellsWritten).toBeGreaterThanOrEqual(0);
      }
    expect(report.addOnCalls).toBe(9 + 5 + 1);
  });

  test('the timing probes: each what issue #16 lists, around a flush, with what it did', () => {
    const probes = scenario(run.report, 'timing probes').steps.filter((s) => s.kind === 'probe');
    const cells = 301 * 19;
    const rules = 300 * 16;
    expect(probes.map((p) => [p.name, p.units ?? null])).toEqual([
      ['addDeveloperMetadata × 19, one a column', { calls: 19 }],
      ['setValues without the formula columns', { calls: 1, cellsWritten: cells }],
      [
        'setValues with the formula columns',
        { calls: 1, cellsWritten: cells, formulaBytes: expect.any(Number) },
      ],
      ['getValues', { calls: 1, cellsRead: cells }],
      ['getFormulas', { calls: 1, cellsRead: cells }],
      [
        'setValues with the formula columns, then getValues at once (recalculation)',
        { calls: 2, cellsWritten: cells, cellsRead: cells, formulaBytes: expect.any(Number) },
      ],
      ['validations as a grid, one rule a cell', { calls: 1, validationCellsWritten: rules }],
      ['getDataValidations alone', { calls: 1, cellsRead: rules, validationCellsRead: rules }],
      ['getDataValidations and the getters a refresh used to call', null],
      ['validations by block, one rule each (6)', { calls: 6, validationCellsWritten: 6 }],
      ['the closing flush of a write like a build', { calls: 0 }],
    ]);
    // The formula text is the add-on's own: # Segments and Check, about 260 bytes a row here.
    const bytes = probes[2].units!.formulaBytes!;
    expect(bytes / 300).toBeGreaterThan(200);
    expect(bytes / 300).toBeLessThan(320);
    for (const p of probes) {
      expect(p.seconds).toBeGreaterThanOrEqual(0);
      if (p.units && p.name !== 'the closing flush of a write like a build')
        expect(p.flushSeconds).toBeLessThanOrEqual(p.seconds);
    }
    // 8 ticks and Reviewed are checkboxes (2 getters each), 4 dropdowns (3 each), on 300 rows.
    expect(probes[8].getters).toBe(300 * (9 * 2 + 4 * 3));
  });

  test('the probes write as many rows as asked (3,000 and 10,000 in separate executions)', () => {
    const { report } = runSelfCheckOffline({ selfCheck: { only: ['timing probes'], probeRows: 40 } });
    const probes = scenario(report, 'timing probes');
    expect(probes.ok).toBe(true);
    expect(probes.listRows).toBe(41);
    expect(probes.steps.find((p) => p.name === 'getValues')!.units).toEqual({ calls: 1, cellsRead: 41 * 19 });
  });

  test('the larger list times every rule getter a refresh used to call: two a checkbox, three a dropdown or a date rule', () => {
    const probes = scenario(run.report, 'larger list').steps.filter((s) => s.kind === 'probe');
    expect(probes.map((p) => p.name)).toEqual([
      'read every rule of the roster, as a refresh did before issue #16',
    ]);
    // 288 partners (every 25th of 300 rows repeats the one above); 8 segments and Reviewed are checkboxes,
    // Primary segment, Level, Managed like and Status dropdowns, Last contact a date rule.
    expect(probes[0].getters).toBe(288 * (9 * 2 + 4 * 3 + 3));
    expect(probes[0].calls).toBeUndefined();
  });

  test('it cleans up: only the sheet the spreadsheet started with, no document property left', () => {
    const { report, standIn } = run;
    expect(standIn.sheetNames()).toEqual(['Sheet1']);
    expect([...standIn.properties.document.keys()]).toEqual([]);
    expect(scenario(report, 'round trip').cleanup).toEqual({
      deleted: ['Self-check partners', 'Segments', 'Partner Roster', 'Discussion Summary', 'Segment History'],
      leftAlone: [],
      propertiesRestored: 2, // the list settings, and the keywords the summary learned (issue #15)
      kept: false,
    });
  });

  test('the report is plain JSON, as the Apps Script API returns it', () => {
    const { report } = run;
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(typeof report.startedAt).toBe('string');
  });
});

describe('the bundle', () => {
  test('dist/Code.js holds no test code; the live copy is the same add-on with an API-executable manifest', () => {
    const shipping = readFileSync(join('dist', 'Code.js'), 'utf8');
    expect(shipping).not.toMatch(/runSelfCheck|Self-check/);
    expect(readFileSync(join(LIVE_DIR, 'Code.js'), 'utf8')).toBe(shipping);
    const manifest = JSON.parse(readFileSync(join('dist', 'appsscript.json'), 'utf8'));
    expect(JSON.parse(readFileSync(join(LIVE_DIR, 'appsscript.json'), 'utf8'))).toEqual({
      ...manifest,
      executionApi: { access: 'MYSELF' },
    });
  });

  test('SelfCheck.js calls the add-on and holds none of it', () => {
    const selfCheck = readFileSync(join(LIVE_DIR, 'SelfCheck.js'), 'utf8');
    expect(selfCheck).toMatch(/^function runSelfCheck\(options\)/m);
    expect(selfCheck).toContain('buildRosterFromSidebar()');
    // The add-on's own code (its segments, its sheet layer) is only in Code.js.
    expect(selfCheck).not.toMatch(/Implementing partner|createDeveloperMetadataFinder/);
  });
});

describe('a broken add-on is reported, never passed', () => {
  test('a refresh that loses what people typed fails "ticks … kept"; the other scenario still passes', () => {
    const { report, standIn } = runSelfCheckOffline({
      selfCheck: { largerListRows: 40 },
      prepare: (run) =>
        breakAfter(
          run,
          'buildRosterFromSidebar',
          `if (!r.firstBuild) {
              var sheet = sheetNamed(r.rosterSheet);
              var notes = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Notes') + 1;
              sheet.getRange(2, notes, sheet.getLastRow() - 1, 1).clearContent();
            }`,
        ),
    });
    expect(report.ok).toBe(false);
    const roundTrip = scenario(report, 'round trip');
    expect(roundTrip.ok).toBe(false);
    expect(failedChecks(roundTrip)).toEqual(['refresh: ticks, choices and notes kept, following the rename']);
    expect(roundTrip.checks.find((c) => !c.ok)!.detail).toContain('"Met in May"');
    expect(scenario(report, 'larger list').ok).toBe(true);
    expect(report.summary[0]).toMatch(/^FAILED: round trip .*failed: refresh: ticks, choices and notes kept/);
    expect(standIn.sheetNames()).toEqual(['Sheet1']);
  });

  test('# Segments written as a number instead of a live count fails in both scenarios', () => {
    const { report } = runSelfCheckOffline({
      selfCheck: { largerListRows: 40 },
      prepare: (run) =>
        breakAfter(
          run,
          'buildRosterFromSidebar',
          `var sheet = sheetNamed(r.rosterSheet);
            var count = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('# Segments') + 1;
            var range = sheet.getRange(2, count, sheet.getLastRow() - 1, 1);
            range.setValues(range.getValues().map(function () { return [1]; }));`,
        ),
    });
    for (const [name, label] of [
      ['round trip', 'first build'],
      ['larger list', 'build'],
    ]) {
      const failed = failedChecks(scenario(report, name));
      expect(failed).toContain(`${label}: # Segments is a live formula`);
      expect(failed.some((c) => c.endsWith('# Segments equals the ticks'))).toBe(true);
    }
  });

  test('a summary that drops Board notes fails "Board notes kept"', () => {
    const { report } = runSelfCheckOffline({
      selfCheck: { only: ['round trip'] },
      prepare: (run) =>
        breakAfter(
          run,
          'generateSummaryFromSidebar',
          `var sheet = sheetNamed(r.summarySheet);
            var a = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues();
            a.forEach(function (row, i) { if (row[0] === 'Board notes') sheet.getRange(i + 1, 2).setValue(''); });`,
        ),
    });
    expect(report.scenarios.map((s) => s.name)).toEqual(['round trip']);
    expect(failedChecks(scenario(report, 'round trip'))).toEqual([
      'summary again: Board notes kept with their questions',
    ]);
  });

  test('a custom function in the roster fails "no custom function"', () => {
    const { report } = runSelfCheckOffline({
      selfCheck: { only: ['round trip'] },
      prepare: (run) =>
        breakAfter(
          run,
          'buildRosterFromSidebar',
          // Room for it past the roster's columns (a grid of 26 columns is full once Strategic for is there).
          `var sheet = sheetNamed(r.rosterSheet);
            var at = sheet.getLastColumn() + 2;
            if (sheet.getMaxColumns() < at) sheet.insertColumnsAfter(sheet.getMaxColumns(), at - sheet.getMaxColumns());
            sheet.getRange(1, at).setFormula('=PARTNER_SEGMENT("vendor")');`,
        ),
    });
    expect(failedChecks(scenario(report, 'round trip'))).toContain('no custom function in Partner Roster');
  });

  test('an exception inside the add-on stops its scenario, reported with the message; it still cleans up', () => {
    const { report, standIn } = runSelfCheckOffline({
      selfCheck: { largerListRows: 40 },
      prepare: ({ standIn }) => {
        // A Sheets server error part-way through the first build.
        let armed = true;
        standIn.onServiceCall((call) => {
          if (armed && call.className === 'Range' && call.method === 'setValues' && call.index > 60) {
            armed = false;
            standIn.failOnCall(0); // this very write fails, whatever call follows it
          }
        });
      },
    });
    const roundTrip = scenario(report, 'round trip');
    expect(roundTrip.ok).toBe(false);
    expect(roundTrip.error).toContain(INJECTED_FAULT_MESSAGE);
    expect(roundTrip.cleanup.deleted).toContain('Self-check partners');
    expect(scenario(report, 'larger list').ok).toBe(true);
    expect(standIn.sheetNames()).toEqual(['Sheet1']);
    expect([...standIn.properties.document.keys()]).toEqual([]);
  });
});

describe('it never touches sheets it did not make', () => {
  test("other sheets, even one named like the add-on's, are left exactly as they were", () => {
    let before = '';
    const { report, standIn } = runSelfCheckOffline({
      selfCheck: { largerListRows: 30 },
      prepare: ({ standIn }) => {
        standIn.addSheet(
          'Sheet1',
          [
            ['Budget', 2026],
            ['=1+1', 'x'],
          ],
          { formulas: true },
        );
        standIn.addSheet('Partner Roster', [['My own roster'], ['do not touch']]);
        standIn.properties.document.set('someone.else', 'keep');
        before = state(standIn);
      },
    });
    expect(report.ok).toBe(true);
    expect(state(standIn)).toBe(before);
    expect(scenario(report, 'round trip').cleanup.deleted).toContain('Partner Roster (2)');
  });

  test('where the add-on already has its tabs it refuses to start and changes nothing', () => {
    let before = '';
    const { report, standIn } = runSelfCheckOffline({
      prepare: ({ standIn, addon }) => {
        standIn.addSheet('Partners', [
          ['Name', 'Notes'],
          ['Acme', 'vendor'],
        ]);
        addon.run('buildRosterFromSidebar');
        before = state(standIn);
      },
    });
    expect(report.ok).toBe(false);
    for (const s of report.scenarios) {
      expect(s.error).toMatch(/already has Partner Segments tabs \(Segments, Partner Roster\)/);
      expect(s.steps.map((st) => st.name)).toEqual(['getOverview']);
    }
    expect(state(standIn)).toBe(before);
  });
});

describe('npm run test:live', () => {
  test('without a script ID it says what to set up, in plain words, runs no clasp, and exits 1', () => {
    const env = { ...process.env };
    delete env.PARTNER_SEGMENTS_LIVE_SCRIPT_ID;
    const result = spawnSync(process.execPath, ['--import', 'tsx', join('dev', 'live', 'run.ts')], {
      env,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PARTNER_SEGMENTS_LIVE_SCRIPT_ID');
    expect(result.stderr).toContain('dev/live/README.md');
    expect(result.stdout).not.toContain('npx clasp');
  });
});
