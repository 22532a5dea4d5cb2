// A realistic partner list for the bench, the same for the same seed and size: a title row, then
// `Organization | Partner ID | Relationship | Description / Notes | Contact email | Phone | Since`, one row per
// partner, with what real lists have: blank and placeholder IDs (those partners are matched by name), the same
// partner on two rows (same ID, or the same name typed with other case and spacing), blank rows, a row with a
// note but no name, messy spacing, accents, and descriptions whose keywords hit none, one or several segments.
//
// `partners` distinct partners come first; `newPartners` more, for the refresh, are returned apart (`extra`),
// so the refresh appends exactly 1% new partners at the end of the list.
import type { StandIn } from '../standin/index';

export type Row = (string | number | Date)[];

export interface GeneratedList {
  /** Title, header and partner rows, as the sheet holds them. */
  grid: Row[];
  /** Rows of the new partners, to append for the refresh. */
  extra: Row[];
  /** Distinct partners in `grid` (duplicate rows and blank rows not counted). */
  partners: number;
  /** Every description cell of `grid` and `extra`, in order: PARTNER_SEGMENT's input. */
  descriptions: string[];
}

export const LIST_SHEET = 'Partners';
export const HEADER = [
  'Organization',
  'Partner ID',
  'Relationship',
  'Description / Notes',
  'Contact email',
  'Phone',
  'Since',
];

/** mulberry32: a small, fast, seeded generator (same seed, same list on every machine). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADJECTIVES = [
  'Green',
  'Bright',
  'Golden',
  'Silver',
  'Northern',
  'Eastside',
  'Open',
  'Blue',
  'Harbor',
  'Cedar',
  'Riverside',
  'Summit',
  'Maple',
  'Sunrise',
  'Hillside',
  'Pioneer',
  'Unity',
  'Liberty',
  'Meadow',
  'Coastal',
  'Prairie',
  'Oak',
  'Lakeview',
  'Heritage',
  'New',
  'Common',
  'Lantern',
  'Willow',
  'Granite',
  'Evergreen',
];
const NOUNS = [
  'Valley',
  'Path',
  'Harvest',
  'Bridge',
  'Table',
  'Roots',
  'Horizon',
  'Hands',
  'Compass',
  'Garden',
  'Light',
  'Hearth',
  'Journey',
  'Circle',
  'Field',
  'Spring',
  'Ridge',
  'Anchor',
  'Beacon',
  'Harbor',
  'Orchard',
  'Commons',
  'Tree',
  'Well',
  'Way',
  'Star',
  'Stone',
  'Pantry',
  'Kitchen',
  'Works',
];
const TYPES = [
  'Foundation',
  'Consulting',
  'Logistics',
  'Trust',
  'Alliance',
  'Network',
  'Services',
  'Collective',
  'Partners',
  'Association',
  'Cooperative',
  'Fund',
  'Institute',
  'Center',
  'Society',
  'Group',
  'Project',
  'Initiative',
  'Council',
  'Club',
  'Ministries',
  'Coalition',
  'Studio',
  'Labs',
  'Company',
];
const PLACES = [
  'Riverside',
  'Springfield',
  'Marin',
  'Fairview',
  'Greenville',
  'Clinton',
  'Madison',
  'Georgetown',
  'Salem',
  'Franklin',
  'Ashland',
  'Burlington',
  'Dover',
  'Oxford',
  'Milton',
  'Lexington',
  'Kingston',
  'Auburn',
  'Bristol',
  'Hudson',
];
const DEPARTMENTS = [
  'Parks Department',
  'Health Department',
  'Housing Authority',
  'Public Library',
  'School District',
  'Office of Aging',
  'Water Board',
  'Planning Office',
];
const FIRST = [
  'Amara',
  'José',
  'Li',
  'Priya',
  'Tom',
  'Fatima',
  'Grace',
  'Mateo',
  'Hannah',
  'Kwame',
  'Sofia',
  'Ahmed',
  'Nora',
  'Ravi',
  'Elena',
  'Sam',
];
const LAST = [
  'Okafor',
  'García',
  'Chen',
  'Patel',
  'Nguyen',
  'Schmidt',
  'Haddad',
  'Kowalski',
  'Johnson',
  'Müller',
  'Rossi',
  'Tanaka',
  'Mensah',
  'Dubois',
  'Silva',
  'Brown',
];
const ACCENTED = [
  'Fundación Esperanza',
  'Société Saint-Vincent',
  'Café Solidário',
  'Crèche Étoile',
  'Asociación Raíces',
];

/** Phrases whose keywords hit one segment each (some hit two), by segment; and phrases that hit none. */
const PHRASES: string[][] = [
  [
    'Refrigerated trucking under contract; invoice monthly',
    'IT consultant for the database migration',
    'Printing vendor for the annual report',
    'Supplier of bulk food',
    'Won the procurement bid in 2022',
    'Catering contractor for events',
  ],
  [
    'Sits on our advisory council',
    'Nutrition expert who reviews the menus',
    'Mentor to our program staff',
    'Informal policy adviser',
    'Advisor on finance to the board',
  ],
  [
    'Foundation grant for the mobile pantry',
    'Annual donor, gives in December',
    'Sponsor of the spring gala',
    'Grant renewal due each June',
    'Corporate funder of the youth program',
  ],
  [
    'Subgrant for the senior meals program',
    'Subrecipient under our federal award',
    'Grantee: quarterly reports due',
    'Sub-recipient of the capacity grant',
  ],
  [
    'MOU for the backpack program',
    'We co-deliver summer meals',
    'Implementing the after-school tutoring',
    'Delivery partner for home visits',
    'Program partner in the east district',
  ],
  [
    'Member of the Hunger Free coalition',
    'Peer organization in our network',
    'Shares a working group with us',
    'Housing alliance member',
  ],
  [
    'Permit for Saturday markets',
    'City of Riverside liaison',
    'County of Marin inspections',
    'State of California compliance reviews',
    'Federal commodities program',
    'Municipal parks office',
  ],
  [
    'Volunteers every week',
    'In-kind donations of coats',
    'Donated space for the Tuesday pantry',
    'The congregation hosts our food drive',
    'Service club volunteers',
  ],
];
const NEUTRAL = [
  'Met at the 2019 conference',
  'Contact changed last spring',
  'Quarterly check-in',
  'Based downtown',
  'Spanish-speaking staff',
  'Gets our newsletter',
  'Follow up after the audit',
  'See the shared folder',
  'Food safety training together',
];
const RELATIONSHIPS = [
  ['Contractor', 'Vendor', 'Consultant', 'Supplier'],
  ['Advisor', 'Expert', 'Mentor'],
  ['Funder', 'Donor', 'Sponsor'],
  ['Grantee', 'Subgrantee'],
  ['Implementing partner', 'Program partner'],
  ['Coalition', 'Coalition ally', 'Peer'],
  ['Public agency', 'Regulator', 'Agency'],
  ['Community', 'Volunteer group'],
];

/** Spacing as people leave it: doubled inner spaces, trailing or leading spaces, a line break. */
function messy(text: string, random: () => number): string {
  const r = random();
  if (r < 0.03) return `  ${text}`;
  if (r < 0.06) return `${text}   `;
  if (r < 0.09) return text.replace(' ', '   ');
  if (r < 0.1) return text.replace(' ', '\n');
  return text;
}

export function generateList(partners: number, newPartners: number, seed = 6): GeneratedList {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const usedNames = new Set<string>();
  const descriptions: string[] = [];

  const uniqueName = (index: number): string => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const r = random();
      let name: string;
      if (r < 0.55) name = `${pick(ADJECTIVES)} ${pick(NOUNS)} ${pick(TYPES)}`;
      else if (r < 0.7) name = `${pick(['City', 'County', 'Town'])} of ${pick(PLACES)} ${pick(DEPARTMENTS)}`;
      else if (r < 0.82) name = `${pick(PLACES)} ${pick(NOUNS)} ${pick(TYPES)}`;
      else if (r < 0.95) name = `${random() < 0.3 ? 'Dr. ' : ''}${pick(FIRST)} ${pick(LAST)}`;
      else name = `${pick(ACCENTED)} ${pick(PLACES)}`;
      const key = name.toLowerCase();
      if (!usedNames.has(key)) {
        usedNames.add(key);
        return name;
      }
    }
    const name = `${pick(ADJECTIVES)} ${pick(NOUNS)} ${pick(TYPES)} ${index + 1}`;
    usedNames.add(name.toLowerCase());
    return name;
  };

  const description = (): { relationship: string; text: string } => {
    const r = random();
    const hits = r < 0.15 ? 0 : r < 0.7 ? 1 : r < 0.92 ? 2 : 3;
    const segments: number[] = [];
    while (segments.length < hits) {
      const s = Math.floor(random() * PHRASES.length);
      if (!segments.includes(s)) segments.push(s);
    }
    const parts = segments.map((s) => pick(PHRASES[s]));
    if (parts.length === 0 || random() < 0.4) parts.splice(Math.floor(random() * 2), 0, pick(NEUTRAL));
    const relationship =
      segments.length === 0 || random() < 0.2
        ? ''
        : segments.length > 1 && random() < 0.3
          ? `${pick(RELATIONSHIPS[segments[0]])} / ${pick(RELATIONSHIPS[segments[1]]).toLowerCase()}`
          : pick(RELATIONSHIPS[segments[0]]);
    return { relationship, text: messy(parts.join(random() < 0.5 ? '; ' : '. '), random) };
  };

  const partnerRow = (index: number): Row => {
    const name = uniqueName(index);
    const r = random();
    const id =
      r < 0.1 ? '' : r < 0.12 ? pick(['N/A', 'TBD', '-', '?']) : `P-${String(index + 1).padStart(5, '0')}`;
    const { relationship, text } = description();
    const slug = name.toLowerCase().replace(/[^a-z]+/g, '');
    descriptions.push(text);
    return [
      messy(name, random),
      id,
      relationship,
      text,
      random() < 0.8 ? `info@${slug.slice(0, 20)}.org` : '',
      random() < 0.7 ? `555-${100 + Math.floor(random() * 900)}-${1000 + Math.floor(random() * 9000)}` : '',
      new Date(2005 + Math.floor(random() * 20), Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
    ];
  };

  const grid: Row[] = [[`Partner list (generated for npm run bench, seed ${seed})`], HEADER];
  const written: Row[] = [];
  for (let i = 0; i < partners; i++) {
    const row = partnerRow(i);
    grid.push(row);
    written.push(row);
    const r = random();
    if (r < 0.02 && written.length > 1) {
      // The same partner again: by its ID, or (no ID) by its name typed another way.
      const earlier = written[Math.floor(random() * written.length)];
      const again = String(earlier[0]).trim().toUpperCase().replace(' ', '  ');
      const note = pick(['Also sponsor of the 5K', 'Second contact', 'Old row, see above', 'Volunteers too']);
      descriptions.push(note);
      grid.push([again, earlier[1], '', note, '', '', '']);
    } else if (r < 0.025) {
      grid.push(['', '', '', '', '', '', '']);
    } else if (r < 0.027) {
      descriptions.push('Someone from the fair, name lost');
      grid.push(['', '', 'Community', 'Someone from the fair, name lost', '', '', '']);
    }
  }
  const extra: Row[] = [];
  for (let i = partners; i < partners + newPartners; i++) extra.push(partnerRow(i));
  return { grid, extra, partners, descriptions };
}

/**
 * Puts the generated list in a sheet of its own, with blank rows below it as sheets have (Sheets starts with
 * 1,000), room for the rows the refresh appends.
 */
export function seedList(s: StandIn, list: GeneratedList): void {
  s.addSheet(LIST_SHEET, list.grid, { maxRows: list.grid.length + list.extra.length + 100 });
}

/**
 * Appends the new partners below the list as a person pasting them would (not counted: it is not the add-on).
 * Into the blank rows seedList left, at a row known beforehand: inserting rows is a structural change and
 * getLastRow brings the stand-in's formula engine up to date, either of which would do here, unmeasured,
 * stand-in work (seconds at 10,000 partners) that belongs to the refresh.
 */
export function appendRows(s: StandIn, list: GeneratedList): void {
  if (list.extra.length === 0) return;
  s.internal(() => {
    const sheet = s.spreadsheet.getSheetByName(LIST_SHEET)!;
    sheet.getRange(list.grid.length + 1, 1, list.extra.length, list.extra[0].length).setValues(list.extra);
  });
}
