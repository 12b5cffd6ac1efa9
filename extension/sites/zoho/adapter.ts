/**
 * Zoho CRM (crm.zoho.com, crm.zoho.com.cn): Contacts, Leads, Accounts and Deals records. The
 * current UI routes with pushState to `/crm/<org>/tab/<Module>/<id>`; its detail view names the
 * record either in `dv_recordName` (`data-zcqa` attributes are Zoho's own test hooks) or, on
 * detail pages built from Zoho's newer components, as the heading of the detail-page header
 * component (`crm-detail-header`, `data-zcqa="detailHeader"`). The classic UI loads
 * `/crm/EntityInfo.do?module=<Module>&id=<id>` with the name in `#dv_title`. Deals are
 * "Potentials" in Zoho's API and older URLs. The email is the record's first `mailto:` link; a
 * deal takes none (the address on a deal is its contact's).
 *
 * Try it on: https://crm.zoho.com/crm/<org>/tab/Contacts/<id> (fixtures beside it).
 */
import type { PageRecord, SiteAdapter } from '../adapter.ts';
import { crmRecord, mailtoEmail } from '../crm-record.ts';
import { firstMatch, firstShown } from '../dom.ts';

export const ZOHO_SELECTORS = {
  detailView: [
    '[data-zcqa="detailView"]',
    '[data-zcqa="detailPage"]',
    'crm-detail-page',
    '#dv_view',
    '#detailView',
  ],
  name: [
    '[data-zcqa="dv_recordName"]',
    '[data-zcqa="detailHeader"] h1',
    '[data-zcqa="detailHeader"] h2',
    'crm-detail-header h1',
    'crm-detail-header h2',
    '.dv_record_title',
    '#dv_title',
    'h1',
  ],
} as const;

const MODULES: Record<string, string> = {
  Contacts: 'Contact',
  Leads: 'Lead',
  Accounts: 'Account',
  Deals: 'Deal',
  Potentials: 'Deal',
};

const TAB_PATH = /^\/crm\/(?:[\w-]+\/)?tab\/(\w+)\/(\d+)(?:\/|$)/;

/** Module and id from either URL style. */
function recordRef(location: Location): { module: string; id: string } | null {
  const tab = TAB_PATH.exec(location.pathname);
  if (tab) return { module: tab[1] ?? '', id: tab[2] ?? '' };
  if (!location.pathname.endsWith('/EntityInfo.do')) return null;
  const query = new URLSearchParams(location.search);
  const id = query.get('id') ?? '';
  return /^\d+$/.test(id) ? { module: query.get('module') ?? '', id } : null;
}

export function readZohoRecord(doc: Document, location: Location): PageRecord | null {
  const ref = recordRef(location);
  const kind = MODULES[ref?.module ?? ''];
  if (!ref || !kind) return null;
  const view = firstShown(doc, ZOHO_SELECTORS.detailView);
  const name = view && firstMatch(view, ZOHO_SELECTORS.name);
  if (!view || !name) return null;
  return crmRecord({
    kind,
    id: ref.id,
    name: name.textContent,
    email: kind === 'Deal' ? undefined : mailtoEmail(view),
    url: location.href,
    anchor: name,
  });
}

export const zoho: SiteAdapter = {
  id: 'zoho',
  name: 'Zoho CRM',
  matches: ['https://crm.zoho.com/*', 'https://crm.zoho.com.cn/*'],
  readRecord: readZohoRecord,
};
