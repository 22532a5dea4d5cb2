// The boundary between add-on code and the stand-in. Every service object handed to the add-on is wrapped:
// - a method the stand-in does not implement throws `not emulated: <Class>.<method>` (never a silent default);
// - counted calls go through the CallLog (see calls.ts for what counts) and its hooks/fault injection;
// - results are re-created in the add-on's realm and errors become realm Errors named "Exception";
// - inside a custom function, methods that change the document throw (custom functions are read-only:
//   https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services).
// Members whose name starts with `_` are the stand-in's own internals and pass through untouched.
import type { StandInContext } from './context';
import { exception, notEmulated } from './errors';
import type { GridRect } from './workbook';

export interface ServiceOptions {
  /** Whether method calls are counted (false for builders, enums, Ui, properties, …). */
  counted: boolean;
  /** Methods that are never counted even on counted classes. */
  uncounted?: ReadonlySet<string>;
  /** Methods that are counted on an otherwise uncounted class. */
  countedMethods?: ReadonlySet<string>;
  /** Whether the class touches the document (so writes are refused inside custom functions). */
  document?: boolean;
  /** A rule object handed out by a getter: its getters are counted as rule getters (calls.ts), not calls. */
  ruleObject?: boolean;
}

// Names that generic code (jest, util.inspect, Promise resolution, JSON) probes on any object; answering
// them with a throwing stub would break those tools, so they read as absent.
const PROBED = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'constructor',
  'inspect',
  'valueOf',
  'toLocaleString',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
  'mock',
  'length',
]);

const READ_ONLY =
  /^(get|is|has|find|offset|can|toString|with|on[A-Z]|createDeveloperMetadataFinder|createTextFinder)/;

const RAW = Symbol('raw');

/**
 * The key under which a service object that is not a Proxy (see validation.ts's DataValidationValue) holds the
 * stand-in's own object, so unwrap finds it the same way.
 */
export const RAW_KEY: typeof RAW = RAW;

/** The stand-in's own object behind a service proxy (or the value itself). */
export function unwrap<T>(value: T): T {
  if (value && typeof value === 'object' && (value as Record<symbol, unknown>)[RAW]) {
    return (value as Record<symbol, unknown>)[RAW] as T;
  }
  return value;
}

/** The grid rectangle of a Range the add-on handed back to us (charts, rules, protections take ranges). */
export function rectOf(range: unknown): GridRect {
  return (unwrap(range) as { _rect(): GridRect })._rect();
}

export function wrapService<T extends object>(
  target: T,
  className: string,
  ctx: StandInContext,
  options: ServiceOptions,
): T {
  const cache = new Map<string, unknown>();
  const proxy: T = new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === RAW) return obj;
      if (typeof prop === 'symbol') return Reflect.get(obj, prop, receiver);
      if (prop === 'toString' && !(prop in obj)) return () => className;
      if (prop.startsWith('_')) return Reflect.get(obj, prop, receiver);
      const cached = cache.get(prop);
      if (cached) return cached;
      const value = Reflect.get(obj, prop, obj);
      if (typeof value !== 'function') {
        if (value !== undefined || PROBED.has(prop)) return value;
        const stub = () => {
          throw notEmulated(className, prop);
        };
        cache.set(prop, stub);
        return stub;
      }
      const counted = options.countedMethods?.has(prop) || (options.counted && !options.uncounted?.has(prop));
      const wrapped = function (...args: unknown[]) {
        if (ctx.customFunctionDepth > 0 && options.document && !READ_ONLY.test(prop)) {
          throw ctx.realm.makeError('Exception', `You do not have permission to call ${prop}`);
        }
        const boundary = ctx.depth === 0;
        const countThis = boundary && counted && ctx.customFunctionDepth === 0;
        try {
          let index = 0;
          if (countThis) index = ctx.calls.before(className, prop, args);
          if (boundary && options.ruleObject && prop.startsWith('get')) ctx.calls.ruleGetter();
          ctx.depth += 1;
          let result: unknown;
          let input: unknown[] = args;
          try {
            if (boundary) input = args.map((a) => ctx.realm.fromRealm(a));
            result = (value as (...a: unknown[]) => unknown).apply(obj, input);
          } finally {
            ctx.depth -= 1;
          }
          if (countThis) {
            ctx.calls.after(className, prop, args, index);
            ctx.calls.account(className, prop, input, result);
          }
          if (result === obj) return proxy;
          return boundary ? ctx.realm.toRealm(result) : result;
        } catch (error) {
          if (!boundary) throw error;
          const e = error as Error;
          throw ctx.realm.makeError(e?.name ?? 'Error', e?.message ?? String(error), e?.stack);
        }
      };
      cache.set(prop, wrapped);
      return wrapped;
    },
  });
  return proxy;
}

/** Re-exported for stand-in classes that raise the facts' errors. */
export { exception };
