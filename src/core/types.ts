// The product's vocabulary, shared by the domain (src/core), the sheet layer (src/sheets) and the sidebar.
// Pure data: no Apps Script types here.

/** One segment of the catalogue, as the Segments tab or a `segments` range describes it. */
export interface Segment {
  /** Stable id (developer metadata on the Segments row); survives renames. '' when the source has none. */
  id: string;
  name: string;
  definition: string;
  howToManage: string;
  /** Keywords as people typed them (comma-separated in the sheet). The name is matched too, always. */
  keywords: string[];
  /** '#rrggbb', or '' for the default palette. */
  color: string;
  /**
   * How often a partner of this segment is reviewed, in months: a whole number 1–36 (Segments tab, `Review
   * every (months)`); absent when the segment has no rhythm.
   */
  reviewMonths?: number;
}

/**
 * A level of partnership (Segments tab, the Levels table). The order of the table's rows is the order of depth,
 * lightest first (Networking … Collaborating by default).
 */
export interface Level {
  name: string;
  meaning: string;
}

/** One of the organization's goals (Segments tab, the Goals table): what strategic partners are required for. */
export interface Goal {
  /** Stable id (developer metadata on the Goals row); survives renames. '' when the source has none. */
  id: string;
  name: string;
  /** What success looks like. */
  success: string;
  /**
   * The name the roster's `Strategic for` cells use for this goal: the name it had at the last refresh (kept in
   * its metadata). Differs from `name` after a rename until the next refresh carries the rename into the roster.
   */
  rosterName: string;
}

export interface Catalogue {
  segments: Segment[];
  levels: Level[];
  /** The Goals table's goals, in its order; [] when it holds none (a new tab holds only its hint). */
  goals: Goal[];
}

/** Where the partner list sits in its sheet. Row and column numbers are 1-based, as in Sheets. */
export interface ListLayout {
  headerRow: number;
  nameColumn: number;
  /** null when the list has no ID column. */
  idColumn: number | null;
  descriptionColumns: number[];
}

/** One distinct partner of the user's list, duplicates merged. */
export interface Partner {
  /** Identity used to find the partner again: `id:<ID>` or `name:<normalised name>`. */
  key: string;
  /** The name as first written in the list (not normalised). */
  name: string;
  /** The ID as written, '' when none. */
  id: string;
  /** Text of the description cells, row by row, cell by cell (every merged row included). */
  descriptions: string[];
  /** 1-based sheet rows of the list this partner came from. */
  sourceRows: number[];
}

/** What reading the list found, for the sidebar's "143 partners; 2 duplicate names merged; …". */
export interface ListReading {
  partners: Partner[];
  /** Data rows with no name and no ID. */
  blankRowsSkipped: number;
  /** Rows folded into an earlier row of the same partner. */
  duplicatesMerged: number;
  /** Of duplicatesMerged, the rows that shared an ID (the rest shared a name). Absent means 0. */
  duplicatesMergedById?: number;
  /**
   * Of blankRowsSkipped, the rows that were not empty: no name and no ID, but something else (say, only a
   * description). The sidebar says so, since those rows probably lack a name by mistake. Absent means 0.
   */
  rowsWithoutName?: number;
}
