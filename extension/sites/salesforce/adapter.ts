/**
 * Salesforce: Lightning (`*.lightning.force.com/lightning/r/<Object>/<Id>/view`) and Classic
 * (`*.my.salesforce.com/<Id>`), on Contact, Lead, Account and Opportunity records.
 *
 * Lightning keeps the pages of records opened earlier in the DOM: in standard navigation it
 * marks only the one in front `.active`; in the console every subtab's page stays, and only the
 * focused subtab is shown. So the record read is the one whose header the page shows (a cached
 * page that lost `.active`, or a hidden subtab, is never read) and, where the page names its
 * record (`data-record-id`), the one the URL names; a shown page of another record means "no
 * record", never a mix of two. Its name is the header's `h1` (`primaryField` slot, a
 * `lightning-formatted-name` for people); its email only a `mailto:` link in that header or in
 * that page's own Email field (never one from a related list or another subtab). The kind and id
 * come from the URL, which Lightning changes with pushState. Classic is server-rendered:
 * `h1.pageType` (kind label) and `h2.pageDescription` (name); the kind comes from the id's
 * three-character key prefix.
 *
 * Try it on: https://<org>.lightning.force.com/lightning/r/Contact/<id>/view,
 * https://<org>.my.salesforce.com/<id> (fixtures beside it).
 */
import type { PageRecord, SiteAdapter } from '../adapter.ts';
import { crmRecord, mailtoEmail } from '../crm-record.ts';
import { firstMatch, isShown } from '../dom.ts';

export const SALESFORCE_SELECTORS = {
  header: ['records-highlights2', '.forceHighlightsPanel', '.slds-page-header'],
  /** A record's page: a standard-navigation page, a console subtab, a record home. */
  page: ['[data-record-id]', '.oneContent', '[role="tabpanel"]', 'one-record-home-flexipage2'],
  name: [
    'h1 [slot="primaryField"]',
    'h1 lightning-formatted-name',
    'h1 .slds-page-header__title',
    'h1',
  ],
  /** The Email field of the record's details (not a related list's addresses). */
  emailField: [
    '[data-target-selection-name$=".Email"]',
    'records-record-layout-item[field-label="Email"]',
  ],
  classicName: ['h2.pageDescription'],
  classicDetails: ['.detailList'],
} as const;

const LOGGED_OBJECTS = ['Contact', 'Lead', 'Account', 'Opportunity'] as const;
/** Classic record ids start with their object's key prefix. */
const KEY_PREFIX: Record<string, string> = {
  '003': 'Contact',
  '00Q': 'Lead',
  '001': 'Account',
  '006': 'Opportunity',
};

const LIGHTNING_PATH = /^\/lightning\/r\/(\w+)\/([a-zA-Z0-9]{15,18})\/view/;
const CLASSIC_PATH = /^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})(?:\/|$)/;

/** 15- and 18-character ids of one record share their first 15 characters. */
const sameId = (a: string, b: string) => a.slice(0, 15) === b.slice(0, 15);

/** The header of the record page in front, for the record `id`; null if another is in front. */
function frontHeader(doc: Document, id: string): Element | null {
  const headers = doc.querySelectorAll(SALESFORCE_SELECTORS.header.join(','));
  for (const header of headers) {
    const cached = header.closest('.oneContent');
    if ((cached && !cached.classList.contains('active')) || !isShown(header)) continue;
    const named = header.closest('[data-record-id]')?.getAttribute('data-record-id');
    return named && !sameId(named, id) ? null : header;
  }
  return null;
}

function readLightning(doc: Document, location: Location): PageRecord | null {
  const match = LIGHTNING_PATH.exec(location.pathname);
  const kind = match?.[1] ?? '';
  const id = match?.[2] ?? '';
  if (!match || !(LOGGED_OBJECTS as readonly string[]).includes(kind)) return null;
  const header = frontHeader(doc, id);
  const name = header && firstMatch(header, SALESFORCE_SELECTORS.name);
  const heading = name?.closest('h1') ?? name;
  if (!header || !heading) return null;
  const page = header.closest(SALESFORCE_SELECTORS.page.join(',')) ?? doc;
  return crmRecord({
    kind,
    id,
    name: name?.textContent,
    email: mailtoEmail(header) ?? mailtoEmail(firstMatch(page, SALESFORCE_SELECTORS.emailField)),
    url: location.href,
    anchor: heading,
  });
}

function readClassic(doc: Document, location: Location): PageRecord | null {
  const id = CLASSIC_PATH.exec(location.pathname)?.[1];
  const kind = id ? KEY_PREFIX[id.slice(0, 3)] : undefined;
  const name = kind ? firstMatch(doc, SALESFORCE_SELECTORS.classicName) : null;
  if (!id || !kind || !name) return null;
  return crmRecord({
    kind,
    id,
    name: name.textContent,
    email: mailtoEmail(firstMatch(doc, SALESFORCE_SELECTORS.classicDetails)),
    url: location.href,
    anchor: name,
  });
}

export function readSalesforceRecord(doc: Document, location: Location): PageRecord | null {
  return location.pathname.startsWith('/lightning/')
    ? readLightning(doc, location)
    : readClassic(doc, location);
}

export const salesforce: SiteAdapter = {
  id: 'salesforce',
  name: 'Salesforce',
  matches: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  readRecord: readSalesforceRecord,
};
