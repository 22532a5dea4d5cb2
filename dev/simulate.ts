// `npm run simulate -- <list.csv | snapshot.json> [--out FILE] [--sheet NAME]`: the headless twin of the sidebar.
// It does what a user does with the default choices (open, detect the list, build or refresh the roster,
// generate the summary) through the real dist/Code.js in the stand-in, prints a short report, and ends with
// one JSON line. Bad input: exit 1, one clear line on stderr, nothing written.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { loadAddon } from './standin/loader';
import { loadCsv, loadSnapshot, saveSnapshot, type Snapshot } from './standin/snapshot';
import type { StandIn } from './standin/index';

interface Args {
  input: string;
  out: string | null;
  sheet: string | null;
}

class InputError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { input: '', out: null, sheet: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out' || a === '--sheet') {
      const v = argv[++i];
      if (!v) throw new InputError(`${a} needs a value.`);
      if (a === '--out') args.out = v;
      else args.sheet = v;
    } else if (a.startsWith('--')) throw new InputError(`Unknown option ${a}.`);
    else if (!args.input) args.input = a;
    else throw new InputError(`Only one input file, please (got "${args.input}" and "${a}").`);
  }
  if (!args.input)
    throw new InputError('Usage: npm run simulate -- <list.csv | snapshot.json> [--out FILE] [--sheet NAME]');
  return args;
}

function load(input: string): StandIn {
  if (!existsSync(input) || !statSync(input).isFile())
    throw new InputError(`Cannot read ${input}: no such file.`);
  const text = readFileSync(input, 'utf8');
  if (text.trim() === '') throw new InputError(`${input} is empty.`);
  if (extname(input).toLowerCase() === '.json') {
    let snapshot: Snapshot;
    try {
      snapshot = JSON.parse(text) as Snapshot;
    } catch (e) {
      throw new InputError(`${input} is not valid JSON: ${(e as Error).message}`);
    }
    if (!snapshot || !Array.isArray(snapshot.sheets))
      throw new InputError(`${input} is not a workbook snapshot (no "sheets").`);
    return loadSnapshot(snapshot);
  }
  try {
    return loadCsv(text, basename(input, extname(input)));
  } catch (e) {
    throw new InputError(`${input} cannot be read as CSV: ${(e as Error).message}`);
  }
}

function main(): number {
  let args: Args;
  let standIn: StandIn;
  try {
    args = parseArgs(process.argv.slice(2));
    standIn = load(args.input);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
  const addon = loadAddon({ standIn });
  standIn.calls.reset();
  let report: Record<string, number | string | boolean>;
  let summary: Record<string, number | string>;
  try {
    addon.run('onOpen', { authMode: 'FULL' });
    if (args.sheet) addon.run('chooseList', { sheet: args.sheet });
    report = addon.run('buildRosterFromSidebar') as typeof report;
    summary = addon.run('generateSummaryFromSidebar') as typeof summary;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 1;
  }
  const result = {
    partners: report.partners,
    segments: report.segments,
    multiSegment: report.multiSegment,
    unsegmented: report.unsegmented,
    new: report.new,
    kept: report.kept,
    notInList: report.notInList,
    strategicTooLight: report.strategicTooLight,
    deepWithoutGoal: report.deepWithoutGoal,
    unknownGoal: report.unknownGoal,
    serviceCalls: standIn.calls.count,
  };
  console.log(`${report.listSummary}.`);
  console.log(
    `${report.firstBuild ? 'Built' : 'Refreshed'} "${report.rosterSheet}": ${report.new} new, ${report.kept} kept, ` +
      `${report.notInList} not in list; ${report.multiSegment} in several segments, ${report.unsegmented} with none, ` +
      `${report.mismatches} managed unlike their segments.`,
  );
  console.log(
    `Goals and levels: ${report.strategicTooLight} strategic for a goal but only at a lighter level, ` +
      `${report.deepWithoutGoal} at the deepest level that no goal needs, ${report.unknownGoal} naming a goal ` +
      'no longer on the Segments tab.',
  );
  console.log(`Generated "${summary.summarySheet}" (${summary.boardNotesKept} Board notes kept).`);
  if (args.out) {
    writeFileSync(args.out, `${JSON.stringify(saveSnapshot(standIn), null, 1)}\n`);
    console.log(`Wrote ${args.out}.`);
  }
  console.log(JSON.stringify(result));
  return 0;
}

process.exitCode = main();
