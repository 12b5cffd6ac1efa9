/**
 * What every CRM adapter builds once it has found a record page: the record's kind, id, name and
 * (when shown) email become the log's contact and evidence. One place, so a log from a Salesforce
 * contact and one from a Pipedrive person look the same on the server.
 */

import { FIELD_LIMITS } from '../../shared/api/limits.ts';
import type { PageRecord } from './adapter.ts';
import { cleanEmail, cleanText } from './dom.ts';

export interface CrmRecordFields {
  /** The record's kind as the CRM names it in its URLs ("Contact", "deal", …). */
  kind: string;
  id: string;
  name: string | null | undefined;
  email?: string | null | undefined;
  url: string;
  anchor: Element;
}

/**
 * The log's title reads "Contact: Ada Lovelace"; the contact is the record itself (a person, or
 * the company or deal the rep worked on), so the double-log guard compares like with like.
 */
export function crmRecord(fields: CrmRecordFields): PageRecord | null {
  const name = cleanText(fields.name, FIELD_LIMITS.contactName);
  if (!name) return null;
  const email = cleanEmail(fields.email);
  const id = `${fields.kind}/${fields.id}`;
  return {
    id,
    key: `${id}|${email ?? name}`,
    subject: cleanText(`${fields.kind}: ${name}`, FIELD_LIMITS.sourceTitle),
    contact: { name, ...(email ? { email } : {}) },
    url: fields.url,
    anchor: fields.anchor,
  };
}

/** The address of the first `mailto:` link under `root` (query string dropped), if any. */
export function mailtoEmail(root: ParentNode | null | undefined): string | undefined {
  const href = root?.querySelector('a[href^="mailto:" i]')?.getAttribute('href') ?? '';
  const address = href.slice('mailto:'.length).split('?')[0] ?? '';
  let decoded = address;
  try {
    decoded = decodeURIComponent(address);
  } catch {
    // A malformed escape: keep it as written (cleanEmail drops it if it is no address).
  }
  return cleanEmail(decoded);
}
