// Developer metadata: how the add-on finds its sheets, columns and segment rows again, whatever people rename,
// sort or insert. All of it is read with one finder call per run: the location getters need no round trip.
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder
import { doneMaking } from './ownedSheets';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

export const ROLE_KEY = 'partnerSegments.role';
export const COLUMN_KEY = 'partnerSegments.column';
export const SEGMENT_ID_KEY = 'partnerSegments.segmentId';
/**
 * On each row of the Segments tab's Goals table: `["<id>","<name>"]`, the goal's stable id and the name the
 * roster's `Strategic for` cells use for it (updated once a refresh has carried a rename into the roster).
 */
export const GOAL_KEY = 'partnerSegments.goal';
/**
 * On one of our sheets once its first write has landed whole (the value is the role): the last call of that
 * write. Without it, a sheet of ours was left by a stopped run and gets its one-time formats again.
 */
export const FINISHED_KEY = 'partnerSegments.finished';

/** On the Segment Exercise tab (issue #13): its columns (src/core/exercise/model.ts) and its title and header rows. */
export const EXERCISE_COLUMN_KEY = 'partnerSegments.exerciseColumn';
export const EXERCISE_ROW_KEY = 'partnerSegments.exerciseRow';

export type SheetRole = 'segments' | 'roster' | 'summary' | 'exercise' | 'history';

/** The sheets the add-on owns, by role, and the metadata on their rows and columns, from one finder call. */
export class OwnedSheets {
  private readonly byRole = new Map<SheetRole, Sheet>();
  private readonly idByRole = new Map<SheetRole, number>();
  private readonly finished = new Set<string>();

  constructor(private readonly metadata: readonly DeveloperMetadata[]) {
    for (const md of metadata) {
      if (md.getKey() === FINISHED_KEY) this.finished.add(md.getValue() ?? '');
      if (md.getKey() !== ROLE_KEY) continue;
      const role = md.getValue() as SheetRole | null;
      const sheet = md.getLocation().getSheet();
      // The leftmost wins if people duplicated one of our sheets (find() lists them in sheet order).
      if (role && sheet && !this.byRole.has(role)) this.byRole.set(role, sheet);
    }
  }

  get(role: SheetRole): Sheet | undefined {
    return this.byRole.get(role);
  }

  /** The role's sheet exists and its first write finished (FINISHED_KEY). */
  isFinished(role: SheetRole): boolean {
    return this.byRole.has(role) && this.finished.has(role);
  }

  /** One getSheetId per role, asked once. */
  private idOf(role: SheetRole): number | undefined {
    const sheet = this.byRole.get(role);
    if (!sheet) return undefined;
    let id = this.idByRole.get(role);
    if (id === undefined) {
      id = sheet.getSheetId();
      this.idByRole.set(role, id);
    }
    return id;
  }

  ids(): Set<number> {
    return new Set([...this.byRole.keys()].map((role) => this.idOf(role) as number));
  }

  /** Values under `key` on whole columns of the role's sheet: column number → value (first wins). */
  columnValues(role: SheetRole, key: string): Map<number, string> {
    return new Map([...this.along(role, key, 'column')].map(([at, md]) => [at, md.getValue() as string]));
  }

  /**
   * Entries under `key` on whole rows of the role's sheet: row number → entry (the first with a value), so a
   * row's value can be read (getValue, free) and corrected (setValue, one call) without asking again.
   */
  rowEntries(role: SheetRole, key: string): Map<number, DeveloperMetadata> {
    return this.along(role, key, 'row');
  }

  private along(role: SheetRole, key: string, dimension: 'column' | 'row'): Map<number, DeveloperMetadata> {
    const id = this.idOf(role);
    return id === undefined ? new Map<number, DeveloperMetadata>() : this.entriesOnGrid(id, key, dimension);
  }

  /** Values under `key` on whole columns or rows of the sheet with this grid id: number → value (first wins). */
  onGrid(id: number, key: string, dimension: 'column' | 'row'): Map<number, string> {
    const entries = this.entriesOnGrid(id, key, dimension);
    return new Map([...entries].map(([at, md]) => [at, md.getValue() as string]));
  }

  private entriesOnGrid(
    id: number,
    key: string,
    dimension: 'column' | 'row',
  ): Map<number, DeveloperMetadata> {
    const out = new Map<number, DeveloperMetadata>();
    for (const md of this.metadata) {
      if (md.getKey() !== key) continue;
      const location = md.getLocation();
      const range = dimension === 'column' ? location.getColumn() : location.getRow();
      if (!range || range.getGridId() !== id) continue;
      const at = dimension === 'column' ? range.getColumn() : range.getRow();
      if (md.getValue() !== null && !out.has(at)) out.set(at, md);
    }
    return out;
  }

  /**
   * The sheet a row mark names as its own: metadata `key` on a whole row whose value is `<mark>@<grid id>` and that
   * stands on that very grid. A copy of the sheet carries the mark with the original's id, so it never answers.
   * Found with the location getters only (no call): the sheet, the row and the grid id.
   */
  selfMarked(key: string, mark: string): { sheet: Sheet; row: number; gridId: number } | null {
    for (const md of this.metadata) {
      if (md.getKey() !== key) continue;
      const [value, id] = (md.getValue() ?? '').split('@');
      const range = value === mark ? md.getLocation().getRow() : null;
      if (range && String(range.getGridId()) === id) {
        return { sheet: range.getSheet(), row: range.getRow(), gridId: range.getGridId() };
      }
    }
    return null;
  }
}

/** Everything the add-on marked in the spreadsheet: one finder call. */
export function findOwnedSheets(ss: Spreadsheet): OwnedSheets {
  return new OwnedSheets(ss.createDeveloperMetadataFinder().find());
}

/** The last call of a sheet's first write (FINISHED_KEY). */
export function markFinished(sheet: Sheet, role: SheetRole): void {
  // A run stopped right after the role metadata landed left its "making" mark (ownedSheets.ts): gone now.
  doneMaking(role);
  sheet.addDeveloperMetadata(FINISHED_KEY, role);
}
