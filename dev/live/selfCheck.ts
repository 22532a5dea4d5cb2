// The self-check's one top-level Apps Script function, bundled into test-output/live/SelfCheck.js (never into
// dist/Code.js). gas-webpack-plugin turns `global.runSelfCheck = function` into a top-level `function`, so it
// shows in the Apps Script editor's function list and clasp run-function can call it.
import { runScenarios } from './scenarios';
import type { SelfCheckOptions, SelfCheckReport } from './report';

declare const global: Record<string, unknown>;

/**
 * Runs Partner Segments' end-to-end scenarios in this spreadsheet, which must be a scratch one without the
 * add-on's tabs: makes partner lists, builds, ticks, renames, refreshes and generates the summary, checks every
 * outcome, times every step, then deletes every sheet it made. Logs the report and returns it.
 * @param {Object=} options Optional: {only: ["round trip"], keep: true, largerListRows: 300}.
 * @return {Object} The report: ok, scenarios with their checks and timed steps.
 * @preserve
 */
global.runSelfCheck = function (options?: SelfCheckOptions): SelfCheckReport {
  const report = runScenarios(options ?? {});
  for (const line of report.summary) console.log(line);
  // One line of JSON, to copy from the editor's execution log into `npm run test:live -- --report FILE`.
  console.log(JSON.stringify(report));
  return report;
};
