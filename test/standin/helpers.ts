// Shared helpers for the stand-in's tests: a stand-in with its SpreadsheetApp, and tiny add-ons in temp dirs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStandIn, type StandInOptions } from '../../dev/standin/index';
import { loadAddon } from '../../dev/standin/loader';

export function setup(options: StandInOptions = {}) {
  const standIn = createStandIn(options);
  const app = standIn.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  standIn.calls.reset();
  return { standIn, app, ss, sheet };
}

/** Writes `source` as Code.js (plus optional html files) in a temp dir and loads it. */
export function loadSource(source: string, options: StandInOptions = {}, files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'standin-'));
  writeFileSync(join(dir, 'Code.js'), source);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const standIn = createStandIn({ distDir: dir, ...options });
  const addon = loadAddon({ standIn, codePath: join(dir, 'Code.js') });
  return { standIn, addon, dir };
}

/** Asserts `fn` throws an Apps Script Exception with exactly `message`. */
export function expectException(fn: () => unknown, message: string) {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeDefined();
  expect((caught as Error).name).toBe('Exception');
  expect((caught as Error).message).toBe(message);
}
