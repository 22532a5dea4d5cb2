// Helpers for the formulas the roster and the summary write (column letters: ../columns).

/** A string as a formula literal: "He said ""hi""". */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Contiguous runs of sorted column numbers: [3,4,5,8] → [[3,5],[8,8]]. */
export function runs(columns: readonly number[]): [number, number][] {
  const sorted = [...columns].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}
