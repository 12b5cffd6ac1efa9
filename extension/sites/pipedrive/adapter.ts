/**
 * Pipedrive (`<company>.pipedrive.com`): person, deal and organization detail pages, at
 * `/person/<id>`, `/deal/<id>`, `/organization/<id>`. The record header's title carries a
 * `data-testid` in the current UI (`header-title`); the newer person view has it as the detail
 * header's `h1`, the older detail view in `.detailView .title h1`. A person's email is a
 * `mailto:` link or plain text in the details panel; a deal or organization takes no email (the
 * address on its page is its person's).
 *
 * Try it on: https://<company>.pipedrive.com/person/<id> (fixtures beside it).
 */
import type { PageRecord, SiteAdapter } from '../adapter.ts';
import { crmRecord, mailtoEmail } from '../crm-record.ts';
import { firstMatch, firstShown, textEmail } from '../dom.ts';

export const PIPEDRIVE_SELECTORS = {
  title: [
    '[data-testid="header-title"]',
    '[data-testid="detail-header"] h1',
    '.detailView .title h1',
    '.detailView h1',
  ],
  details: [
    '[data-testid="details-sidebar"]',
    '[data-testid="details-panel"]',
    '.detailView .sidebar',
  ],
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
  const title = kind ? firstShown(doc, PIPEDRIVE_SELECTORS.title) : null;
  if (!match || !kind || !title) return null;
  // A person's own panel; a page without one (an unforeseen layout) may still have a mailto link.
  const details = firstMatch(doc, PIPEDRIVE_SELECTORS.details);
  const email =
    kind === 'Person'
      ? (mailtoEmail(details ?? doc.querySelector('main')) ?? textEmail(details))
      : undefined;
  return crmRecord({
    kind,
    id: match[2] ?? '',
    name: title.textContent,
    email,
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
