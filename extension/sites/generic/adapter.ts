/**
 * Any site the member enabled (an in-house or regional CRM, a helpdesk): nothing is known about
 * its structure, so the page itself is the record. Its title and URL are the log's source, and
 * the log buttons go beside the page's main heading (the first `h1`, inside the main landmark
 * when there is one). A page without an `h1` gets the sidebar only.
 *
 * Try it on: any page, after "Enable Pacer on this site" in the popup or options.
 */

import { FIELD_LIMITS } from '../../../shared/api/limits.ts';
import type { PageRecord, SiteAdapter } from '../adapter.ts';
import { cleanText, firstMatch } from '../dom.ts';

export const GENERIC_SELECTORS = {
  heading: ['main h1', '[role="main"] h1', 'h1'],
} as const;

export function readGenericRecord(doc: Document, location: Location): PageRecord | null {
  const heading = firstMatch(doc, GENERIC_SELECTORS.heading);
  if (!heading) return null;
  const subject =
    cleanText(doc.title, FIELD_LIMITS.sourceTitle) ||
    cleanText(heading.textContent, FIELD_LIMITS.sourceTitle);
  const id = `${location.origin}${location.pathname}${location.search}`;
  return {
    id,
    key: `${id}|${subject}`,
    subject,
    contact: {},
    url: location.href,
    anchor: heading,
  };
}

export const generic: SiteAdapter = {
  id: 'generic',
  name: 'Other sites',
  // Registered at run time for each origin the member enables (site-access/registration.ts).
  matches: [],
  readRecord: readGenericRecord,
};
