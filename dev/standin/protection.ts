// Protections of sheets and ranges (facts 90–95).
// https://developers.google.com/apps-script/reference/spreadsheet/protection
import type { Core } from './core';
import { ProtectionType } from './enums';
import { exception } from './errors';
import { rectOf } from './serviceProxy';
import type { GridRect, ProtectionData, SheetModel } from './workbook';

// Stand-in wording (no source found for the real texts).
const UNPROTECTED_NEEDS_SHEET = 'Unprotected ranges can only be set on a sheet protection.';
const OTHER_SHEET = 'The range is not on the protected sheet.';

export class ProtectionImpl {
  constructor(
    readonly _core: Core,
    readonly _sheet: SheetModel,
    readonly _id: number,
  ) {}

  private data(): ProtectionData {
    const data = this._sheet.protections.find((p) => p.id === this._id);
    if (!data) throw exception('This protection has been removed.');
    return data;
  }
  getProtectionType() {
    return ProtectionType[this.data().type];
  }
  // Fact 91: a sheet protection spans the whole grid and its A1 notation is ''.
  getRange() {
    const d = this.data();
    if (d.type === 'SHEET') {
      return this._core.range(this._sheet, 1, 1, this._sheet.maxRows, this._sheet.maxColumns, {
        startRowBounded: false,
        endRowBounded: false,
        startColumnBounded: false,
        endColumnBounded: false,
      });
    }
    return this._core.rangeOfRect(d.rect);
  }
  setRange(range: unknown) {
    this.data().rect = rectOf(range);
    return this;
  }
  getDescription() {
    return this.data().description;
  }
  setDescription(description: string) {
    this.data().description = String(description);
    return this;
  }
  isWarningOnly() {
    return this.data().warningOnly;
  }
  setWarningOnly(warningOnly: boolean) {
    this.data().warningOnly = !!warningOnly;
    return this;
  }
  // Fact 94.
  setUnprotectedRanges(ranges: unknown[]) {
    const d = this.data();
    if (d.type !== 'SHEET') throw exception(UNPROTECTED_NEEDS_SHEET);
    const rects = ranges.map((range) => rectOf(range));
    if (rects.some((r) => r.sheetId !== this._sheet.id)) throw exception(OTHER_SHEET);
    d.unprotected = rects;
    return this;
  }
  getUnprotectedRanges() {
    const d = this.data();
    return d.type === 'SHEET' ? d.unprotected.map((r) => this._core.rangeOfRect(r)) : [];
  }
  getRangeName() {
    return this.data().rangeName;
  }
  setRangeName(name: string) {
    this.data().rangeName = String(name);
    return this;
  }
  // Fact 92.
  getEditors() {
    return [];
  }
  canEdit() {
    return true;
  }
  canDomainEdit() {
    return true;
  }
  addEditor() {
    return this;
  }
  addEditors() {
    return this;
  }
  removeEditor() {
    return this;
  }
  removeEditors() {
    return this;
  }
  setDomainEdit() {
    return this;
  }
  remove() {
    this.data();
    this._sheet.protections = this._sheet.protections.filter((p) => p.id !== this._id);
  }
  toString() {
    return 'Protection';
  }
}

export function makeProtection(
  core: Core,
  sheet: SheetModel,
  id: number,
): GoogleAppsScript.Spreadsheet.Protection {
  return core.wrap(new ProtectionImpl(core, sheet, id), 'Protection', {
    counted: true,
    document: true,
  }) as unknown as GoogleAppsScript.Spreadsheet.Protection;
}

/** Fact 90: protecting an already protected sheet returns the existing protection. */
export function protectSheet(core: Core, sheet: SheetModel) {
  let data = sheet.protections.find((p) => p.type === 'SHEET');
  if (!data) {
    data = {
      id: core.workbook.nextObjectId++,
      type: 'SHEET',
      rect: sheet.rect(1, 1, sheet.maxRows, sheet.maxColumns),
      description: '',
      warningOnly: false,
      unprotected: [],
      rangeName: null,
    };
    sheet.protections.push(data);
  }
  return makeProtection(core, sheet, data.id);
}

export function protectRange(core: Core, rect: GridRect) {
  const sheet = core.workbook.sheetById(rect.sheetId)!;
  const data: ProtectionData = {
    id: core.workbook.nextObjectId++,
    type: 'RANGE',
    rect,
    description: '',
    warningOnly: false,
    unprotected: [],
    rangeName: null,
  };
  sheet.protections.push(data);
  return makeProtection(core, sheet, data.id);
}

/** Fact 30: all range protections, or the sheet protection as an array of at most one. */
export function protectionsOf(core: Core, sheet: SheetModel, type: unknown) {
  const key = String(type);
  return sheet.protections.filter((p) => p.type === key).map((p) => makeProtection(core, sheet, p.id));
}
