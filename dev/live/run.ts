// `npm run test:live`: the end-to-end scenarios in a real spreadsheet. Runs them offline first (the same
// test-output/live bundle in the stand-in; a failure there stops everything), pushes test-output/live/ to a scratch Apps Script
// project with clasp, runs runSelfCheck there with clasp run-function, prints the report and the measured
// seconds per service call. Not run in CI: it needs a Google account. dev/live/README.md has the set-up.
//
//   PARTNER_SEGMENTS_LIVE_SCRIPT_ID=… npm run test:live [-- --only NAME] [--keep] [--rows N] [--push-only]
//   npm run test:live -- --offline            the scenarios in the stand-in only
//   npm run test:live -- --report FILE        a report copied from the Apps Script editor's log
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deriveTiming, fitProbes, formatProbes, formatTiming } from './model';
import { LIVE_DIR, runSelfCheckOffline } from './offline';
import type { SelfCheckOptions, SelfCheckReport } from './report';

const ENV_SCRIPT = 'PARTNER_SEGMENTS_LIVE_SCRIPT_ID';
const ENV_DEPLOYMENT = 'PARTNER_SEGMENTS_LIVE_DEPLOYMENT_ID';
const ENV_USER = 'PARTNER_SEGMENTS_LIVE_USER';
const REPORT_OUT = join('test-output', 'live-report.json');

class UsageError extends Error {}

interface Args {
  offline: boolean;
  pushOnly: boolean;
  report: string | null;
  options: Omit<SelfCheckOptions, 'counter'>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { offline: false, pushOnly: false, report: null, options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value.`);
      return v;
    };
    if (a === '--offline') args.offline = true;
    else if (a === '--push-only') args.pushOnly = true;
    else if (a === '--report') args.report = value();
    else if (a === '--only') args.options.only = [...(args.options.only ?? []), value()];
    else if (a === '--keep') args.options.keep = true;
    else if (a === '--rows') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 5000)
        throw new UsageError('--rows takes a whole number, 1 to 5000.');
      args.options.largerListRows = n;
    } else if (a === '--probe-rows') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 10000)
        throw new UsageError('--probe-rows takes a whole number, 1 to 10000 (issue #16: 300, 3000, 10000).');
      args.options.probeRows = n;
    } else throw new UsageError(`Unknown option ${a}. See dev/live/README.md.`);
  }
  return args;
}

const SETUP = `npm run test:live runs the end-to-end scenarios in a real Google spreadsheet, through a
scratch Apps Script project, and reports how long each step took there. It needs an environment variable:

  ${ENV_SCRIPT}   the Script ID of an Apps Script project bound to a scratch
                                    spreadsheet (a new, blank one is best; never one you care about:
                                    the push replaces that project's code, and the self-check adds
                                    and deletes sheets in it)

Set up once (dev/live/README.md has every step):
  1. npx clasp login, and turn on the Apps Script API at https://script.google.com/home/usersettings
  2. Make a new spreadsheet; Extensions › Apps Script; Project Settings › IDs › copy the Script ID.
  3. For clasp run-function: link that script to a standard Google Cloud project, make a Desktop OAuth
     client there, log in to clasp with the script's scopes, and deploy the script as an API executable.
Then:
  ${ENV_SCRIPT}=<script id> npm run test:live
  optional: ${ENV_DEPLOYMENT}=<API-executable deployment id>
            ${ENV_USER}=<the clasp --user name of that login>

Without step 3: npm run test:live -- --push-only, run runSelfCheck in the Apps Script editor, copy the
JSON line of its log into a file, then: npm run test:live -- --report that-file.json
Without Google at all: npm run test:live -- --offline`;

function printReport(report: SelfCheckReport, where: string): void {
  console.log(
    `\n${where}: ${report.ok ? 'all scenarios passed' : 'FAILED'} (${report.seconds.toFixed(1)} s)`,
  );
  for (const line of report.summary) console.log(`  ${line}`);
  for (const s of report.scenarios) {
    for (const c of s.checks.filter((c) => !c.ok)) {
      console.log(`  ✗ ${s.name}: ${c.name}${c.detail ? ` — ${c.detail}` : ''}`);
    }
    if (s.error) console.log(`  ✗ ${s.name} stopped: ${s.error}`);
    if (s.cleanup.leftAlone.length)
      console.log(`  ${s.name}: sheets left alone: ${s.cleanup.leftAlone.join(', ')}`);
    if (s.cleanup.kept) console.log(`  ${s.name}: its sheets were kept (--keep); delete them by hand.`);
  }
}

/** The options a report was run with, as far as they change the add-on's calls: the scenarios and list size. */
function optionsOf(report: SelfCheckReport): Omit<SelfCheckOptions, 'counter'> {
  const ran = report.scenarios.filter((s) => s.steps.length > 0);
  const larger = ran.find((s) => s.name === 'larger list');
  const probes = ran.find((s) => s.name === 'timing probes');
  return {
    only: ran.map((s) => s.name),
    ...(larger ? { largerListRows: larger.listRows - 1 } : {}),
    ...(probes ? { probeRows: probes.listRows - 1 } : {}),
  };
}

/** The stand-in's counts for the same steps in a spreadsheet with the same sheets, then the fit. */
function printTiming(live: SelfCheckReport, offline?: SelfCheckReport): void {
  const same =
    offline &&
    JSON.stringify([offline.sheetsBefore, optionsOf(offline)]) ===
      JSON.stringify([live.sheetsBefore, optionsOf(live)]);
  const counts = same
    ? offline
    : runSelfCheckOffline({ sheets: live.sheetsBefore, selfCheck: optionsOf(live) }).report;
  console.log(`\nSeconds per step there, with the stand-in's call counts for the same steps:\n`);
  console.log(formatTiming(deriveTiming(live, counts)));
  const probes = fitProbes(live);
  if (probes) console.log(`\n${formatProbes(probes)}`);
}

function readReport(file: string): SelfCheckReport {
  if (!existsSync(file)) throw new UsageError(`Cannot read ${file}: no such file.`);
  const text = readFileSync(file, 'utf8');
  // A line copied from the editor's log may carry its time and level before the JSON.
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  try {
    const report = JSON.parse(text.slice(start, end + 1)) as SelfCheckReport;
    if (!Array.isArray(report.scenarios)) throw new Error('no "scenarios"');
    return report;
  } catch (e) {
    throw new UsageError(`${file} does not hold a self-check report: ${(e as Error).message}`);
  }
}

/** The project's own clasp (package.json pins it), run with this node: no npx look-up. */
const CLASP = resolve('node_modules', '@google', 'clasp', 'build', 'src', 'index.js');

function clasp(args: string[], capture: boolean) {
  const user = process.env[ENV_USER];
  const full = [...(user ? ['--user', user] : []), ...args];
  console.log(`\n$ npx clasp ${full.join(' ')}`);
  return spawnSync(process.execPath, [CLASP, ...full], {
    encoding: 'utf8',
    stdio: capture ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    maxBuffer: 64 * 1024 * 1024,
  });
}

const HINTS = `If clasp run-function failed:
  - "Script function not found … deployed as API executable": deploy the script once as an API executable
    (dev/live/README.md, step 8). If it still fails, set ${ENV_DEPLOYMENT} to that deployment's ID: the
    Apps Script API may want the deployment ID where clasp sends the script ID
    (https://github.com/google/clasp/issues/1169).
  - "permission" / "not authorized": log in with the script's scopes, with the OAuth client of the Cloud
    project linked to the script (README steps 5 to 7), and name that login in ${ENV_USER}.
  - Or run runSelfCheck from the editor and use --report (README, "From the editor").`;

function runLive(args: Args, scriptId: string): number {
  if (!existsSync(join(LIVE_DIR, 'SelfCheck.js')))
    throw new UsageError(`No ${LIVE_DIR}/: run npm run build first.`);
  const shipping = existsSync('.clasp.json')
    ? (JSON.parse(readFileSync('.clasp.json', 'utf8')).scriptId as string)
    : '';
  if (scriptId === shipping) {
    throw new UsageError(
      `${ENV_SCRIPT} is the project in .clasp.json (the one npm run deploy pushes to). Use a scratch ` +
        'project bound to a spreadsheet of its own: the push replaces all its code.',
    );
  }

  console.log('Offline first: the same scenarios in the stand-in.');
  const preflight = runSelfCheckOffline({ selfCheck: { ...args.options, keep: false } }).report;
  printReport(preflight, 'Stand-in');
  if (!preflight.ok) {
    console.error('\nThe scenarios fail offline; fix that first. Nothing was pushed.');
    return 1;
  }

  // Absolute: clasp 3 refuses a relative project directory (its content directory resolves outside it).
  const liveDir = resolve(LIVE_DIR);
  writeFileSync(join(liveDir, '.clasp.json'), `${JSON.stringify({ scriptId, rootDir: '.' }, null, 2)}\n`);
  const push = clasp(['--project', liveDir, 'push', '--force'], false);
  if (push.status !== 0) {
    console.error(`\nclasp push failed. Logged in (npx clasp login)? Is ${ENV_SCRIPT} right?`);
    return 1;
  }

  if (args.pushOnly) {
    console.log(
      '\nPushed. Run runSelfCheck from the Apps Script editor, then use --report (dev/live/README.md).',
    );
    return 0;
  }

  const deployment = process.env[ENV_DEPLOYMENT];
  let project = liveDir;
  const runArgs = ['run-function', 'runSelfCheck'];
  if (deployment) {
    // A new version of what was just pushed, behind the same API-executable deployment, run by its ID.
    const redeploy = clasp(
      ['--project', liveDir, 'update-deployment', deployment, '--description', 'Partner Segments self-check'],
      false,
    );
    if (redeploy.status !== 0) {
      console.error(`\nclasp update-deployment failed. Is ${ENV_DEPLOYMENT} a deployment of ${ENV_SCRIPT}?`);
      return 1;
    }
    project = join(liveDir, '.deployment');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, '.clasp.json'), `${JSON.stringify({ scriptId: deployment }, null, 2)}\n`);
    runArgs.push('--nondev');
  }
  if (Object.keys(args.options).length > 0) runArgs.push('--params', JSON.stringify([args.options]));
  const run = clasp(['--project', project, '--json', ...runArgs], true);
  let output: { response?: SelfCheckReport; error?: { code?: number; message?: string; details?: unknown } };
  try {
    output = JSON.parse(run.stdout);
  } catch {
    console.error(`\n${run.stdout ?? ''}${run.stderr ?? ''}`.trimEnd());
    console.error(`\nclasp run-function gave no report.\n${HINTS}`);
    return 1;
  }
  if (output.error || !output.response) {
    console.error(`\nrunSelfCheck failed there: ${JSON.stringify(output.error ?? 'no response', null, 2)}`);
    console.error(HINTS);
    return 1;
  }
  const report = output.response;
  mkdirSync('test-output', { recursive: true });
  writeFileSync(REPORT_OUT, `${JSON.stringify(report, null, 2)}\n`);
  printReport(report, 'Apps Script');
  printTiming(report, preflight);
  console.log(`\nThe whole report: ${REPORT_OUT}`);
  return report.ok ? 0 : 1;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  if (args.report) {
    const report = readReport(args.report);
    printReport(report, `Report ${args.report}`);
    printTiming(report);
    return report.ok ? 0 : 1;
  }
  if (args.offline) {
    const { report } = runSelfCheckOffline({ selfCheck: { ...args.options, keep: false } });
    printReport(report, 'Stand-in');
    return report.ok ? 0 : 1;
  }
  const scriptId = (process.env[ENV_SCRIPT] ?? '').trim();
  if (!scriptId) {
    console.error(SETUP);
    return 1;
  }
  if (!/^[\w-]{20,}$/.test(scriptId)) {
    throw new UsageError(
      `${ENV_SCRIPT} does not look like a Script ID (Apps Script editor › Project Settings › IDs).`,
    );
  }
  return runLive(args, scriptId);
}

try {
  process.exitCode = main();
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  console.error(e.message);
  process.exitCode = 1;
}
