// The sidebar's arguments arrive from the browser: checked as if from a stranger, refused in plain words.
import { grouped } from '../core/limits';
import { UserError } from './errors';

// Control characters (other than tab and line breaks, which trimming and Sheets treat as spaces) make names
// that look blank or broken in a cell; nobody types them into the sidebar on purpose.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function textArg(value: unknown, what: string, max = 200): string {
  if (typeof value !== 'string') throw new UserError(`${what} must be text.`);
  const text = value.trim();
  if (text === '') throw new UserError(`${what} cannot be empty.`);
  if (text.length > max)
    throw new UserError(`${what} is too long (${grouped(text.length)} characters; at most ${grouped(max)}).`);
  if (CONTROL_CHARACTERS.test(text)) throw new UserError(`${what} cannot contain control characters.`);
  return text;
}

/** Text that may be blank (''): trimmed, at most `max` characters, no control characters but line breaks. */
export function optionalTextArg(value: unknown, what: string, max = 200): string {
  if (typeof value !== 'string') throw new UserError(`${what} must be text.`);
  const text = value.trim();
  if (text.length > max)
    throw new UserError(`${what} is too long (${grouped(text.length)} characters; at most ${grouped(max)}).`);
  if (CONTROL_CHARACTERS.test(text)) throw new UserError(`${what} cannot contain control characters.`);
  return text;
}

export function wholeNumberArg(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new UserError(`${what} must be a whole number from ${grouped(min)} to ${grouped(max)}.`);
  }
  return value;
}

/**
 * A plain object (what google.script.run makes of a JavaScript object). With `fields`, any other field is
 * refused, so a caller cannot slip in what the server does not expect.
 */
export function plainObjectArg(
  value: unknown,
  what: string,
  fields?: readonly string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${what} is missing or malformed.`);
  }
  if (fields) {
    const unknown = Object.keys(value).filter((k) => !fields.includes(k));
    if (unknown.length > 0) {
      const shown = unknown[0].length > 40 ? `${unknown[0].slice(0, 40)}…` : unknown[0];
      throw new UserError(
        `${what} has a field Partner Segments does not know ("${shown}"); it takes only ${fields.join(', ')}.`,
      );
    }
  }
  return value as Record<string, unknown>;
}

export function oneOfArg<T extends string>(value: unknown, what: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new UserError(`${what} must be one of: ${allowed.join(', ')}.`);
  }
  return value as T;
}
