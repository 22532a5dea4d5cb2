// The user's choices (which sheet is the partner list, which columns), kept in document properties so every
// editor of the spreadsheet shares them. https://developers.google.com/apps-script/guides/properties
import type { ListLayout } from '../core/types';

const LIST_KEY = 'partnerSegments.list';

export interface ListSettings {
  sheetId: number;
  /** The name when it was chosen, to say which sheet is gone if it is deleted. */
  sheetName: string;
  /** null: detect the layout each time. */
  layout: ListLayout | null;
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
