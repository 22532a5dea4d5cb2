// The add-on runs in its own node:vm context, whose Array/Object/Date/Error differ from the host's. Everything
// the stand-in hands over (arrays from getValues, plain objects, Dates, Errors) is re-created with the
// context's own constructors so `instanceof Array` and friends hold inside the add-on.
import vm from 'node:vm';

export interface Realm {
  /** Deep-copies arrays, plain objects and Dates into the realm; other objects pass by identity. */
  toRealm<T>(value: T): T;
  /** Deep-copies a value from the realm into host objects (arrays, plain objects, Dates). */
  fromRealm<T>(value: T): T;
  /** An Error made with the realm's Error constructor. */
  makeError(name: string, message: string, stack?: string): Error;
  /** The realm's global object (the vm context), or the host's globalThis. */
  global: Record<string, unknown>;
}

// Same text runs in the host and in each context, so the copies are made with that realm's literals.
const CONVERTER_SOURCE = `(function () {
  function copy(v) {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      var out = new Array(v.length);
      for (var i = 0; i < v.length; i++) out[i] = copy(v[i]);
      return out;
    }
    var tag = Object.prototype.toString.call(v);
    if (tag === '[object Date]') return new Date(v.getTime());
    var proto = Object.getPrototypeOf(v);
    if (proto === null || (proto.constructor && proto.constructor.name === 'Object' && Object.getPrototypeOf(proto) === null)) {
      var obj = {};
      var keys = Object.keys(v);
      for (var k = 0; k < keys.length; k++) obj[keys[k]] = copy(v[keys[k]]);
      return obj;
    }
    return v;
  }
  function makeError(name, message, stack) {
    var e = new Error(message);
    e.name = name;
    if (stack) e.stack = stack;
    return e;
  }
  return { copy: copy, makeError: makeError };
})()`;

type Converter = { copy<T>(v: T): T; makeError(name: string, message: string, stack?: string): Error };

const hostConverter = vm.runInThisContext(CONVERTER_SOURCE) as Converter;

/** The host realm: no conversion needed. */
export const hostRealm: Realm = {
  toRealm: <T>(value: T) => value,
  fromRealm: <T>(value: T) => value,
  makeError: (name, message, stack) => hostConverter.makeError(name, message, stack),
  global: globalThis as unknown as Record<string, unknown>,
};

/** A realm backed by a vm context. */
export function contextRealm(context: vm.Context): Realm {
  const inner = vm.runInContext(CONVERTER_SOURCE, context) as Converter;
  return {
    toRealm: (value) => inner.copy(value),
    fromRealm: (value) => hostConverter.copy(value),
    makeError: (name, message, stack) => inner.makeError(name, message, stack),
    global: context as Record<string, unknown>,
  };
}

/** Cross-realm safe Date test. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
