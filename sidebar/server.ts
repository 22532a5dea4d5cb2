// The sidebar's one door to the server: gas-client's promise wrapper over google.script.run, typed by the
// ServerFunctions boundary in src/api.ts. Every call settles: a failure becomes an Error in plain words, and a
// call that never answers (which Apps Script should not allow past its 6-minute limit) times out.
import { GASClient } from 'gas-client';
import type { ServerFunctions } from '../src/api';

type Promised<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
export type Server = { [K in keyof ServerFunctions]: Promised<ServerFunctions[K]> };

// gas-client wants a type with an index signature; an interface has none, a mapped copy of it does.
type FunctionMap = Pick<ServerFunctions, keyof ServerFunctions>;

const NO_ANSWER_MS = 7 * 60 * 1000;

let client: GASClient<FunctionMap> | null = null;

function serverFunction(name: keyof ServerFunctions): ((...args: unknown[]) => Promise<unknown>) | null {
  // Outside Google Sheets (and the local preview) there is no google.script.run; gas-client would then wait for
  // a development server that is not there, so we say so instead of waiting forever.
  const google = (window as unknown as { google?: { script?: { run?: unknown } } }).google;
  if (!google?.script?.run) return null;
  client ??= new GASClient<FunctionMap>();
  const fn = (client.serverFunctions as Record<string, unknown>)[name];
  return typeof fn === 'function' ? (fn as (...args: unknown[]) => Promise<unknown>) : null;
}

/** The server's message without the "Exception: " or "Error: " prefix Apps Script may put in front. */
export function plainMessage(error: unknown): string {
  const text =
    error instanceof Error
      ? error.message
      : typeof error === 'object' &&
          error !== null &&
          typeof (error as { message?: unknown }).message === 'string'
        ? (error as { message: string }).message
        : String(error);
  const trimmed = text.replace(/^\s*(?:(?:Script)?Error|Exception|TypeError):\s*/i, '').trim();
  return trimmed || 'Something went wrong. Please try again.';
}

function call<K extends keyof ServerFunctions>(
  name: K,
  args: unknown[],
): Promise<ReturnType<ServerFunctions[K]>> {
  const fn = serverFunction(name);
  if (!fn) {
    const google = (window as unknown as { google?: unknown }).google;
    return Promise.reject(
      new Error(
        google
          ? `The add-on's server has no function ${name} yet (${name} is not a function).`
          : 'This page only works inside Google Sheets or the local preview.',
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(
      () => reject(new Error('Google Sheets did not answer. Reload the sidebar and try again.')),
      NO_ANSWER_MS,
    );
    fn(...args).then(
      (value) => {
        window.clearTimeout(timer);
        resolve(value as ReturnType<ServerFunctions[K]>);
      },
      (error: unknown) => {
        window.clearTimeout(timer);
        reject(new Error(plainMessage(error)));
      },
    );
  });
}

export const server: Server = {
  getOverview: () => call('getOverview', []),
  previewList: (choice) => call('previewList', [choice]),
  chooseList: (choice) => call('chooseList', [choice]),
  showHelp: () => call('showHelp', []),
  getSegments: () => call('getSegments', []),
  addSegment: (name) => call('addSegment', [name]),
  renameSegment: (id, name) => call('renameSegment', [id, name]),
  removeSegment: (id) => call('removeSegment', [id]),
  addKeyword: (id, keyword) => call('addKeyword', [id, keyword]),
  describeSegment: (id, definition, howToManage, keywords) =>
    call('describeSegment', [id, definition, howToManage, keywords]),
  removeKeyword: (id, keyword) => call('removeKeyword', [id, keyword]),
  addGoal: (name) => call('addGoal', [name]),
  renameGoal: (id, name) => call('renameGoal', [id, name]),
  buildRosterFromSidebar: () => call('buildRosterFromSidebar', []),
  generateSummaryFromSidebar: () => call('generateSummaryFromSidebar', []),
  showTab: (role) => call('showTab', [role]),
  getExercise: () => call('getExercise', []),
  setUpExerciseFromSidebar: (names) => call('setUpExerciseFromSidebar', [names]),
  previewBringIn: () => call('previewBringIn', []),
  bringInPicksFromSidebar: () => call('bringInPicksFromSidebar', []),
};
