/**
 * Pipedrive (`<company>.pipedrive.com`): person, deal and organization detail pages, at
 * `/person/<id>`, `/deal/<id>`, `/organization/<id>`. The record header's title carries a
 * `data-testid` in the current UI (`header-title`); the older detail view has it in
 * `.detailView .title h1`. A person's email is a `mailto:` link in the details sidebar.
 *
 * Try it on: https://<company>.pipedrive.com/person/<id> (fixtures beside it).
 */

import type { PageRecord, SiteAdapter } from '../adapter.ts';
import { crmRecord, mailtoEmail } from '../crm-record.ts';
import { firstMatch } from '../dom.ts';

export const PIPEDRIVE_SELECTORS = {
  title: ['[data-testid="header-title"]', '.detailView .title h1', '.detailView h1'],
  details: ['[data-testid="details-sidebar"]', '.detailView .sidebar', 'main'],
} as const;

const KINDS: Record<string, string> = {
  person: 'Person',
  deal: 'Deal',
  organization: 'Organization',
};
const RECORD_PATH = /^\/(person|deal|organization)\/(\d+)(?:\/|$)/;

export function readPipedriveRecord(doc: Document, location: Location): PageRecord | null {
  const match = RECORD_PATH.exec(location.pathname);
  const kind = KINDS[match?.[1] ?? ''];
  const title = kind ? firstMatch(doc, PIPEDRIVE_SELECTORS.title) : null;
  if (!match || !kind || !title) return null;
  return crmRecord({
    kind,
    id: match[2] ?? '',
    name: title.textContent,
    email: mailtoEmail(firstMatch(doc, PIPEDRIVE_SELECTORS.details)),
    url: location.href,
    anchor: title,
  });
}

export const pipedrive: SiteAdapter = {
  id: 'pipedrive',
  name: 'Pipedrive',
  matches: ['https://*.pipedrive.com/*'],
  readRecord: readPipedriveRecord,
};
