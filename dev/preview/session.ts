// One preview document: the stand-in seeded with a partner list CSV, the built add-on (dist/Code.js) loaded in
// it, and what a person can do: run an add-on function (sidebar call or menu item), type into a cell, sort,
// switch tabs, select cells. Everything the add-on showed (alerts, toasts, sidebars) is handed back.
import { join } from 'node:path';
import { createStandIn, type StandIn } from '../standin/index';
import { loadAddon, type LoadedAddon } from '../standin/loader';
import { readCsv } from './csv';
import { plainDataProblem } from './plainData';
import { workbookView, type WorkbookView } from './views';

export interface UiNews {
  alerts: Array<{ title: string | null; prompt: string }>;
  toasts: Array<{ title: string | null; message: string; timeoutSeconds: number | null }>;
  /** True when the add-on opened (or re-opened) its sidebar. */
  sidebarOpened: boolean;
}

export type RunResult =
  { ok: true; value: unknown; news: UiNews } | { ok: false; error: string; news: UiNews };

export interface Session {
  readonly standIn: StandIn;
  /** The add-on's top-level functions: what google.script.run offers the sidebar. */
  readonly entryPoints: string[];
  /** Problems while loading (e.g. onOpen failed), in plain words. */
  readonly problems: string[];
  view(sheet?: string): WorkbookView;
  /** Runs a top-level function, as google.script.run or a menu item does. */
  run(name: string, args: unknown[], from: 'sidebar' | 'menu'): RunResult;
  /** A person types into a cell (strict validation rejects, as in Sheets). */
  type(sheet: string, a1: string, text: string): void;
  sort(sheet: string, column: number, ascending: boolean): void;
  activate(sheet: string): void;
  select(sheet: string, a1: string): void;
  /** The latest sidebar HTML the add-on showed, or null. */
  sidebarHtml(): string | null;
}

export interface SessionOptions {
  csvPath: string;
  root: string;
}

/** Turns an error from the add-on into what Apps Script would show: its message. */
export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as Error).message);
  return String(error);
}

export function createSession({ csvPath, root }: SessionOptions): Session {
  const distDir = join(root, 'dist');
  const csv = readCsv(csvPath);
  const standIn = createStandIn({ distDir, initialSheet: null, spreadsheetName: `${csv.name} (preview)` });
  standIn.addSheet(csv.name, csv.grid);
  standIn.internal(() => standIn.spreadsheet.getSheetByName(csv.name)?.activate());
  const addon: LoadedAddon = loadAddon({ standIn, codePath: join(distDir, 'Code.js') });
  // Only real globals: webpack's inner helpers match "function x(" at a line start but are not top-level.
  const entryPoints = [...new Set(addon.entryPoints)].filter(
    (name) => typeof addon.context[name] === 'function',
  );
  const problems: string[] = [];
  const ui = standIn.ui;
  const seen = { alerts: ui.alerts.length, toasts: ui.toasts.length, sidebars: ui.sidebars.length };

  function news(): UiNews {
    const result: UiNews = {
      alerts: ui.alerts.slice(seen.alerts).map((a) => ({ title: a.title, prompt: a.prompt })),
      toasts: ui.toasts
        .slice(seen.toasts)
        .map((t) => ({ title: t.title, message: t.message, timeoutSeconds: t.timeoutSeconds })),
      sidebarOpened: ui.sidebars.length > seen.sidebars,
    };
    seen.alerts = ui.alerts.length;
    seen.toasts = ui.toasts.length;
    seen.sidebars = ui.sidebars.length;
    return result;
  }

  function run(name: string, args: unknown[], from: 'sidebar' | 'menu'): RunResult {
    if (!entryPoints.includes(name)) {
      // What the sidebar sees in Apps Script when google.script.run has no such function.
      return { ok: false, error: `${name} is not a function`, news: news() };
    }
    try {
      const value = addon.run(name, ...args);
      const problem = from === 'sidebar' ? plainDataProblem(value) : null;
      if (problem)
        return { ok: false, error: `google.script.run cannot return this: ${problem}.`, news: news() };
      return { ok: true, value, news: news() };
    } catch (error) {
      return { ok: false, error: messageOf(error), news: news() };
    }
  }

  // The add-on's menu, as Sheets builds it when the document opens (AuthMode.NONE for an add-on not yet used).
  const scriptApp = standIn.globals.ScriptApp as { AuthMode: Record<string, unknown> };
  const opened = run('onOpen', [{ authMode: scriptApp.AuthMode.NONE, source: standIn.spreadsheet }], 'menu');
  if (!opened.ok) problems.push(`onOpen failed: ${opened.error}`);

  const sheetNamed = (name: string) => {
    const sheet = standIn.internal(() => standIn.spreadsheet.getSheetByName(name));
    if (!sheet) throw new Error(`There is no sheet named ${name}.`);
    return sheet;
  };

  return {
    standIn,
    entryPoints,
    problems,
    view: (sheet) => workbookView(standIn, sheet),
    run,
    type: (sheet, a1, text) => standIn.typeInto(sheet, a1, text),
    sort(sheet, column, ascending) {
      standIn.internal(() => sheetNamed(sheet).sort(column, ascending));
    },
    activate(sheet) {
      standIn.internal(() => sheetNamed(sheet).activate());
    },
    select(sheet, a1) {
      standIn.internal(() => sheetNamed(sheet).getRange(a1).activate());
    },
    sidebarHtml: () => ui.sidebars.at(-1)?.html ?? null,
  };
}
