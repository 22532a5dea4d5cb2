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

/**
 * A sheet name as a formula's reference prefix, quoted only where Sheets needs the quotes (and writes them back
 * in getFormulas): a name of letters, digits and underscores that does not read as a cell is left bare.
 */
export function sheetPrefix(name: string): string {
  const bare = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name);
  return bare ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}
