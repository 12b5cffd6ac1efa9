/**
 * Salesforce: Lightning (`*.lightning.force.com/lightning/r/<Object>/<Id>/view`) and Classic
 * (`*.my.salesforce.com/<Id>`), on Contact, Lead, Account and Opportunity records.
 *
 * Lightning keeps the pages of recently opened records in the DOM and only marks the one in front
 * `.active`, so everything is read inside the active page (else a cached record's name would be
 * logged). The record header is the highlights panel; its `h1` holds the record name in the
 * `primaryField` slot (a `lightning-formatted-name` for people). The kind and id come from the
 * URL, which Lightning changes with pushState on every navigation. Classic is server-rendered:
 * `h1.pageType` (kind label) and `h2.pageDescription` (name); the kind comes from the id's
 * three-character key prefix. The email, when shown, is a `mailto:` link in the header or in the
 * record's Email field (never one from a related list).
 *
 * Try it on: https://<org>.lightning.force.com/lightning/r/Contact/<id>/view,
 * https://<org>.my.salesforce.com/<id> (fixtures beside it).
 */

import type { PageRecord, SiteAdapter } from '../adapter.ts';
import { crmRecord, mailtoEmail } from '../crm-record.ts';
import { firstMatch } from '../dom.ts';

export const SALESFORCE_SELECTORS = {
  /** The record page in front (cached pages stay in the DOM without `.active`). */
  activePage: ['.oneContent.active', '.windowViewMode-normal.active', 'one-record-home-flexipage2'],
  header: ['records-highlights2', '.forceHighlightsPanel', '.slds-page-header'],
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

function readLightning(doc: Document, location: Location): PageRecord | null {
  const match = LIGHTNING_PATH.exec(location.pathname);
  const kind = match?.[1] ?? '';
  if (!match || !(LOGGED_OBJECTS as readonly string[]).includes(kind)) return null;
  const page = firstMatch(doc, SALESFORCE_SELECTORS.activePage) ?? doc;
  const header = firstMatch(page, SALESFORCE_SELECTORS.header);
  const name = header && firstMatch(header, SALESFORCE_SELECTORS.name);
  const heading = name?.closest('h1') ?? name;
  if (!heading) return null;
  return crmRecord({
    kind,
    id: match[2] ?? '',
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
