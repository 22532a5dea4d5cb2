// Creating the sheets the add-on owns: under a free name, marked with role metadata at once, so a run that is
// interrupted never leaves a sheet the next run fails to recognise. PRODUCT.md, "Sheets the add-on owns".
import { ROLE_KEY, SheetRole } from './metadata';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// Names of the sheets this run made: known without asking (a sheet object lives for one execution).
const madeNames = new WeakMap<Sheet, string>();

/** The sheet's name: remembered for a sheet this run made, else asked (one call). */
export function sheetName(sheet: Sheet): string {
  return madeNames.get(sheet) ?? sheet.getName();
}

export const DEFAULT_NAMES: Record<SheetRole, string> = {
  segments: 'Segments',
  roster: 'Partner Roster',
  summary: 'Discussion Summary',
};

/** "Partner Roster", else "Partner Roster (2)", "(3)", …: the first name no sheet has. */
export function freeName(wanted: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const name = `${wanted} (${i})`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/**
 * A new owned sheet. A blank sheet under one of our names with no metadata at all (left by a run stopped between
 * insertSheet and its metadata) is taken over instead of making another; a sheet we own carries role metadata,
 * so it is never taken for such a leftover.
 */
export function createOwnedSheet(ss: Spreadsheet, role: SheetRole): Sheet {
  const wanted = DEFAULT_NAMES[role];
  // Usually the name is free: two calls. When it is taken (fact 11: insertSheet throws), look at every sheet.
  let sheet: Sheet | null;
  try {
    sheet = ss.insertSheet(wanted, ss.getNumSheets());
  } catch {
    sheet = null;
  }
  if (sheet) {
    madeNames.set(sheet, wanted);
    sheet.addDeveloperMetadata(ROLE_KEY, role);
    return sheet;
  }
  return createUnderFreeName(ss, role, wanted);
}

function createUnderFreeName(ss: Spreadsheet, role: SheetRole, wanted: string): Sheet {
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  const pattern = new RegExp(`^${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(\\d+\\))?$`);
  for (let i = 0; i < sheets.length; i++) {
    if (!pattern.test(names[i])) continue;
    const sheet = sheets[i];
    if (
      sheet.getLastRow() === 0 &&
      sheet.getLastColumn() === 0 &&
      sheet.getDeveloperMetadata().length === 0
    ) {
      sheet.addDeveloperMetadata(ROLE_KEY, role);
      return sheet;
    }
  }
  const sheet = ss.insertSheet(freeName(wanted, new Set(names)), sheets.length);
  sheet.addDeveloperMetadata(ROLE_KEY, role);
  return sheet;
}
