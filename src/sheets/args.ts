// The sidebar's arguments arrive from the browser: checked as if from a stranger, refused in plain words.
import { UserError } from './errors';

export function textArg(value: unknown, what: string, max = 200): string {
  if (typeof value !== 'string') throw new UserError(`${what} must be text.`);
  const text = value.trim();
  if (text === '') throw new UserError(`${what} cannot be empty.`);
  if (text.length > max)
    throw new UserError(`${what} is too long (${text.length} characters; at most ${max}).`);
  return text;
}

export function wholeNumberArg(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new UserError(`${what} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

export function plainObjectArg(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UserError(`${what} is missing or malformed.`);
  }
  return value as Record<string, unknown>;
}

export function oneOfArg<T extends string>(value: unknown, what: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new UserError(`${what} must be one of: ${allowed.join(', ')}.`);
  }
  return value as T;
}
