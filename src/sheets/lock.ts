// One build or summary at a time per document: a second one started meanwhile is told to retry, never
// interleaved. https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
import { UserError } from './errors';
import { forgetSheetCount } from './ownedSheets';

const WAIT_MS = 3000;

export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  // null only outside a document (fact: getDocumentLock), where there is nothing to interleave with.
  if (lock && !lock.tryLock(WAIT_MS)) {
    throw new UserError(
      'Partner Segments is already at work in this spreadsheet (building the roster, generating the summary ' +
        'or editing segments, perhaps in another window). Try again in a minute.',
    );
  }
  try {
    forgetSheetCount();
    return work();
  } finally {
    if (lock) {
      SpreadsheetApp.flush(); // commit pending writes before others may start (Lock reference).
      lock.releaseLock();
    }
  }
}
