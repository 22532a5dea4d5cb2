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

// How many sheets the spreadsheet has, where this run already knows (it listed them, then made some): an
// insertSheet at the end then needs no getNumSheets first. Forgotten when a locked run starts (an execution's
// globals live on in the stand-in). Were a sheet added or removed meanwhile by someone else, the new one lands
// one place off the end, or the insert is refused and made again by createUnderFreeName.
let knownCount: { ss: Spreadsheet; count: number } | null = null;

export function noteSheetCount(ss: Spreadsheet, count: number): void {
  knownCount = { ss, count };
}

// Sheets insertSheet made in this run, whose grid is the default of a new sheet: 1000 rows × 26 columns (fact
// 7; what Sheets gives every new sheet, and what the stand-in makes). Their size needs no getMaxRows or
// getMaxColumns; a blank sheet taken over from a stopped run may have been resized, so it is not among them.
const NEW_SHEET_SIZE = { rows: 1000, columns: 26 } as const;
const inserted = new Set<Sheet>();

/** The grid size of a sheet this run inserted, or null for any other sheet (ask it). */
export function newSheetSize(sheet: Sheet): { rows: number; columns: number } | null {
  return inserted.has(sheet) ? NEW_SHEET_SIZE : null;
}

/** At the start of a locked run: what an earlier execution knew is not known any more. */
export function forgetSheetCount(): void {
  knownCount = null;
  inserted.clear();
}

export const DEFAULT_NAMES: Record<SheetRole, string> = {
  segments: 'Segments',
  roster: 'Partner Roster',
  summary: 'Discussion Summary',
  exercise: 'Segment Exercise',
  history: 'Segment History',
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
 * A run is making the role's sheet: a document property set just before insertSheet and removed once the sheet
 * carries its role metadata. Only while it is set can a blank sheet under our name be a sheet of ours that a
 * stopped run left without metadata; otherwise it is a person's own (PRODUCT.md: never take over their sheets).
 */
const MAKING_KEY = 'partnerSegments.making.';

/**
 * A new owned sheet. A blank sheet under one of our names with no metadata at all, left by a run of ours stopped
 * between insertSheet and its metadata (the document property above says so), is taken over instead of making
 * another; any other sheet under our name, a person's own blank one too, is left alone and ours gets a free name.
 */
export function createOwnedSheet(ss: Spreadsheet, role: SheetRole): Sheet {
  const wanted = DEFAULT_NAMES[role];
  const props = PropertiesService.getDocumentProperties();
  let leftover = props.getProperty(MAKING_KEY + role) !== null;
  props.setProperty(MAKING_KEY + role, wanted);
  // Usually the name is free: two calls. When it is taken (fact 11: insertSheet throws), look at every sheet.
  let sheet: Sheet | null;
  const count = knownCount?.ss === ss ? knownCount.count : ss.getNumSheets();
  try {
    sheet = ss.insertSheet(wanted, count);
  } catch (e) {
    // Any other error may have come after the sheet was made: it may be this run's own.
    if (!/already exists/.test(e instanceof Error ? e.message : String(e))) leftover = true;
    sheet = null;
  }
  if (sheet) {
    noteSheetCount(ss, count + 1);
    inserted.add(sheet);
    madeNames.set(sheet, wanted);
    sheet.addDeveloperMetadata(ROLE_KEY, role);
  } else sheet = createUnderFreeName(ss, role, wanted, leftover);
  doneMaking(role);
  return sheet;
}

/** The role's sheet carries its metadata: the mark of a run making it goes (also before its finished mark). */
export function doneMaking(role: SheetRole): void {
  PropertiesService.getDocumentProperties().deleteProperty(MAKING_KEY + role);
}

function createUnderFreeName(ss: Spreadsheet, role: SheetRole, wanted: string, leftover: boolean): Sheet {
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  const pattern = new RegExp(`^${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(\\d+\\))?$`);
  for (let i = 0; leftover && i < sheets.length; i++) {
    if (!pattern.test(names[i])) continue;
    const sheet = sheets[i];
    if (
      sheet.getLastRow() === 0 &&
      sheet.getLastColumn() === 0 &&
      sheet.getDeveloperMetadata().length === 0
    ) {
      noteSheetCount(ss, sheets.length);
      sheet.addDeveloperMetadata(ROLE_KEY, role);
      return sheet;
    }
  }
  const sheet = ss.insertSheet(freeName(wanted, new Set(names)), sheets.length);
  noteSheetCount(ss, sheets.length + 1);
  inserted.add(sheet);
  sheet.addDeveloperMetadata(ROLE_KEY, role);
  return sheet;
}
