/**
 * HubSpot (app.hubspot.com): contact, company and deal records. The URL names the record:
 * `/contacts/<portal>/record/<object type id>/<id>` (0-1 contact, 0-2 company, 0-3 deal) or the
 * older `/contacts/<portal>/<contact|company|deal>/<id>`. The left sidebar's highlight card holds
 * the name (`data-selenium-test="highlightTitle"`, HubSpot's own test hooks, steadier than its
 * generated class names) and, for contacts, the email as text or a `mailto:` link.
 *
 * Try it on: https://app.hubspot.com/contacts/<portal>/record/0-1/<id> (fixtures beside it).
 */

import type { PageRecord, SiteAdapter } from '../adapter.ts';
import { crmRecord, mailtoEmail } from '../crm-record.ts';
import { firstMatch } from '../dom.ts';

export const HUBSPOT_SELECTORS = {
  highlight: [
    '[data-selenium-test="profile-highlight"]',
    '[data-test-id="record-highlight"]',
    'aside',
  ],
  name: ['[data-selenium-test="highlightTitle"]', '[data-test-id="highlight-title"]', 'h1'],
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
  const highlight = firstMatch(doc, HUBSPOT_SELECTORS.highlight) ?? doc;
  const name = firstMatch(highlight, HUBSPOT_SELECTORS.name);
  if (!name) return null;
  return crmRecord({
    kind,
    id: match[4] ?? '',
    name: name.textContent,
    email:
      mailtoEmail(highlight) ?? firstMatch(highlight, HUBSPOT_SELECTORS.emailText)?.textContent,
    url: location.href,
    anchor: name,
  });
}

export const hubspot: SiteAdapter = {
  id: 'hubspot',
  name: 'HubSpot',
  matches: ['https://app.hubspot.com/*'],
  readRecord: readHubspotRecord,
};
