/**
 * HubSpot (app.hubspot.com and each data centre's host, app-<hublet>.hubspot.com): contact,
 * company and deal records. The URL names the record:
 * `/contacts/<portal>/record/<object type id>/<id>` (0-1 contact, 0-2 company, 0-3 deal) or the
 * older `/contacts/<portal>/<contact|company|deal>/<id>`. The left column's highlight card holds
 * the name: HubSpot's test hooks (`highlightTitle`) on older layouts, a heading inside the card
 * on the current record page. A contact's email is the card's `mailto:` link, its subtitle, or
 * an address written as plain text in the card; a company or deal takes no email (an address on
 * its card is a person's, not the record's).
 *
 * Try it on: https://app.hubspot.com/contacts/<portal>/record/0-1/<id> (fixtures beside it).
 */
import type { PageRecord, SiteAdapter } from '../adapter.ts';
import { crmRecord, mailtoEmail } from '../crm-record.ts';
import { firstMatch, firstShown, textEmail } from '../dom.ts';

export const HUBSPOT_SELECTORS = {
  highlight: [
    '[data-selenium-test="profile-highlight"]',
    '[data-test-id="record-highlight"]',
    '[data-test-id="record-highlight-card"]',
    '[data-selenium-test="record-highlight-card"]',
    'aside',
  ],
  name: [
    '[data-selenium-test="highlightTitle"]',
    '[data-test-id="highlight-title"]',
    'h1',
    'h2',
    'h3',
    '[role="heading"]',
  ],
  emailText: ['[data-selenium-test="highlightSubtitle"]', '[data-test-id="highlight-subtitle"]'],
} as const;

const OBJECT_TYPES: Record<string, string> = {
  '0-1': 'Contact',
  '0-2': 'Company',
  '0-3': 'Deal',
  contact: 'Contact',
  company: 'Company',
  deal: 'Deal',
};

const RECORD_PATH = /^\/contacts\/(\d+)\/(?:record\/(0-[123])|(contact|company|deal))\/(\d+)/;

export function readHubspotRecord(doc: Document, location: Location): PageRecord | null {
  const match = RECORD_PATH.exec(location.pathname);
  const kind = OBJECT_TYPES[match?.[2] ?? match?.[3] ?? ''];
  if (!match || !kind) return null;
  const card = firstShown(doc, HUBSPOT_SELECTORS.highlight) ?? doc;
  const name = firstMatch(card, HUBSPOT_SELECTORS.name);
  if (!name) return null;
  const email =
    kind === 'Contact'
      ? (mailtoEmail(card) ??
        textEmail(firstMatch(card, HUBSPOT_SELECTORS.emailText)) ??
        textEmail(card))
      : undefined;
  return crmRecord({
    kind,
    id: match[4] ?? '',
    name: name.textContent,
    email,
    url: location.href,
    anchor: name,
  });
}

export const hubspot: SiteAdapter = {
  id: 'hubspot',
  name: 'HubSpot',
  // One host per data centre ("hublet"); a new one is one more line.
  matches: [
    'https://app.hubspot.com/*',
    'https://app-eu1.hubspot.com/*',
    'https://app-na2.hubspot.com/*',
  ],
  readRecord: readHubspotRecord,
};
