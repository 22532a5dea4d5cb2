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
