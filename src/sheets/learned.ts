// The learning's sheet side (issue #15): the list's descriptions for the summary, in two calls whatever the
// list's size, and what the sidebar offers (keywords to add, misfiring ones to remove), kept in document
// properties when the summary is generated. https://developers.google.com/apps-script/guides/properties
import { compileMatcher } from '../core/matching';
import { detectLayout, readPartners } from '../core/partnerList';
import { typedText } from '../core/roster/cells';
import type { ColumnKey } from '../core/roster/columns';
import { learnFromRoster, learningSection, type Learning, type SectionRow } from '../core/summary/learning';
import { words } from '../core/words';
import type { Catalogue, ListLayout, Segment } from '../core/types';
import { UserError } from './errors';
import { savedLayout } from './listSheet';
import { valuesToLastCell } from './ranges';
import { loadListSettings } from './settings';
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const LEARNED_KEY = 'partnerSegments.learned';
/** A property value holds about 9 KB: the sidebar is offered this many at most (the summary lists them all). */
const MAX_STORED = 60;

/** One keyword the sidebar offers to add to a segment (consider) or remove from it (misfire). */
export interface LearnedKeyword {
  segmentId: string;
  keyword: string;
  kind: 'consider' | 'misfire';
  /** The counts, in words: "in 5 of 6 reviewed Funder partners, 1 of 30 others". */
  detail: string;
}

/**
 * The list's description cells by partner key: the saved list sheet by its id and its values (two calls). Null
 * when the list cannot be read (gone, empty, or its columns no longer found).
 */
function readDescriptions(ss: Spreadsheet): Map<string, readonly string[]> | null {
  const saved = loadListSettings();
  const sheet = saved ? ss.getSheetById(saved.sheetId) : null;
  if (!saved || !sheet) return null;
  const grid = valuesToLastCell(sheet);
  if (grid.length === 0) return null;
  let layout: ListLayout | null;
  try {
    layout = savedLayout(grid, saved, saved.sheetName);
  } catch (e) {
    if (e instanceof UserError) return null; // the confirmed name column is gone: the build says so
    throw e;
  }
  if (!layout) {
    try {
      layout = detectLayout(grid);
    } catch {
      return null;
    }
  }
  const byKey = new Map<string, readonly string[]>();
  for (const p of readPartners(grid, layout).partners) byKey.set(p.key, p.descriptions);
  return byKey;
}

/**
 * Learns from the roster as read for the summary, stores what the sidebar offers, and gives the summary's
 * section. The tables ride the summary's one setValues; reading the list costs two calls.
 */
export function learnForSummary(
  ss: Spreadsheet,
  catalogue: Catalogue,
  values: readonly unknown[][],
  keys: readonly (ColumnKey | null)[],
  segmentsTab: string,
): { learning: Learning; section: SectionRow[] } {
  const descriptions = readDescriptions(ss) ?? new Map<string, readonly string[]>();
  const learning = learnFromRoster({
    catalogue,
    matcher: compileMatcher(catalogue.segments),
    values,
    keys,
    descriptions,
  });
  saveLearned(offers(learning, catalogue));
  return { learning, section: learningSection(learning, catalogue, typedText, segmentsTab) };
}

function offers(learning: Learning, catalogue: Catalogue): LearnedKeyword[] {
  const out: LearnedKeyword[] = [];
  learning.segments.forEach((seg, i) => {
    const s = catalogue.segments[i];
    for (const p of seg.consider)
      out.push({
        segmentId: s.id,
        keyword: p.term,
        kind: 'consider',
        detail: `in ${p.inSegment} of ${seg.ticked} reviewed ${s.name} partners, ${p.others} of ${learning.reviewed - seg.ticked} others`,
      });
    for (const m of seg.misfires)
      out.push({
        segmentId: s.id,
        keyword: m.keyword,
        kind: 'misfire',
        detail: `suggested ${s.name} for ${m.unticked + m.kept} reviewed partners, ${m.unticked} of them unticked`,
      });
  });
  return out.slice(0, MAX_STORED);
}

function saveLearned(items: LearnedKeyword[]): void {
  PropertiesService.getDocumentProperties().setProperty(LEARNED_KEY, JSON.stringify(items));
}

function loadLearned(): LearnedKeyword[] {
  const raw = PropertiesService.getDocumentProperties().getProperty(LEARNED_KEY);
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed)
      ? parsed.filter(
          (x): x is LearnedKeyword =>
            typeof x === 'object' &&
            x !== null &&
            typeof x.segmentId === 'string' &&
            typeof x.keyword === 'string' &&
            (x.kind === 'consider' || x.kind === 'misfire') &&
            typeof x.detail === 'string',
        )
      : [];
  } catch {
    return []; // unreadable: as good as none, the next summary writes it again
  }
}

/** Folded words of a keyword joined by one space: how two spellings of the same keyword compare. */
export function keywordKey(keyword: string): string {
  return words(keyword).join(' ');
}

/**
 * What the sidebar offers now: proposals the segment's keywords do not match yet, and misfiring keywords the
 * segment still has (its name, always a keyword, cannot be removed and is not offered).
 */
export function currentOffers(segments: readonly Segment[]): LearnedKeyword[] {
  const byId = new Map(segments.map((s) => [s.id, s]));
  return loadLearned().filter((item) => {
    const s = byId.get(item.segmentId);
    if (!s) return false;
    if (item.kind === 'consider') return !compileMatcher([s]).matchCells([item.keyword]).includes(0);
    const key = keywordKey(item.keyword);
    return key !== keywordKey(s.name) && s.keywords.some((k) => keywordKey(k) === key);
  });
}
