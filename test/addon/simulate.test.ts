// `npm run simulate` as a user runs it: a CSV in, a report and one JSON line out, a snapshot that the schema
// accepts and that loads back; bad input refused in one line, nothing written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';

const dir = mkdtempSync(join(tmpdir(), 'simulate-'));

function simulate(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'dev/simulate.ts', ...args], {
    encoding: 'utf8',
  });
  const lines = run.stdout.trim().split('\n');
  return {
    status: run.status,
    stderr: run.stderr,
    lines,
    json: run.status === 0 ? JSON.parse(lines[lines.length - 1]) : null,
  };
}

function csv(name: string, n: number): string {
  const path = join(dir, name);
  const rows = ['Organization,Partner ID,Relationship'];
  for (let i = 0; i < n; i++)
    rows.push(`Org ${i},P${i},${['vendor', 'grant funder', 'volunteer club', '=1+1'][i % 4]}`);
  writeFileSync(path, rows.join('\n'));
  return path;
}

describe('npm run simulate', () => {
  test('builds from a CSV, writes a snapshot the schema accepts, and a second run refreshes it', () => {
    const out = join(dir, 'out.json');
    const first = simulate(csv('partners.csv', 50), '--out', out);
    expect(first.status).toBe(0);
    expect(first.json).toMatchObject({ partners: 50, segments: 8, new: 50, kept: 0, notInList: 0 });
    const snapshot = JSON.parse(readFileSync(out, 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(
      JSON.parse(readFileSync('dev/snapshot.schema.json', 'utf8')),
    );
    const valid = validate(snapshot);
    expect(validate.errors).toBeNull();
    expect(valid).toBe(true);
    // Nothing from the list's text became a formula.
    const list = snapshot.sheets.find((s: { name: string }) => s.name === 'partners');
    expect(list.values[4][2]).toBe('=1+1');
    const again = simulate(out);
    expect(again.json).toMatchObject({ partners: 50, new: 0, kept: 50 });
  }, 60000);

  test('the summary lists exactly the multi-segment partners and mismatches; a Board note typed into the snapshot survives another run', () => {
    const out = join(dir, 'summary.json');
    const list = join(dir, 'board.csv');
    const kinds = [
      'vendor',
      'grant foundation and advisory council',
      'volunteer club',
      'coalition peer, city of Ames',
    ];
    writeFileSync(
      list,
      [
        'Organization,Relationship',
        ...Array.from({ length: 40 }, (_, i) => `Org ${i},"${kinds[i % 4]}"`),
      ].join('\n'),
    );
    expect(simulate(list, '--out', out).status).toBe(0);
    type Sheet = { name: string; values: unknown[][]; formulas: string[][] };
    const sheets = (): Sheet[] => JSON.parse(readFileSync(out, 'utf8')).sheets;
    const byName = (name: string) => sheets().find((sh) => sh.name === name) as Sheet;

    // Someone picks "Managed like" on the roster in the snapshot: a Contractor managed like a Funder.
    const edited = JSON.parse(readFileSync(out, 'utf8'));
    const roster = edited.sheets.find((sh: Sheet) => sh.name === 'Partner Roster') as Sheet;
    const header = roster.values[0] as string[];
    const managed = header.indexOf('Managed like');
    const contractor = roster.values.findIndex((r) => r[header.indexOf('Contractor')] === true);
    roster.values[contractor][managed] = 'Funder';
    // …and a Board note under the second question.
    const summary = edited.sheets.find((sh: Sheet) => sh.name === 'Discussion Summary') as Sheet;
    const notesRows = summary.values.flatMap((r, i) => (r[0] === 'Board notes' ? [i] : []));
    summary.values[notesRows[1]][1] = 'We manage funders well; "vendors" less so.';
    writeFileSync(out, JSON.stringify(edited));

    expect(simulate(out, '--out', out).status).toBe(0);
    const rows = byName('Partner Roster').values;
    // The segments as the Segments tab lists them (column A below its header).
    const segmentNames = byName('Segments')
      .values.slice(1)
      .map((r) => String(r[0]))
      .filter((n) => n !== '');
    expect(segmentNames).toHaveLength(8);
    const cols = segmentNames.map((n) => (rows[0] as string[]).indexOf(n));
    const multi = rows
      .slice(1)
      .filter((r) => cols.filter((c) => r[c] === true).length > 1)
      .map((r) => String(r[0]));
    const text = byName('Discussion Summary').values.map((r) => String(r[0]));
    const q1 = text.indexOf(
      'Do we have any partners who fall into more than one segment? What does that tell us about those partners?',
    );
    const listed = text
      .slice(q1 + 1, text.indexOf('Board notes', q1))
      .filter((l) => l.startsWith('• '))
      .map((l) => l.slice(2).split(':')[0]);
    expect(multi.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual([...multi].sort());
    // Exactly one mismatch: the partner just set to "Managed like: Funder".
    const q3 = text.indexOf('Where could we improve?');
    const mismatches = text
      .slice(q3 + 1, text.indexOf('Board notes', q3))
      .filter((l) => l.includes('managed like'));
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toContain(String(rows[contractor][0]));
    const notes = byName('Discussion Summary')
      .values.filter((r) => r[0] === 'Board notes')
      .map((r) => r[1]);
    expect(notes).toEqual(['', 'We manage funders well; "vendors" less so.', '', '', '']);
    // No cell of the roster or the summary calls a custom function.
    for (const name of ['Partner Roster', 'Discussion Summary'])
      expect(
        byName(name)
          .formulas.flat()
          .filter((f) => /PARTNER_SEGMENT|SEGMENT_HOW_TO_MANAGE/i.test(f)),
      ).toEqual([]);
  }, 60000);

  test('a snapshot with goals and edited levels gives the investment flags, in Check and in the summary', () => {
    type Sheet = { name: string; values: unknown[][]; formulas: string[][] };
    const out = join(dir, 'goals.json');
    expect(simulate(csv('goals.csv', 12), '--out', out).status).toBe(0);
    const edited = JSON.parse(readFileSync(out, 'utf8'));
    const sheet = (name: string) => edited.sheets.find((sh: Sheet) => sh.name === name) as Sheet;
    // Someone writes two goals and their own five levels on the Segments tab, lightest first…
    const tab = sheet('Segments');
    const tabHeader = tab.values[0] as string[];
    const goal = tabHeader.indexOf('Goal');
    const level = tabHeader.indexOf('Level');
    tab.values[1][goal] = 'Housing';
    tab.values[2][goal] = 'Clean river';
    ['Aware', 'Informing', 'Aligned', 'Joint', 'Integrated'].forEach((name, i) => {
      tab.values[i + 1][level] = name;
      tab.values[i + 1][level + 1] = '';
    });
    // …and chooses on the roster: light but strategic, deepest with no goal, the middle level, a goal not there.
    const roster = sheet('Partner Roster');
    const header = roster.values[0] as string[];
    const choose = (row: number, lvl: string, strategic: string) => {
      roster.values[row][header.indexOf('Level')] = lvl;
      roster.values[row][header.indexOf('Strategic for')] = strategic;
    };
    choose(1, 'Informing', 'Housing'); // flagged: the lighter half of five is its first two
    choose(2, 'Aligned', 'Housing'); // the middle of five: neither half
    choose(3, 'Integrated', ''); // flagged: the deepest, no goal
    choose(4, 'Integrated', 'Clean river');
    choose(5, 'Aware', 'Roads'); // not a goal on the tab: kept and flagged
    writeFileSync(out, JSON.stringify(edited));

    const run = simulate(out, '--out', out);
    expect(run.status).toBe(0);
    expect(run.json).toMatchObject({ strategicTooLight: 1, deepWithoutGoal: 1, unknownGoal: 1 });
    expect(run.lines.join('\n')).toMatch(
      /1 strategic for a goal but only at a lighter level, 1 at the deepest/,
    );
    const after = JSON.parse(readFileSync(out, 'utf8'));
    const rows = (after.sheets.find((sh: Sheet) => sh.name === 'Partner Roster') as Sheet).values;
    const check = (row: number) => String(rows[row][header.indexOf('Check')]);
    expect(check(1)).toContain('Strategic for Housing but only Informing');
    expect(check(2)).not.toMatch(/Strategic for|no goal/);
    expect(check(3)).toContain('At Integrated but no goal needs it');
    expect(check(4)).not.toMatch(/Strategic for|no goal/);
    expect(check(5)).toContain('Strategic for Roads, not a goal on the Segments tab');
    expect(rows[5][header.indexOf('Strategic for')]).toBe('Roads');
    const text = (after.sheets.find((sh: Sheet) => sh.name === 'Discussion Summary') as Sheet).values.map(
      (r) => String(r[0]),
    );
    expect(text).toContain(`• ${rows[1][0]}: strategic for Housing but only Informing`);
    expect(text).toContain(`• ${rows[3][0]}: at Integrated but no goal needs it`);
  }, 60000);

  test('a Last contact and an Owner typed into a snapshot survive another run: the date as {"date": ISO}', () => {
    const out = join(dir, 'upkeep.json');
    expect(simulate(csv('upkeep.csv', 12), '--out', out).status).toBe(0);
    type Sheet = { name: string; values: unknown[][]; formulas: string[][] };
    const rosterOf = (path: string) =>
      (JSON.parse(readFileSync(path, 'utf8')).sheets as Sheet[]).find((sh) => sh.name === 'Partner Roster')!;
    const edited = JSON.parse(readFileSync(out, 'utf8'));
    const roster = (edited.sheets as Sheet[]).find((sh) => sh.name === 'Partner Roster')!;
    const header = roster.values[0] as string[];
    const [owner, last, next] = ['Owner', 'Last contact', 'Next review'].map((h) => header.indexOf(h));
    // Org 0 is a vendor: a Contractor, reviewed every 3 months.
    roster.values[1][owner] = 'Dana';
    roster.values[1][last] = { date: '2026-01-10T00:00:00.000Z' };
    writeFileSync(out, JSON.stringify(edited));
    const again = join(dir, 'upkeep-again.json');
    expect(simulate(out, '--out', again).status).toBe(0);
    const row = rosterOf(again).values[1];
    expect([row[0], row[owner], row[last]]).toEqual(['Org 0', 'Dana', { date: '2026-01-10T00:00:00.000Z' }]);
    // 2026-04-10 as a day number: Next review computed from the date read back.
    expect(row[next]).toBe((Date.UTC(2026, 3, 10) - Date.UTC(1899, 11, 30)) / 86400000);
  }, 90000);

  test('service calls for 2,000 partners are at most 5 above those for 50', () => {
    const small = simulate(csv('small.csv', 50)).json.serviceCalls;
    const large = simulate(csv('large.csv', 2000)).json.serviceCalls;
    expect(large - small).toBeLessThanOrEqual(5);
  }, 120000);

  test.each([
    ['a missing file', join(dir, 'nope.csv'), /no such file/],
    [
      'an empty file',
      (() => (writeFileSync(join(dir, 'empty.csv'), ''), join(dir, 'empty.csv')))(),
      /is empty/,
    ],
    [
      'a header and no partners',
      (() => (writeFileSync(join(dir, 'h.csv'), 'Name,Notes\n'), join(dir, 'h.csv')))(),
      /partner/i,
    ],
  ])(
    '%s exits 1 with one clear line and writes nothing',
    (_what, input, message) => {
      const out = join(dir, `never-${Math.random()}.json`);
      const run = simulate(input, '--out', out);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    },
    60000,
  );
});
