// Apps Script enums: each member's toString() and name() give its key, ordinal() its position (fact 100).
// https://developers.google.com/apps-script/reference/spreadsheet (Enum pages)

export interface EnumMember {
  toString(): string;
  name(): string;
  ordinal(): number;
  compareTo(other: EnumMember): number;
  toJSON(): string;
}

export type EnumOf<K extends string> = Readonly<Record<K, EnumMember>>;

/** A class (not a plain object) so the realm boundary hands members over by identity, never copied. */
class EnumValue implements EnumMember {
  constructor(
    private readonly key: string,
    private readonly index: number,
  ) {
    Object.freeze(this);
  }
  toString(): string {
    return this.key;
  }
  name(): string {
    return this.key;
  }
  ordinal(): number {
    return this.index;
  }
  compareTo(other: EnumMember): number {
    return this.index - other.ordinal();
  }
  toJSON(): string {
    return this.key;
  }
}

export function makeEnum<K extends string>(keys: readonly K[]): EnumOf<K> {
  const members = {} as Record<K, EnumMember>;
  keys.forEach((key, index) => {
    members[key] = new EnumValue(key, index);
  });
  return Object.freeze(members);
}

/** The key of an enum member, or of a plain string naming one (lenient where Apps Script is strict). */
export function enumKey(value: unknown): string {
  if (value && typeof value === 'object' && typeof (value as EnumMember).name === 'function') {
    return (value as EnumMember).name();
  }
  return String(value);
}

export const DataValidationCriteria = makeEnum([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
] as const);

export const BooleanCriteria = makeEnum([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_NOT_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_ENDS_WITH',
  'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'CUSTOM_FORMULA',
] as const);

export const DeveloperMetadataVisibility = makeEnum(['DOCUMENT', 'PROJECT'] as const);
export const DeveloperMetadataLocationType = makeEnum(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'] as const);
export const ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);
export const WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const);
export const Dimension = makeEnum(['COLUMNS', 'ROWS'] as const);
export const SheetType = makeEnum(['GRID', 'OBJECT', 'DATASOURCE'] as const);
export const RelativeDate = makeEnum([
  'TODAY',
  'TOMORROW',
  'YESTERDAY',
  'PAST_WEEK',
  'PAST_MONTH',
  'PAST_YEAR',
] as const);
export const ChartType = makeEnum([
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const);
export const ChartHiddenDimensionStrategy = makeEnum([
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
] as const);
export const ChartMergeStrategy = makeEnum(['MERGE_COLUMNS', 'MERGE_ROWS'] as const);
export const Position = makeEnum(['AUTOMATIC', 'TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const);
export const AuthMode = makeEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
export const SandboxMode = makeEnum(['EMULATED', 'IFRAME', 'NATIVE'] as const);
export const XFrameOptionsMode = makeEnum(['ALLOWALL', 'DEFAULT'] as const);
export const InterpolationType = makeEnum(['NUMBER', 'PERCENT', 'PERCENTILE', 'MIN', 'MAX'] as const);
export const BorderStyle = makeEnum([
  'DOTTED',
  'DASHED',
  'SOLID',
  'SOLID_MEDIUM',
  'SOLID_THICK',
  'DOUBLE',
] as const);
export const CopyPasteType = makeEnum([
  'PASTE_NORMAL',
  'PASTE_NO_BORDERS',
  'PASTE_FORMAT',
  'PASTE_FORMULA',
  'PASTE_DATA_VALIDATION',
  'PASTE_VALUES',
  'PASTE_CONDITIONAL_FORMATTING',
  'PASTE_COLUMN_WIDTHS',
] as const);
