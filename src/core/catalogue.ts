// The catalogue the add-on starts from: the seed's segments and the levels of partnership (PRODUCT.md); no goals
// (the organization's own), only the Goals table's hint.
import { normaliseName } from './text';
import type { Catalogue, Goal, Level, Segment } from './types';

/** The eight default segments. Names are exact (people type them in formulas); ids never change. */
export const DEFAULT_SEGMENTS: readonly Segment[] = Object.freeze(
  [
    {
      id: 'contractor',
      name: 'Contractor',
      definition: 'Paid to deliver defined work under a contract',
      howToManage: 'Contract management: scope, milestones, deliverables, invoices',
      keywords: [
        'contract',
        'contractor',
        'vendor',
        'consultant',
        'supplier',
        'procurement',
        'invoice',
        'billed',
        'purchase order',
        'service provider',
        'services agreement',
        'hired',
        'paid',
        'fee',
        'retainer',
        'commissioned',
      ],
      color: '',
      reviewMonths: 3,
    },
    {
      id: 'advisor',
      name: 'Advisor',
      definition: 'Gives expertise, advice or insight',
      howToManage: 'Ask for advice on specific topics, thank them, show what you did with it',
      // Not "council": city, arts, watershed and interfaith councils are rarely advisors ("advisory council" is).
      keywords: [
        'advisor',
        'adviser',
        'advisory',
        'advise',
        'advice',
        'mentor',
        'expert',
        'technical assistance',
        'researcher',
        'panelist',
        'review panel',
        'juror',
      ],
      color: '',
      reviewMonths: 6,
    },
    {
      id: 'funder',
      name: 'Funder',
      definition: 'Gives grants, donations or sponsorship',
      howToManage: 'Stewardship: timely reports, recognition, a relationship with the program officer',
      keywords: [
        'grant',
        'grantor',
        'funder',
        'donor',
        'foundation',
        'sponsor',
        'grantmaker',
        'funding',
        'cooperative agreement',
        'community benefit',
        'united way',
        'gift',
      ],
      color: '',
      reviewMonths: 6,
    },
    {
      id: 'grantee',
      name: 'Grantee',
      definition: 'Receives funds or goods from you (grants, food, equipment) to use or pass on',
      howToManage: 'Agreement, monitoring and compliance',
      // "Partner agency": a food bank's pantries and shelters; the longer keyword wins over Public agency's "agency".
      keywords: [
        'grantee',
        'subgrant',
        'subgrantee',
        'subrecipient',
        'sub-recipient',
        'subaward',
        'sub-award',
        'regrant',
        're-grant',
        'mini-grant',
        'grant recipient',
        'grant from us',
        'awardee',
        'partner agency',
        'member agency',
        'agency agreement',
      ],
      color: '',
      reviewMonths: 3,
    },
    {
      id: 'implementing-partner',
      name: 'Implementing partner',
      definition: 'Delivers programs with you',
      howToManage: 'MOU, joint work plan, regular check-ins',
      keywords: [
        'MOU',
        'implementing',
        'co-deliver',
        'co-delivered',
        'program partner',
        'delivery partner',
        'delivering our',
        'jointly',
        'joint program',
        'joint project',
        'work plan',
        'data sharing agreement',
        'host site',
        'co-host',
        'co-present',
      ],
      color: '',
      reviewMonths: 3,
    },
    {
      id: 'coalition-ally',
      name: 'Coalition ally',
      definition: 'A peer that exchanges information or coordinates',
      howToManage: 'Keep informed, convene, share information',
      keywords: [
        'coalition',
        'network',
        'alliance',
        'peer',
        'working group',
        'association',
        'consortium',
        'collaborative',
        'roundtable',
        'task force',
        'member of',
        'co-promote',
      ],
      color: '',
      reviewMonths: 12,
    },
    {
      id: 'public-agency',
      name: 'Public agency',
      definition: 'Government body with oversight, permits or policy',
      howToManage: 'Manage closely: compliance, briefings, staff relationships',
      keywords: [
        'agency',
        'department',
        'ministry',
        'regulator',
        'permit',
        'city of',
        'county of',
        'state of',
        'federal',
        'municipal',
        'government',
        'governing body',
        'state agency',
        'city council',
        'county council',
        'town council',
        'board of supervisors',
        'commissioners',
        'authority',
        'tribe',
        'tribal',
        'school district',
        'water district',
        'conservation district',
        'irrigation district',
        'office of',
        'inspection',
        'oversight',
      ],
      color: '',
      reviewMonths: 6,
    },
    {
      id: 'community-supporter',
      name: 'Community supporter',
      definition: 'Gives volunteers, space or in-kind help',
      howToManage: 'Recognition and easy, specific asks',
      // The food a food bank is given is in-kind help: "food donor" wins over Funder's "donor".
      keywords: [
        'volunteer',
        'in-kind',
        'donated space',
        'congregation',
        'club',
        'pro bono',
        'food donor',
        'food donation',
        'food drive',
        'food rescue',
        'grocery rescue',
        'surplus',
        'gleaning',
        'in-kind donor',
        'in-kind donation',
        'retail donor',
        'grocery donor',
        'product donor',
      ],
      color: '',
      reviewMonths: 12,
    },
  ].map((segment) => Object.freeze({ ...segment, keywords: Object.freeze(segment.keywords) as string[] })),
);

/**
 * Levels of partnership: the Himmelman continuum (part 2 of the series), lightest to deepest. How closely we work
 * with a partner; whether our goals depend on it is the Goals table's question, not a level.
 */
export const DEFAULT_LEVELS: readonly Level[] = Object.freeze([
  Object.freeze({ name: 'Networking', meaning: 'Exchange information' }),
  Object.freeze({ name: 'Coordinating', meaning: 'Adjust activities for a common purpose' }),
  Object.freeze({ name: 'Cooperating', meaning: 'Share resources' }),
  Object.freeze({
    name: 'Collaborating',
    meaning: "Enhance each other's capacity; share risks, responsibilities and rewards",
  }),
]);

/**
 * The one line a new Goals table starts with, in its Goal column: a hint, not a goal (the organization's goals
 * are its own to write). Read as no goal while it stands as written.
 */
export const GOALS_HINT = "Type your organization's goals here, one per row (this line is only a hint)";

/** The lighter half of the Levels table: its first ⌊n/2⌋ rows (with an odd count the middle level is in neither). */
export function lighterLevels(levels: readonly Level[]): Level[] {
  return levels.slice(0, Math.floor(levels.length / 2));
}

/** The deepest level: the Levels table's last row (null without levels). */
export function deepestLevel(levels: readonly Level[]): Level | null {
  return levels.length ? levels[levels.length - 1] : null;
}

/** The goal a `Strategic for` cell names, by its current name or the name the roster still uses for it. */
export function goalNamed(goals: readonly Goal[], text: string): Goal | undefined {
  const n = normaliseName(text);
  if (!n) return undefined;
  return (
    goals.find((g) => normaliseName(g.name) === n) ?? goals.find((g) => normaliseName(g.rosterName) === n)
  );
}

/**
 * Header colours for segments whose Color is blank: light tints, so black header text stays readable
 * (contrast with black of at least 7:1), and far enough apart (CIE ΔE ≥ 19) to tell the segments apart.
 */
export const DEFAULT_PALETTE: readonly string[] = Object.freeze([
  '#9cc3f0', // sky blue
  '#f7bd86', // apricot
  '#a6dc96', // leaf green
  '#f5a9c0', // rose
  '#c6b3ef', // lavender
  '#f2e384', // butter yellow
  '#8fdcd0', // aqua
  '#d9d9d9', // light grey
  '#d8c0a4', // sand
  '#e88fe1', // orchid
]);

/** The rhythms `Review every (months)` accepts: whole months, up to three years. */
export const MIN_REVIEW_MONTHS = 1;
export const MAX_REVIEW_MONTHS = 36;

/** A `Review every (months)` cell as a rhythm: a whole number 1–36, else undefined (no rhythm). */
export function reviewMonthsOf(value: unknown): number | undefined {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  return Number.isInteger(n) && n >= MIN_REVIEW_MONTHS && n <= MAX_REVIEW_MONTHS ? n : undefined;
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** True for a '#rrggbb' colour, the only form the Segments tab's Color column accepts. */
export function isHexColor(value: string): boolean {
  return HEX_COLOR.test(value);
}

/** A segment's header colour: its own when it has a valid one, else the palette's, by catalogue position. */
export function segmentColor(segment: Pick<Segment, 'color'>, index: number): string {
  const own = segment.color.trim();
  if (isHexColor(own)) return own.toLowerCase();
  const n = DEFAULT_PALETTE.length;
  return DEFAULT_PALETTE[((index % n) + n) % n];
}

/** A fresh, mutable copy of the default catalogue (callers may edit it without touching the defaults). */
export function defaultCatalogue(): Catalogue {
  return {
    segments: DEFAULT_SEGMENTS.map((segment) => ({ ...segment, keywords: [...segment.keywords] })),
    levels: DEFAULT_LEVELS.map((level) => ({ ...level })),
    goals: [],
  };
}
