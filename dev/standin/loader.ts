// Loads the built add-on (dist/Code.js) the way Apps Script runs it: one script, one global scope, in a fresh
// node:vm context per load, with the stand-in's services as globals.
// https://developers.google.com/apps-script/guides/v8-runtime (one global scope shared by all files)
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import type { StandIn } from './index';
import { contextRealm } from './realm';

export interface LoadOptions {
  standIn: StandIn;
  codePath?: string;
  /** Top-level functions that must exist (menu handlers, sidebar entry points…). */
  require?: string[];
}

export interface LoadedAddon {
  context: vm.Context;
  /** Calls a top-level function as one execution, arguments copied into the add-on's realm. */
  run(name: string, ...args: unknown[]): unknown;
  /** Deep-copies a host value into the add-on's realm. */
  toRealm<T>(value: T): T;
  /** Names of the top-level `function` declarations in the source. */
  entryPoints: string[];
  /** Names of the functions whose JSDoc has @customfunction. */
  customFunctions: string[];
}

/** Top-level function declarations (`function NAME(` at the start of a line). */
export function topLevelFunctions(source: string): string[] {
  return [...source.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)].map((m) => m[1]);
}

/** Top-level functions whose JSDoc comment, right before the declaration, contains @customfunction. */
export function customFunctionNames(source: string): string[] {
  const names: string[] = [];
  const re = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n?function\s+([A-Za-z_$][\w$]*)\s*\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    const start = source.lastIndexOf('\n', m.index) + 1;
    if (source.slice(start, m.index).trim() !== '') continue;
    if (/@customfunction\b/.test(m[1])) names.push(m[2]);
  }
  return names;
}

export function loadAddon({ standIn, codePath = 'dist/Code.js', require = [] }: LoadOptions): LoadedAddon {
  const source = readFileSync(codePath, 'utf8');
  // An ordinary global object, as Apps Script's V8 has (vm.constants.DONT_CONTEXTIFY; a Node without it gets a
  // contextified one). A contextified global answers every global lookup (String, Map, Array.isArray,
  // SpreadsheetApp…) through a C++ interceptor: a loop comparing 40,000 dropdown lists with String() took 66 ms
  // instead of 21, and the bench charged that to the add-on's compute.
  // https://nodejs.org/api/vm.html#vmconstantsdont_contextify
  const ordinary = (vm.constants as { DONT_CONTEXTIFY?: unknown } | undefined)?.DONT_CONTEXTIFY;
  const context = vm.createContext((ordinary ?? {}) as vm.Context) as vm.Context & Record<string, unknown>;
  const realm = contextRealm(context);
  standIn.setRealm(realm);
  for (const [name, value] of Object.entries(standIn.globals)) context[name] = value;
  const entryPoints = topLevelFunctions(source);
  const missing = require.filter((name) => !entryPoints.includes(name));
  if (missing.length > 0) throw new Error(`${codePath} has no top-level function ${missing.join(', ')}`);
  standIn.runExecution(() => vm.runInContext(source, context, { filename: codePath }));

  const customFunctions = customFunctionNames(source);
  standIn.setCustomFunctions(
    new Map(
      customFunctions.map((name) => [
        name,
        (...args: unknown[]) => (context[name] as (...a: unknown[]) => unknown)(...args),
      ]),
    ),
  );

  return {
    context,
    entryPoints,
    customFunctions,
    toRealm: (value) => realm.toRealm(value),
    run(name, ...args) {
      const fn = context[name];
      if (typeof fn !== 'function') throw new Error(`${codePath} defines no function ${name}`);
      const realmArgs = realm.toRealm(args);
      return standIn.runExecution(() => realm.fromRealm((fn as (...a: unknown[]) => unknown)(...realmArgs)));
    },
  };
}
