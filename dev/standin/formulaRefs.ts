// Finds and rewrites cell references inside formula text (outside string literals). Used to keep formulas
// pointing at the same cells when rows/columns move, to shift conditional-format formulas per cell, and to
// translate Sheets-only syntax (open ranges like `B2:B`) before HyperFormula sees it.
import { columnToLetters, lettersToColumn, quoteSheetName } from './a1';

export interface RefPart {
  row?: number;
  column?: number;
  rowAbsolute: boolean;
  columnAbsolute: boolean;
}

export interface FormulaRef {
  sheetName?: string;
  start: RefPart;
  /** Present for ranges (`A1:B2`, `B:B`, `2:3`, `A2:C`). */
  end?: RefPart;
}

const REF =
  /(?:'((?:[^']|'')+)'!|([A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+))?/g;

function parsePart(text: string): RefPart {
  const m = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/.exec(text)!;
  const part: RefPart = { rowAbsolute: false, columnAbsolute: false };
  if (m[2]) {
    part.column = lettersToColumn(m[2]);
    part.columnAbsolute = m[1] === '$';
    if (m[4]) {
      part.row = Number(m[4]);
      part.rowAbsolute = m[3] === '$';
    }
  } else {
    part.row = Number(m[4]);
    part.rowAbsolute = m[1] === '$' || m[3] === '$';
  }
  return part;
}

function partKind(text: string): 'cell' | 'column' | 'row' {
  if (/^\$?\d+$/.test(text)) return 'row';
  if (/^\$?[A-Za-z]+$/.test(text)) return 'column';
  return 'cell';
}

function formatPart(part: RefPart): string {
  let text = '';
  if (part.column !== undefined) text += (part.columnAbsolute ? '$' : '') + columnToLetters(part.column);
  if (part.row !== undefined) text += (part.rowAbsolute ? '$' : '') + part.row;
  return text;
}

export function formatRef(ref: FormulaRef): string {
  const prefix = ref.sheetName !== undefined ? `${quoteSheetName(ref.sheetName)}!` : '';
  return prefix + formatPart(ref.start) + (ref.end ? ':' + formatPart(ref.end) : '');
}

/** Splits a formula into code and string-literal segments. */
function segments(formula: string): Array<{ code: boolean; text: string }> {
  const out: Array<{ code: boolean; text: string }> = [];
  let i = 0;
  let start = 0;
  while (i < formula.length) {
    if (formula[i] === '"') {
      if (i > start) out.push({ code: true, text: formula.slice(start, i) });
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j += 1;
      }
      out.push({ code: false, text: formula.slice(i, j + 1) });
      i = j + 1;
      start = i;
    } else i += 1;
  }
  if (start < formula.length) out.push({ code: true, text: formula.slice(start) });
  return out;
}

/**
 * Calls `fn` for each reference; its return value replaces the reference (a FormulaRef, a literal string,
 * or null for `#REF!`); returning the same object unchanged keeps the original text.
 */
export function mapFormulaRefs(formula: string, fn: (ref: FormulaRef) => FormulaRef | string | null): string {
  return segments(formula)
    .map((seg) => {
      if (!seg.code) return seg.text;
      const text = seg.text;
      let out = '';
      let last = 0;
      REF.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = REF.exec(text))) {
        const before = m.index > 0 ? text[m.index - 1] : '';
        const after = text[m.index + m[0].length] ?? '';
        const first = partKind(m[3]);
        const second = m[4] === undefined ? undefined : partKind(m[4]);
        const valid =
          second === undefined
            ? first === 'cell'
            : first === 'cell' ||
              (first === 'column' && second !== 'row') ||
              (first === 'row' && second === 'row');
        if (/[A-Za-z0-9_.$'"]/.test(before) || /[A-Za-z0-9_(!']/.test(after) || !valid) {
          REF.lastIndex = m.index + 1;
          continue;
        }
        const ref: FormulaRef = {
          sheetName: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2],
          start: parsePart(m[3]),
          end: m[4] !== undefined ? parsePart(m[4]) : undefined,
        };
        const replaced = fn(ref);
        out += text.slice(last, m.index);
        if (replaced === ref) out += m[0];
        else if (replaced === null) out += '#REF!';
        else if (typeof replaced === 'string') out += replaced;
        else out += formatRef(replaced);
        last = m.index + m[0].length;
      }
      return out + text.slice(last);
    })
    .join('');
}

/** Shifts relative parts by (rows, columns); `$` pins (fact 82). Returns null when a part leaves the grid. */
export function shiftRelative(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  return mapFormulaRefs(formula, (ref) => {
    const shift = (p: RefPart): RefPart | null => {
      const q = { ...p };
      if (q.row !== undefined && !q.rowAbsolute) q.row += rows;
      if (q.column !== undefined && !q.columnAbsolute) q.column += columns;
      if ((q.row !== undefined && q.row < 1) || (q.column !== undefined && q.column < 1)) return null;
      return q;
    };
    const start = shift(ref.start);
    const end = ref.end ? shift(ref.end) : undefined;
    if (!start || end === null) return null;
    return { ...ref, start, end };
  });
}

export type Axis = 'row' | 'column';

/**
 * Adjusts references to `sheetName` after `count` rows/columns were inserted before index `at` (count > 0)
 * or deleted starting at `at` (count < 0), as Sheets does for formulas in the document.
 */
export function adjustForDimensionChange(
  formula: string,
  hostSheetName: string,
  sheetName: string,
  axis: Axis,
  at: number,
  count: number,
): string {
  const key = axis === 'row' ? 'row' : 'column';
  return mapFormulaRefs(formula, (ref) => {
    if ((ref.sheetName ?? hostSheetName) !== sheetName) return ref;
    const s = ref.start[key];
    const e = ref.end ? ref.end[key] : s;
    if (s === undefined && e === undefined) return ref;
    if (count > 0) {
      const move = (v: number | undefined) => (v !== undefined && v >= at ? v + count : v);
      const start = { ...ref.start, [key]: move(s) };
      const end = ref.end ? { ...ref.end, [key]: move(ref.end[key]) } : undefined;
      return { ...ref, start, end };
    }
    const n = -count;
    const lastDeleted = at + n - 1;
    if (!ref.end) {
      if (s! >= at && s! <= lastDeleted) return null;
      return s! > lastDeleted ? { ...ref, start: { ...ref.start, [key]: s! - n } } : ref;
    }
    let ns = s;
    let ne = e;
    if (ns !== undefined) ns = ns > lastDeleted ? ns - n : ns >= at ? at : ns;
    if (ne !== undefined) ne = ne > lastDeleted ? ne - n : ne >= at ? at - 1 : ne;
    if (ns !== undefined && ne !== undefined && ne < ns) return null;
    return { ...ref, start: { ...ref.start, [key]: ns }, end: { ...ref.end, [key]: ne } };
  });
}

/** Renames sheet references after a sheet was renamed. */
export function renameSheetRefs(formula: string, oldName: string, newName: string): string {
  return mapFormulaRefs(formula, (ref) => (ref.sheetName === oldName ? { ...ref, sheetName: newName } : ref));
}

/**
 * Rewrites bare TRUE / FALSE (Sheets accepts them; HyperFormula only knows TRUE() / FALSE()). Done in the
 * text rather than with named expressions: a named expression is one graph node that every formula using
 * it would hang off, which HyperFormula handles in quadratic time.
 */
export function rewriteBareBooleans(formula: string): string {
  if (!/TRUE|FALSE/i.test(formula)) return formula;
  return segments(formula)
    .map((seg) =>
      seg.code
        ? seg.text.replace(/(^|[^A-Za-z0-9_.$!'])(TRUE|FALSE)(?![A-Za-z0-9_.(!])(?!\s*\()/gi, '$1$2()')
        : seg.text,
    )
    .join('');
}
