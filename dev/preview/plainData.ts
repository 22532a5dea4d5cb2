// What google.script.run can carry (fact 114): numbers, booleans, strings, null, and arrays/objects of them.
// A Date or function anywhere makes the call fail in Apps Script, so the preview fails it too.
// https://developers.google.com/apps-script/guides/html/reference/run

/** Why the value cannot cross google.script.run, or null when it can. */
export function plainDataProblem(value: unknown, path = 'the result'): string | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return null;
  if (type === 'number') return null;
  if (type === 'function') return `${path} is a function`;
  if (type !== 'object') return `${path} is a ${type}`;
  if (Object.prototype.toString.call(value) === '[object Date]') return `${path} is a Date`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = plainDataProblem(value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && proto.constructor?.name !== 'Object')
    return `${path} is a ${proto.constructor?.name ?? 'object'}`;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const problem = plainDataProblem(item, `${path}.${key}`);
    if (problem) return problem;
  }
  return null;
}
