// Where the time of one add-on run goes: the add-on's own code versus the stand-in.
//
// computeMs is meant to be the time the add-on's own code (dist/Code.js) spends, with the stand-in's time taken
// out, since in Apps Script that part is the service round trips the model already charges per call and cell.
//
// The obvious method, timing the run and subtracting the time between each counted call's before and after
// hooks (s.onServiceCall), is computed too (`subtractionMs`), but it is not reliable here, and the bench
// does not use it for computeMs:
// - uncounted service calls are left in: DataValidation, ConditionalFormatRule, builder and coordinate getters
//   run in the stand-in without a hook, and the add-on makes hundreds of thousands of them at 10,000 partners
//   (a refresh used to read 2–3 getters per cell of the columns that carry its rules; it reads none now);
// - the result of each counted call is copied into the add-on's realm (realm.ts) after the `after` hook, so
//   copying the 50,000-row grids that getValues returns is charged to the add-on;
// - garbage collection runs wherever it happens to fall, mostly to clean up after the stand-in and
//   HyperFormula;
// - it measures wall time, which on a shared machine includes time the process was not running at all.
// At 10,000 partners it said about 3 s for a refresh whose own code the profile puts at about 0.75 s.
//
// What the bench does instead: V8's sampling CPU profiler (node:inspector, in this process, a sample every
// 250 µs or 1 ms) runs during the phase. Each sample goes to the innermost JavaScript frame that has a script:
// dist/Code.js is the add-on (with the built-ins it calls: Array.prototype.map, RegExp, JSON…), dev/standin/
// the stand-in, node_modules/hyperformula (and its parser's chevrotain and regexp-to-ast) the formula engine,
// `evalmachine` the realm copies (realm.ts's copier is compiled without a file name), "(garbage collector)"
// GC. The add-on's share of the samples, times the main thread's CPU time during the phase
// (/proc/thread-self/schedstat, so time when other processes had the CPU does not count; process.cpuUsage
// where that file is missing), is computeMs.
// GC is reported apart and left out of computeMs: its samples carry no stack to attribute.
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export interface Split {
  /** Wall-clock milliseconds of the phase. */
  wallMs: number;
  /** Main-thread CPU milliseconds of the phase. */
  cpuMs: number;
  /** CPU milliseconds by owner, from the profile's shares (they sum to cpuMs). */
  addon: number;
  standin: number;
  engine: number;
  realm: number;
  gc: number;
  other: number;
  /** The add-on's functions by own time (innermost add-on frame), CPU milliseconds, most first. */
  hot: [string, number][];
}

export type Owner = 'addon' | 'standin' | 'engine' | 'realm' | 'gc' | 'other';

let schedstatWorks: boolean | null = null;

/** CPU time of the calling thread in milliseconds (falls back to the whole process's). */
export function threadCpuMs(): number {
  if (schedstatWorks !== false) {
    try {
      const ns = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
      if (Number.isFinite(ns) && ns > 0) {
        schedstatWorks = true;
        return ns / 1e6;
      }
    } catch {
      // not Linux, or no schedstats: fall back below
    }
    schedstatWorks = false;
  }
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function cpuClock(): string {
  if (schedstatWorks === null) threadCpuMs();
  return schedstatWorks ? 'main-thread CPU (/proc/thread-self/schedstat)' : 'process CPU (process.cpuUsage)';
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Which owner a script URL belongs to ('harness': the profiler's own start and stop, left out). */
function ownerOfUrl(url: string, addonPath: string): Owner | 'harness' {
  if (url === addonPath || url.endsWith(addonPath)) return 'addon';
  if (url.startsWith('node:inspector')) return 'harness';
  if (/\/node_modules\/(hyperformula|chevrotain|regexp-to-ast)\//.test(url)) return 'engine';
  if (url.startsWith('evalmachine')) return 'realm';
  if (url.includes('/dev/standin/')) return 'standin';
  return 'other';
}

/**
 * Sample time (µs) by owner: each sample goes to its innermost frame that has a script. Samples in the
 * profiler's own calls (before the phase starts, after it ends) are left out.
 */
function attribute(
  profile: Profile,
  addonPath: string,
): { totals: Record<Owner, number>; hot: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownerOfNode = new Map<number, Owner | 'harness'>();
  const ownerOf = (id: number): Owner | 'harness' => {
    const known = ownerOfNode.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    let owner: Owner | 'harness';
    if (node.callFrame.functionName === '(garbage collector)') owner = 'gc';
    else if (node.callFrame.url) owner = ownerOfUrl(node.callFrame.url, addonPath);
    else {
      const up = parent.get(id);
      owner = up === undefined ? 'other' : ownerOf(up);
    }
    ownerOfNode.set(id, owner);
    return owner;
  };
  // The add-on function a sample is in: its innermost frame in the add-on's script.
  const addonFrameOf = (id: number): string => {
    for (let node = byId.get(id); node; node = byId.get(parent.get(node.id) ?? -1)) {
      const { url, functionName, lineNumber } = node.callFrame;
      if (url && ownerOfUrl(url, addonPath) === 'addon')
        return `${functionName || '(anonymous)'}:${lineNumber + 1}`;
    }
    return '(unknown)';
  };
  const totals: Record<Owner, number> = { addon: 0, standin: 0, engine: 0, realm: 0, gc: 0, other: 0 };
  const hot = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const owner = ownerOf(id);
    const dt = profile.timeDeltas[i] ?? 0;
    if (owner === 'harness') return;
    totals[owner] += dt;
    if (owner === 'addon') {
      const frame = addonFrameOf(id);
      hot.set(frame, (hot.get(frame) ?? 0) + dt);
    }
  });
  return { totals, hot };
}

let session: Session | null = null;

/**
 * Runs `fn` (synchronous) under the sampling profiler, a sample every `intervalUs` microseconds; returns its
 * result (or error) and the split. The profiler costs about a tenth more CPU at 250 µs (less at 1 ms), spread
 * over every owner, so computeMs errs a little high.
 */
export async function profiled<T>(
  fn: () => T,
  addonPath: string,
  intervalUs = 250,
): Promise<{ result?: T; error?: unknown; split: Split }> {
  if (!session) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
  }
  await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
  await session.post('Profiler.start');
  const wall0 = performance.now();
  const cpu0 = threadCpuMs();
  let result: T | undefined;
  let error: unknown;
  try {
    result = fn();
  } catch (e) {
    error = e;
  }
  const cpuMs = threadCpuMs() - cpu0;
  const wallMs = performance.now() - wall0;
  const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
  const { totals: sampled, hot } = attribute(profile, addonPath);
  const total = Object.values(sampled).reduce((a, b) => a + b, 0) || 1;
  const share = (owner: Owner) => (sampled[owner] / total) * cpuMs;
  const split: Split = {
    wallMs,
    cpuMs,
    addon: share('addon'),
    standin: share('standin'),
    engine: share('engine'),
    realm: share('realm'),
    gc: share('gc'),
    other: share('other'),
    hot: [...hot]
      .map(([name, us]): [string, number] => [name, (us / total) * cpuMs])
      .sort((a, b) => b[1] - a[1]),
  };
  return { result, error, split };
}

export function stopProfiler(): void {
  session?.disconnect();
  session = null;
}
