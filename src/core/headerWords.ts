// What a partner list's column headers say: which header names the partner, which holds its ID, and which
// columns are contact details or dates rather than descriptions. Headers are compared as words (see words()).
import { words } from './words';
import { collapseSpaces } from './text';

function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/** Words naming an organisation: "Partner", "Organization name", "Agency". */
const ORGANISATION_WORDS = wordSet(
  'partner partners organization organisation organizations organisations org orgs company companies agency ' +
    'agencies entity entities institution institutions business businesses stakeholder stakeholders member members',
);
/** Words naming a person, not the partner: "Contact name", "First name". */
const PERSON_WORDS = wordSet('contact contacts person people first last full given family surname');
/** Words that make a header some other attribute of the partner: "Partner type", "Organization e-mail". */
const ATTRIBUTE_WORDS = wordSet(
  'id ids code codes ref reference number no num nr key identifier type types kind kinds category categories ' +
    'class segment segments level levels status role roles sector size amount value focus area areas notes ' +
    'note description descriptions comment comments details summary since',
);

/** Last words of an ID header: "ID", "Partner code", "Ref", "Record number", "No.". */
const ID_WORDS = wordSet('id ids identifier key code ref reference number no num nr');
/**
 * Words that may qualify an ID header and still mean the partner's own identifier ("Partner ID", "CRM ID",
 * "Record number"). Any other qualifier makes it an identifier of something else, or of a registry, which
 * the list does not key on: "Tax ID", "EIN", "Grant number", "Contract no.", "Phone number".
 */
const ID_QUALIFIERS = wordSet(
  'partner org organization organisation company agency vendor supplier member donor customer client entity ' +
    'record crm internal unique account our row system database db list roster id ref reference',
);

const EMAIL_WORDS = wordSet('email emails mail');
const PHONE_WORDS = wordSet('phone phones tel telephone mobile cell fax');
const WEB_WORDS = wordSet(
  'website websites web url urls site link links homepage linkedin twitter facebook instagram',
);
const DATE_WORDS = wordSet(
  'date dates since updated created start started end ended modified expires expiry deadline time timestamp',
);
const ADDRESS_WORDS = wordSet('address street zip postcode postal');

/** Words common in a list's headers, counted as evidence that a row is the header row. */
const OTHER_HEADER_WORDS = wordSet(
  'type category kind description notes note comments relationship role segment level status sector ' +
    'services service program programs area focus city state country region amount value title details',
);

function hasAny(headerWords: readonly string[], set: ReadonlySet<string>): boolean {
  return headerWords.some((word) => set.has(word));
}

/**
 * How surely a header names the partner's name column: 4 "Partner name", "Organization name";
 * 3 "Partner", "Organization", "Name", "Legal name"; 1 "Contact name", "Contact" (a person, a last resort);
 * 0 anything else, including "Partner type" and "Partner ID".
 */
export function nameHeaderRank(header: string): number {
  const w = words(header);
  if (w.length === 0 || hasAny(w, ATTRIBUTE_WORDS) || isContactDetailHeader(header)) return 0;
  if (hasAny(w, PERSON_WORDS)) return w.includes('name') || hasAny(w, wordSet('contact person')) ? 1 : 0;
  if (hasAny(w, ORGANISATION_WORDS)) return w.includes('name') ? 4 : 3;
  return w.includes('name') ? 3 : 0;
}

/**
 * How surely a header names the list's own ID column: 3 "ID", "Partner ID", "Org ID", "CRM ID";
 * 2 "Key", "Code", "Ref", "Reference", "Number", "No.", "#", "Partner #"; 0 otherwise ("Tax ID", "Grant number").
 */
export function idHeaderRank(header: string): number {
  const raw = collapseSpaces(header);
  const w = words(raw);
  if (raw === '#') return 2;
  const last = raw.endsWith('#') ? '#' : w[w.length - 1];
  if (last === undefined || (last !== '#' && !ID_WORDS.has(last))) return 0;
  const qualifiers = last === '#' ? w : w.slice(0, -1);
  if (!qualifiers.every((word) => ID_QUALIFIERS.has(word))) return 0;
  return last === 'id' || last === 'ids' || last === 'identifier' ? 3 : 2;
}

/** Headers of e-mail, phone, web address and date columns ("E-mail", "Tel.", "Website", "Partner since"). */
export function isContactDetailHeader(header: string): boolean {
  const w = words(header);
  return hasAny(w, EMAIL_WORDS) || hasAny(w, PHONE_WORDS) || hasAny(w, WEB_WORDS) || hasAny(w, DATE_WORDS);
}

/**
 * Headers whose column never describes the relationship, so keyword matching leaves it out: contact
 * details and dates; identifiers ("Tax ID", "Code"); postal addresses ("County Road" must not suggest a
 * public agency); and people's names ("Grant Smith" must not suggest a funder). "Contact notes" and
 * "Contact role" still describe, so they stay.
 */
export function isNonDescriptionHeader(header: string): boolean {
  const w = words(header);
  if (isContactDetailHeader(header) || hasAny(w, ADDRESS_WORDS)) return true;
  if (idHeaderRank(header) > 0 || hasAny(w, wordSet('id ids code codes identifier ein'))) return true;
  const describes = hasAny(
    w,
    wordSet('notes note description comments comment details history role type log'),
  );
  return hasAny(w, PERSON_WORDS) && !describes;
}

/** Is this header text one a partner list would use? Evidence for choosing the header row. */
export function isListHeaderWord(header: string): boolean {
  return (
    nameHeaderRank(header) > 0 ||
    idHeaderRank(header) > 0 ||
    isNonDescriptionHeader(header) ||
    hasAny(words(header), OTHER_HEADER_WORDS)
  );
}

/** Does a sheet name or header mention partners? ("Partners", "Partner list", "Our organizations".) */
export function mentionsPartners(text: string): boolean {
  return hasAny(
    words(text),
    wordSet('partner partners partnership partnerships organizations organisations orgs'),
  );
}
