// Developer metadata: key/value pairs on the spreadsheet, a sheet, or a whole row/column.
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-location
import type { Core } from './core';
import {
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  enumKey,
  type EnumMember,
} from './enums';
import { exception } from './errors';
import { unwrap } from './serviceProxy';
import type { GridRect, MetadataEntry, MetadataLocation } from './workbook';

/** Fact 83. */
export const WHOLE_ROW_OR_COLUMN_ONLY =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

// Stand-in wording (no source found for the real texts).
const NOT_SINGLE_COLUMN = 'The range must be a single column.';
const NOT_SINGLE_ROW = 'The range must be a single row.';
const INTERSECTING_NEEDS_RANGE = 'onIntersectingLocations() is only valid for a finder created from a range.';
const REMOVED = 'This developer metadata has been removed.';

function isVisibility(value: unknown): boolean {
  return !!value && typeof value === 'object' && ['DOCUMENT', 'PROJECT'].includes(enumKey(value));
}

/**
 * Adds metadata; `(key)`, `(key, value)`, `(key, visibility)` or `(key, value, visibility)`. Default
 * visibility DOCUMENT (fact 84).
 */
export function addMetadataAt(
  core: Core,
  location: MetadataLocation,
  key: string,
  valueOrVisibility?: unknown,
  visibility?: unknown,
): void {
  let value: string | null = null;
  let vis = 'DOCUMENT';
  if (isVisibility(valueOrVisibility)) vis = enumKey(valueOrVisibility);
  else if (valueOrVisibility !== undefined && valueOrVisibility !== null) value = String(valueOrVisibility);
  if (isVisibility(visibility)) vis = enumKey(visibility);
  core.workbook.metadata.push({
    id: core.workbook.newMetadataId(),
    key: String(key),
    value,
    visibility: vis as MetadataEntry['visibility'],
    location: { ...location },
  });
}

function sameLocation(a: MetadataLocation, b: MetadataLocation): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'SPREADSHEET') return true;
  if (a.type === 'SHEET') return a.sheetId === (b as { sheetId: number }).sheetId;
  const other = b as { sheetId: number; index: number };
  return a.sheetId === other.sheetId && a.index === other.index;
}

/** Metadata attached exactly at a location (fact 85). */
export function metadataAt(
  core: Core,
  location: MetadataLocation,
): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
  return core.workbook.metadata
    .filter((m) => sameLocation(m.location, location))
    .map((m) => makeMetadata(core, m.id));
}

// Getters answer from the object itself and are not counted (calls.ts).
const METADATA_UNCOUNTED = new Set([
  'getId',
  'getKey',
  'getValue',
  'getVisibility',
  'getLocation',
  'toString',
]);

export class DeveloperMetadataImpl {
  constructor(
    readonly _core: Core,
    readonly _id: number,
  ) {}

  private entry(): MetadataEntry {
    const entry = this._core.workbook.metadata.find((m) => m.id === this._id);
    if (!entry) throw exception(REMOVED);
    return entry;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata#getId() — fact 87.
  getId() {
    return this._id;
  }
  getKey() {
    return this.entry().key;
  }
  getValue() {
    return this.entry().value;
  }
  getVisibility() {
    return DeveloperMetadataVisibility[this.entry().visibility];
  }
  getLocation() {
    return makeLocation(this._core, this.entry().location);
  }
  setKey(key: string) {
    this.entry().key = String(key);
    return this;
  }
  setValue(value: string | null) {
    this.entry().value = value === null ? null : String(value);
    return this;
  }
  setVisibility(visibility: EnumMember) {
    this.entry().visibility = enumKey(visibility) as MetadataEntry['visibility'];
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata#remove()
  remove() {
    this.entry();
    this._core.workbook.metadata = this._core.workbook.metadata.filter((m) => m.id !== this._id);
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata#moveToColumn(Range) — fact 88.
  moveToColumn(range: unknown) {
    const r = unwrap(range) as { _sheet: { id: number }; _column: number; _numColumns: number };
    if (r._numColumns !== 1) throw exception(NOT_SINGLE_COLUMN);
    this.entry().location = { type: 'COLUMN', sheetId: r._sheet.id, index: r._column };
    return this;
  }
  moveToRow(range: unknown) {
    const r = unwrap(range) as { _sheet: { id: number }; _row: number; _numRows: number };
    if (r._numRows !== 1) throw exception(NOT_SINGLE_ROW);
    this.entry().location = { type: 'ROW', sheetId: r._sheet.id, index: r._row };
    return this;
  }
  moveToSheet(sheet: unknown) {
    const s = unwrap(sheet) as { _model: { id: number } };
    this.entry().location = { type: 'SHEET', sheetId: s._model.id };
    return this;
  }
  moveToSpreadsheet() {
    this.entry().location = { type: 'SPREADSHEET' };
    return this;
  }
  toString() {
    return 'DeveloperMetadata';
  }
}

export function makeMetadata(core: Core, id: number): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
  return core.wrap(new DeveloperMetadataImpl(core, id), 'DeveloperMetadata', {
    counted: true,
    uncounted: METADATA_UNCOUNTED,
    document: true,
  }) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata;
}

export class DeveloperMetadataLocationImpl {
  constructor(
    readonly _core: Core,
    readonly _location: MetadataLocation,
  ) {}
  getLocationType() {
    return DeveloperMetadataLocationType[this._location.type];
  }
  getSpreadsheet() {
    return this._location.type === 'SPREADSHEET' ? this._core.spreadsheet() : null;
  }
  getSheet() {
    const loc = this._location;
    if (loc.type === 'SPREADSHEET') return null;
    const sheet = this._core.workbook.sheetById(loc.sheetId);
    return sheet ? this._core.sheet(sheet) : null;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-location#getRow()
  getRow() {
    const loc = this._location;
    if (loc.type !== 'ROW') return null;
    const sheet = this._core.workbook.sheetById(loc.sheetId)!;
    return this._core.range(sheet, loc.index, 1, 1, sheet.maxColumns, {
      startRowBounded: true,
      endRowBounded: true,
      startColumnBounded: false,
      endColumnBounded: false,
    });
  }
  getColumn() {
    const loc = this._location;
    if (loc.type !== 'COLUMN') return null;
    const sheet = this._core.workbook.sheetById(loc.sheetId)!;
    return this._core.range(sheet, 1, loc.index, sheet.maxRows, 1, {
      startRowBounded: false,
      endRowBounded: false,
      startColumnBounded: true,
      endColumnBounded: true,
    });
  }
  toString() {
    return 'DeveloperMetadataLocation';
  }
}

function makeLocation(core: Core, location: MetadataLocation) {
  return core.wrap(new DeveloperMetadataLocationImpl(core, { ...location }), 'DeveloperMetadataLocation', {
    counted: false,
  });
}

export type FinderScope =
  { kind: 'spreadsheet' } | { kind: 'sheet'; sheetId: number } | { kind: 'range'; rect: GridRect };

export class DeveloperMetadataFinderImpl {
  private key?: string;
  private value?: string;
  private id?: number;
  private locationType?: string;
  private visibility?: string;
  private intersecting = false;

  constructor(
    readonly _core: Core,
    readonly _scope: FinderScope,
  ) {}

  withKey(key: string) {
    this.key = String(key);
    return this;
  }
  withValue(value: string) {
    this.value = String(value);
    return this;
  }
  withId(id: number) {
    this.id = id;
    return this;
  }
  withLocationType(type: unknown) {
    this.locationType = enumKey(type);
    return this;
  }
  withVisibility(visibility: unknown) {
    this.visibility = enumKey(visibility);
    return this;
  }
  // https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder#onIntersectingLocations()
  onIntersectingLocations() {
    if (this._scope.kind !== 'range') throw exception(INTERSECTING_NEEDS_RANGE);
    this.intersecting = true;
    return this;
  }

  private inScope(loc: MetadataLocation): boolean {
    const scope = this._scope;
    if (scope.kind === 'spreadsheet') return true;
    if (scope.kind === 'sheet') return loc.type !== 'SPREADSHEET' && loc.sheetId === scope.sheetId;
    const rect = scope.rect;
    if (loc.type === 'SPREADSHEET' || loc.sheetId !== rect.sheetId) return false;
    const sheet = this._core.workbook.sheetById(rect.sheetId)!;
    const inRows = (i: number) => i >= rect.row && i < rect.row + rect.numRows;
    const inColumns = (i: number) => i >= rect.column && i < rect.column + rect.numColumns;
    if (this.intersecting) {
      // Sheet-level metadata is taken to intersect every range on its sheet.
      if (loc.type === 'SHEET') return true;
      return loc.type === 'ROW' ? inRows(loc.index) : inColumns(loc.index);
    }
    // Without onIntersectingLocations, only locations wholly inside the range count.
    if (loc.type === 'SHEET') return false;
    if (loc.type === 'ROW')
      return inRows(loc.index) && rect.column === 1 && rect.numColumns === sheet.maxColumns;
    return inColumns(loc.index) && rect.row === 1 && rect.numRows === sheet.maxRows;
  }

  // https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder#find()
  find() {
    return this._core.workbook.metadata
      .filter(
        (m) =>
          this.inScope(m.location) &&
          (this.key === undefined || m.key === this.key) &&
          (this.value === undefined || m.value === this.value) &&
          (this.id === undefined || m.id === this.id) &&
          (this.locationType === undefined || m.location.type === this.locationType) &&
          (this.visibility === undefined || m.visibility === this.visibility),
      )
      .map((m) => makeMetadata(this._core, m.id));
  }
  toString() {
    return 'DeveloperMetadataFinder';
  }
}

export function makeFinder(
  core: Core,
  scope: FinderScope,
): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
  return core.wrap(new DeveloperMetadataFinderImpl(core, scope), 'DeveloperMetadataFinder', {
    counted: false,
    countedMethods: new Set(['find']),
    document: true,
  }) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
}
