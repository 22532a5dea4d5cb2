// Runs the self-check offline: test-output/live/Code.js and SelfCheck.js loaded into one node:vm context
// with the stand-in, as Apps Script loads a project's files into one global scope, then runSelfCheck called as
// one execution. Used by test/live/selfCheck.test.ts and by `npm run test:live` (first as a pre-flight, then
// for the call counts that turn live seconds into seconds per service call).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { createStandIn, type StandIn, type StandInOptions } from '../standin/index';
import { loadAddon, type LoadedAddon } from '../standin/loader';
import type { SelfCheckOptions, SelfCheckReport } from './report';

/** Where npm run build writes the bundle for a scratch project (dev/build/build.mjs). */
export const LIVE_DIR = join('test-output', 'live');

/** Loads Code.js, then SelfCheck.js into the same context. */
export function loadWithSelfCheck(standIn: StandIn, dir: string = LIVE_DIR): LoadedAddon {
  const addon = loadAddon({
    standIn,
    codePath: join(dir, 'Code.js'),
    require: ['buildRosterFromSidebar', 'generateSummaryFromSidebar', 'getSegments', 'renameSegment'],
  });
  const path = join(dir, 'SelfCheck.js');
  const source = readFileSync(path, 'utf8');
  // The self-check adds one global, runSelfCheck, and replaces none of the add-on's.
  const global = addon.context as Record<string, unknown>;
  const before = new Map(Object.getOwnPropertyNames(global).map((k) => [k, global[k]]));
  standIn.runExecution(() => vm.runInContext(source, addon.context, { filename: path }));
  const added = Object.getOwnPropertyNames(global).filter((k) => !before.has(k));
  const replaced = [...before].filter(([k, v]) => !Object.is(global[k], v)).map(([k]) => k);
  if (added.join() !== 'runSelfCheck' || replaced.length > 0) {
    throw new Error(
      `${path} must add the global runSelfCheck alone; it added ${added.join(', ') || 'nothing'}` +
        (replaced.length ? ` and replaced ${replaced.join(', ')}` : ''),
    );
  }
  return { ...addon, entryPoints: [...addon.entryPoints, ...added] };
}

export interface OfflineRun {
  report: SelfCheckReport;
  standIn: StandIn;
  addon: LoadedAddon;
}

export interface OfflineOptions {
  dir?: string;
  /** Sheets the spreadsheet starts with (default: one blank "Sheet1", as a new spreadsheet). */
  sheets?: string[];
  standIn?: StandInOptions;
  selfCheck?: Omit<SelfCheckOptions, 'counter'>;
  /** Runs after loading, before the self-check: to tamper with the add-on in tests. */
  prepare?: (run: Omit<OfflineRun, 'report'>) => void;
}

/** A fresh stand-in spreadsheet, the add-on and the self-check loaded, runSelfCheck run with a call counter. */
export function runSelfCheckOffline(options: OfflineOptions = {}): OfflineRun {
  const [first = 'Sheet1', ...others] = options.sheets ?? [];
  const standIn = createStandIn({
    initialSheet: first,
    distDir: options.dir ?? LIVE_DIR,
    spreadsheetName: 'Self-check scratch',
    ...options.standIn,
  });
  // Sheets named after a live run's: not blank, so the add-on never takes one over as a leftover of its own.
  for (const name of others) standIn.addSheet(name, [['x']]);
  const addon = loadWithSelfCheck(standIn, options.dir);
  options.prepare?.({ standIn, addon });
  const counter = () => ({ calls: standIn.calls.count, cellsWritten: standIn.calls.cellsWritten });
  // The report crosses as JSON, as it does through the Apps Script API.
  const report = JSON.parse(
    JSON.stringify(addon.run('runSelfCheck', { ...options.selfCheck, counter })),
  ) as SelfCheckReport;
  return { report, standIn, addon };
}
