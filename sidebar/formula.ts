// The PARTNER_SEGMENT formula step 3 offers to copy: it reads the list's first description column (else its
// name column) from the row under the header, on the list's sheet, with the Segments tab's range (issue 18: it
// was a fixed B2:B, which on most lists is not the column that describes the partners).
import type { ListView } from '../src/api';
import { columnLetter } from '../src/core/columns';
import { sheetPrefix } from '../src/core/roster/a1';

export const DEFAULT_FORMULA = '=PARTNER_SEGMENT(B2:B, Segments!A:E)';

export function partnerSegmentFormula(list: ListView | null, segmentsTab: string | null): string {
  if (!list) return DEFAULT_FORMULA;
  const column = columnLetter(list.descriptionColumns[0] ?? list.nameColumn);
  const from = `${sheetPrefix(list.sheet)}${column}${list.headerRow + 1}:${column}`;
  return `=PARTNER_SEGMENT(${from}, ${sheetPrefix(segmentsTab ?? 'Segments')}A:E)`;
}
