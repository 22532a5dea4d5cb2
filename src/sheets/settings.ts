// The user's choices (which sheet is the partner list, which columns), kept in document properties so every
// editor of the spreadsheet shares them. https://developers.google.com/apps-script/guides/properties
import type { ConfirmedHeaders } from '../core/confirmedLayout';
import type { ListLayout } from '../core/types';

const LIST_KEY = 'partnerSegments.list';

export interface ListSettings {
  sheetId: number;
  /** The name when it was chosen, to say which sheet is gone if it is deleted. */
  sheetName: string;
  /** null: detect the layout each time. */
  layout: ListLayout | null;
  /**
   * The confirmed columns' header texts, by which each run finds them again (absent in settings saved before
   * they were kept: the numbers are used once, and the next build saves the headers).
   */
  headers?: ConfirmedHeaders | null;
}

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function loadListSettings(): ListSettings | null {
  const raw = store().getProperty(LIST_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as ListSettings;
    return typeof parsed.sheetId === 'number' ? parsed : null;
  } catch {
    return null; // Unreadable settings are as good as none: detection takes over.
  }
}

export function saveListSettings(settings: ListSettings): void {
  store().setProperty(LIST_KEY, JSON.stringify(settings));
}
