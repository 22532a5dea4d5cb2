// The smaller services: PropertiesService, LockService, Session, Utilities, Logger, ScriptApp, Charts, console.
import { randomUUID } from 'node:crypto';
import type { Core } from './core';
import * as enums from './enums';
import { exception } from './errors';
import { isDate } from './realm';

// ---- PropertiesService (facts 101–106) ----
// https://developers.google.com/apps-script/reference/properties/properties

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;

export class PropertyStore {
  data = new Map<string, string>();
}

export class PropertiesImpl {
  constructor(readonly _store: PropertyStore) {}
  private checkQuota(key: string, value: string) {
    if (value.length > VALUE_LIMIT) throw exception('Argument too large: value');
    let total = 0;
    for (const [k, v] of this._store.data) if (k !== key) total += k.length + v.length;
    if (total + key.length + value.length > STORE_LIMIT)
      throw exception(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
  }
  getProperty(key: string) {
    return this._store.data.get(String(key)) ?? null;
  }
  // Fact 102: stored as strings.
  setProperty(key: string, value: unknown) {
    const text = String(value);
    this.checkQuota(String(key), text);
    this._store.data.set(String(key), text);
    return this;
  }
  // Fact 104.
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean) {
    if (deleteAllOthers) this._store.data.clear();
    for (const [k, v] of Object.entries(properties)) this.setProperty(k, v);
    return this;
  }
  // Fact 103: a copy.
  getProperties() {
    return Object.fromEntries(this._store.data);
  }
  getKeys() {
    return [...this._store.data.keys()];
  }
  deleteProperty(key: string) {
    this._store.data.delete(String(key));
    return this;
  }
  deleteAllProperties() {
    this._store.data.clear();
    return this;
  }
  toString() {
    return 'Properties';
  }
}

export interface PropertyStores {
  document: PropertyStore;
  script: PropertyStore;
  user: PropertyStore;
}

export function makePropertiesService(core: Core, stores: PropertyStores) {
  const wrap = (store: PropertyStore) =>
    core.wrap(new PropertiesImpl(store), 'Properties', { counted: false });
  return core.wrap(
    {
      getDocumentProperties: () => wrap(stores.document),
      getScriptProperties: () => wrap(stores.script),
      getUserProperties: () => wrap(stores.user),
      toString: () => 'PropertiesService',
    },
    'PropertiesService',
    { counted: false },
  );
}

// ---- LockService (facts 107–110) ----
// https://developers.google.com/apps-script/reference/lock/lock
// Executions do not run in parallel here; a nested execution (started from a service-call hook while an
// outer one holds the lock) cannot get it, and waiting would never end, so waitLock fails at once.

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export class LockTable {
  holders = new Map<string, number>();
}

export class LockImpl {
  constructor(
    readonly _core: Core,
    readonly _table: LockTable,
    readonly _kind: string,
  ) {}
  private holder() {
    return this._table.holders.get(this._kind);
  }
  hasLock() {
    return this.holder() === this._core.ctx.currentExecution;
  }
  // Fact 108.
  tryLock(timeoutInMillis: number) {
    if (timeoutInMillis < 0) return false;
    const holder = this.holder();
    if (holder === undefined || holder === this._core.ctx.currentExecution) {
      this._table.holders.set(this._kind, this._core.ctx.currentExecution);
      return true;
    }
    return false;
  }
  // Fact 109.
  waitLock(timeoutInMillis: number) {
    if (!this.tryLock(timeoutInMillis)) throw exception(LOCK_TIMEOUT);
  }
  // Fact 110.
  releaseLock() {
    if (this.hasLock()) this._table.holders.delete(this._kind);
  }
  toString() {
    return 'Lock';
  }
}

export function makeLockService(core: Core, table: LockTable) {
  const lock = (kind: string) => core.wrap(new LockImpl(core, table, kind), 'Lock', { counted: false });
  return core.wrap(
    {
      getDocumentLock: () => lock('document'),
      getScriptLock: () => lock('script'),
      getUserLock: () => lock('user'),
      toString: () => 'LockService',
    },
    'LockService',
    { counted: false },
  );
}

// ---- Session ----
// https://developers.google.com/apps-script/reference/base/session

export function makeSession(core: Core) {
  return core.wrap(
    {
      getScriptTimeZone: () => core.options.timeZone,
      getTemporaryActiveUserKey: () => core.options.userKey,
      getActiveUserLocale: () => 'en',
      toString: () => 'Session',
    },
    'Session',
    { counted: false },
  );
}

// ---- Utilities ----
// https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)

function zonedParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'long',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const local = Date.UTC(
    Number(get('year')),
    Number(get('month')) - 1,
    Number(get('day')),
    Number(get('hour')),
    Number(get('minute')),
    Number(get('second')),
  );
  const offsetMinutes = Math.round((local - Math.floor(date.getTime() / 1000) * 1000) / 60000);
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: get('weekday'),
    offsetMinutes,
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A subset of Java SimpleDateFormat: y M d H h m s S E a Z X and 'quoted' text. */
export function formatDate(date: Date, timeZone: string, format: string): string {
  const p = zonedParts(date, timeZone);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  const offset = (colon: boolean) => {
    const sign = p.offsetMinutes >= 0 ? '+' : '-';
    const abs = Math.abs(p.offsetMinutes);
    return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
  };
  return format.replace(/'([^']*)'|y+|M+|d+|H+|h+|m+|s+|S+|E+|a+|Z+|X+/g, (token, quoted) => {
    if (quoted !== undefined) return quoted === '' ? "'" : quoted;
    const n = token.length;
    switch (token[0]) {
      case 'y':
        return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
      case 'M':
        return n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
      case 'd':
        return pad(p.day, n);
      case 'H':
        return pad(p.hour, n);
      case 'h':
        return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
      case 'm':
        return pad(p.minute, n);
      case 's':
        return pad(p.second, n);
      case 'S':
        return pad(date.getMilliseconds(), n);
      case 'E':
        return n >= 4 ? p.weekday : p.weekday.slice(0, 3);
      case 'a':
        return p.hour < 12 ? 'AM' : 'PM';
      case 'Z':
        return offset(false);
      default:
        return p.offsetMinutes === 0 ? 'Z' : offset(n >= 3);
    }
  });
}

export function makeUtilities(core: Core) {
  return core.wrap(
    {
      formatDate: (date: Date, timeZone: string, format: string) => {
        if (!isDate(date))
          throw exception(
            "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
          );
        return formatDate(new Date(date.getTime()), timeZone, format);
      },
      getUuid: () => randomUUID(),
      sleep: () => undefined,
      toString: () => 'Utilities',
    },
    'Utilities',
    { counted: false },
  );
}

// ---- Logger and console ----

// An error logged shows its name, message and stack in the Apps Script execution log, as console.error does in V8
// (https://developers.google.com/apps-script/guides/logging), not the JSON of its own fields (`{"name":…}`).
// Errors from the add-on's realm fail `instanceof Error` here, so they are recognised by shape.
function formatLog(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return a;
      if (a && typeof a === 'object' && typeof (a as Error).message === 'string' && 'name' in a) {
        const e = a as Error;
        return e.stack && e.stack.includes(e.message) ? e.stack : `${e.name}: ${e.message}`;
      }
      return JSON.stringify(a);
    })
    .join(' ');
}

export function makeLogger(core: Core) {
  const logger = {
    log: (...args: unknown[]) => {
      core.logs.push(formatLog(args));
      return proxy;
    },
    getLog: () => core.logs.join('\n'),
    clear: () => {
      core.logs.length = 0;
    },
    toString: () => 'Logger',
  };
  const proxy = core.wrap(logger, 'Logger', { counted: false });
  return proxy;
}

export function makeConsole(core: Core, echo: boolean) {
  const record =
    (level: string) =>
    (...args: unknown[]) => {
      core.logs.push(level === 'log' ? formatLog(args) : `[${level}] ${formatLog(args)}`);
      if (echo) (console as unknown as Record<string, (...a: unknown[]) => void>)[level](...args);
    };
  return {
    log: record('log'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    debug: record('debug'),
  };
}

// ---- ScriptApp and Charts ----
// https://developers.google.com/apps-script/reference/script/script-app

export function makeScriptApp(core: Core) {
  return core.wrap({ AuthMode: enums.AuthMode, toString: () => 'ScriptApp' }, 'ScriptApp', {
    counted: false,
  });
}

export function makeCharts(core: Core) {
  return core.wrap(
    {
      ChartType: enums.ChartType,
      ChartHiddenDimensionStrategy: enums.ChartHiddenDimensionStrategy,
      ChartMergeStrategy: enums.ChartMergeStrategy,
      Position: enums.Position,
      toString: () => 'Charts',
    },
    'Charts',
    { counted: false },
  );
}
