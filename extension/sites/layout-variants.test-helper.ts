/**
 * The layout variants every built-in adapter must read (one table for the adapters' unit tests
 * and the browser tests): for each, the fixture page, the URL it is served at, what the adapter
 * must find there, and, when the fixture can navigate in place, the second record it shows after
 * clicking `navigate` (pushState or hash change, no page load).
 */
export interface VariantRecord {
  url: string;
  /** Part of the adapter's record key that names this record. */
  key: string;
  /** The log's title (CRM: "Kind: name"; mail: the subject). */
  title: string;
  contact: { name?: string; email?: string };
}

export interface LayoutVariant {
  site: string;
  name: string;
  /** `<site>/<file>`: a page in extension/sites/<site>/fixtures/. */
  fixture: string;
  first: VariantRecord;
  /** A link to click for the second record, shown in place. */
  navigate?: string;
  second?: VariantRecord;
}

const gmailThread = (account: number, hash: string) =>
  `https://mail.google.com/mail/u/${account}/${hash}`;

export const LAYOUT_VARIANTS: LayoutVariant[] = [
  {
    site: 'gmail',
    name: 'classic thread, collapsed earlier message, recipients with [email]',
    fixture: 'gmail/variant-classic.html',
    first: {
      url: gmailThread(0, '#inbox/FMfcgzQVarClassic1'),
      key: 'thread-f:1790000000000000101',
      title: 'Pilot for 12 seats',
      contact: { name: 'Mary Jackson', email: 'mary.jackson@langley.example' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: gmailThread(0, '#inbox/FMfcgzQVarClassic2'),
      key: 'thread-f:1790000000000000202',
      title: 'Order form, countersigned',
      contact: { name: 'Dorothy Vaughan', email: 'dorothy@langley.example' },
    },
  },
  {
    site: 'gmail',
    name: 'a second signed-in account (/u/1/)',
    fixture: 'gmail/variant-second-account.html',
    first: {
      url: gmailThread(1, '#inbox/FMfcgzQVarSecond1'),
      key: 'thread-f:1790000000000001301',
      title: 'Sonic boom study, 6 seats',
      contact: { name: 'Christine Darden', email: 'christine.darden@langley.example' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: gmailThread(1, '#inbox/FMfcgzQVarSecond2'),
      key: 'thread-f:1790000000000001402',
      title: 'Study contract, signed',
      contact: { name: 'Annie Easley', email: 'annie.easley@langley.example' },
    },
  },
  {
    site: 'gmail',
    name: 'conversation view off: legacy ids, the address only in the hovercard id',
    fixture: 'gmail/variant-conversation-off.html',
    first: {
      url: gmailThread(0, '#inbox/18c0000000000303'),
      key: '18c0000000000303',
      title: 'Invoice 2027-118',
      contact: { name: 'Katherine Johnson', email: 'katherine@orbit.example' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: gmailThread(0, '#inbox/18c0000000000404'),
      key: '18c0000000000404',
      title: 'Invoice 2027-097',
      contact: { name: 'Orbit Billing', email: 'billing@orbit.example' },
    },
  },
  {
    site: 'gmail',
    name: 'a popped-out thread (?view=pt): no main region, no hash',
    fixture: 'gmail/variant-popout.html',
    first: {
      url: 'https://mail.google.com/mail/u/0/?ui=2&ik=3f9a2c&view=pt&search=all&th=thread-f%3A1790000000000000505',
      key: 'thread-f:1790000000000000505',
      title: 'Security review questionnaire',
      contact: { name: 'Hank Scorpio', email: 'hank.scorpio@globex.example' },
    },
  },
  {
    site: 'gmail',
    name: 'right-to-left UI language (Arabic UI, Hebrew subject)',
    fixture: 'gmail/variant-rtl.html',
    first: {
      url: gmailThread(0, '#inbox/FMfcgzQVarRtl1'),
      key: 'thread-f:1790000000000000606',
      title: 'הצעת מחיר לשנת 2027',
      contact: { name: 'ليلى حسن', email: 'layla.hassan@example.ae' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: gmailThread(0, '#inbox/FMfcgzQVarRtl2'),
      key: 'thread-f:1790000000000000707',
      title: 'طلب عرض سعر',
      contact: { name: 'عمر خالد', email: 'omar@example.ae' },
    },
  },
  {
    site: 'gmail',
    name: 'search results opened as a thread (results kept in the page)',
    fixture: 'gmail/variant-search.html',
    first: {
      url: gmailThread(0, '#search/quote/FMfcgzQVarSearch1'),
      key: 'thread-f:1790000000000000808',
      title: 'Quote for 30 seats',
      contact: { name: 'Alan Turing', email: 'alan@bletchley.example' },
    },
    navigate: '#app a[data-spa]',
    second: {
      url: gmailThread(0, '#search/quote/FMfcgzQVarSearch2'),
      key: 'thread-f:1790000000000000909',
      title: 'Quote, first draft',
      contact: { name: 'Joan Clarke', email: 'joan@bletchley.example' },
    },
  },
  {
    site: 'gmail',
    name: 'data attributes only: no class names, no h3',
    fixture: 'gmail/variant-data-only.html',
    first: {
      url: gmailThread(0, '#inbox/FMfcgzQVarData1'),
      key: 'thread-f:1790000000000001010',
      title: 'Renewal terms',
      contact: { name: 'Peter Gibbons', email: 'peter.gibbons@initech.example' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: gmailThread(0, '#inbox/FMfcgzQVarData2'),
      key: 'thread-f:1790000000000001111',
      title: 'Renewal terms 2026',
      contact: { name: 'Milton Waddams', email: 'milton@initech.example' },
    },
  },
  {
    site: 'outlook',
    name: 'reading pane at the bottom, persona button with the address in title (outlook.cloud.microsoft)',
    fixture: 'outlook/variant-pane-bottom.html',
    first: {
      url: 'https://outlook.cloud.microsoft/mail/inbox/id/AAQkPaneBottom1',
      key: 'AAQkPaneBottom1',
      title: 'Compiler licences',
      contact: { name: 'Grace Hopper', email: 'grace@navy.example' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: 'https://outlook.cloud.microsoft/mail/inbox/id/AAQkPaneBottom2',
      key: 'AAQkPaneBottom2',
      title: 'Dynabook demo',
      contact: { name: 'Alan Kay', email: 'alan.kay@parc.example' },
    },
  },
  {
    site: 'outlook',
    name: 'reading pane off, persona button with the address only in aria-label',
    fixture: 'outlook/variant-pane-off.html',
    first: {
      url: 'https://outlook.office365.com/mail/inbox/id/AAQkPaneOff1',
      key: 'AAQkPaneOff1',
      title: 'Orbit telemetry contract',
      contact: { name: 'Katherine Johnson', email: 'katherine@orbit.example' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: 'https://outlook.office365.com/mail/inbox/id/AAQkPaneOff2',
      key: 'AAQkPaneOff2',
      title: 'Orbit renewal',
      contact: { name: 'Mary Jackson', email: 'mary@orbit.example' },
    },
  },
  {
    site: 'salesforce',
    name: 'console subtabs: only the focused subtab is read',
    fixture: 'salesforce/variant-console.html',
    first: {
      url: 'https://initech.lightning.force.com/lightning/r/Opportunity/006Hs00001InitOAAA/view?ws=%2Flightning%2Fr%2FAccount%2F001Hs00003InitAAA%2Fview',
      key: 'Opportunity/006Hs00001InitOAAA',
      title: 'Opportunity: Initech – 200 seats',
      contact: { name: 'Initech – 200 seats' },
    },
    navigate: '[role="tab"][data-spa]',
    second: {
      url: 'https://initech.lightning.force.com/lightning/r/Contact/003Hs00004PeterAAA/view?ws=%2Flightning%2Fr%2FAccount%2F001Hs00003InitAAA%2Fview',
      key: 'Contact/003Hs00004PeterAAA',
      title: 'Contact: Peter Gibbons',
      contact: { name: 'Peter Gibbons', email: 'peter.gibbons@initech.example' },
    },
  },
  {
    site: 'hubspot',
    name: 'current record page: name a heading in the card, email as text (app-eu1)',
    fixture: 'hubspot/variant-current-record.html',
    first: {
      url: 'https://app-eu1.hubspot.com/contacts/26000001/record/0-1/88001',
      key: 'Contact/88001',
      title: 'Contact: Dorothy Vaughan',
      contact: { name: 'Dorothy Vaughan', email: 'dorothy.vaughan@langley.example' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: 'https://app-eu1.hubspot.com/contacts/26000001/record/0-2/7100042',
      key: 'Company/7100042',
      title: 'Company: NACA Langley',
      contact: { name: 'NACA Langley' },
    },
  },
  {
    site: 'hubspot',
    name: 'record page on the NA2 data centre (app-na2)',
    fixture: 'hubspot/record-spa.html',
    first: {
      url: 'https://app-na2.hubspot.com/contacts/4410021/record/0-1/75101',
      key: 'Contact/75101',
      title: 'Contact: Margaret Hamilton',
      contact: { name: 'Margaret Hamilton', email: 'margaret@apollo.example' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: 'https://app-na2.hubspot.com/contacts/4410021/record/0-2/9800311',
      key: 'Company/9800311',
      title: 'Company: Apollo Guidance Systems',
      contact: { name: 'Apollo Guidance Systems' },
    },
  },
  {
    site: 'pipedrive',
    name: 'newer person view: h1 in the detail header, email as text; a deal shows no one else’s email',
    fixture: 'pipedrive/variant-text-email.html',
    first: {
      url: 'https://initech.pipedrive.com/person/5120',
      key: 'Person/5120',
      title: 'Person: Mary Jackson',
      contact: { name: 'Mary Jackson', email: 'mary.jackson@langley.example' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: 'https://initech.pipedrive.com/deal/9120',
      key: 'Deal/9120',
      title: 'Deal: Langley wind tunnel — 8 seats',
      contact: { name: 'Langley wind tunnel — 8 seats' },
    },
  },
  {
    site: 'zoho',
    name: 'newer detail page: name in the detail-page header component (.com)',
    fixture: 'zoho/variant-new-detail.html',
    first: {
      url: 'https://crm.zoho.com/crm/org70012345/tab/Leads/6100000000100055',
      key: 'Lead/6100000000100055',
      title: 'Lead: Li Na',
      contact: { name: 'Li Na', email: 'li.na@example.cn' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: 'https://crm.zoho.com/crm/org70012345/tab/Potentials/6100000000200077',
      key: 'Deal/6100000000200077',
      title: 'Deal: Sunrise 2027 rollout',
      contact: { name: 'Sunrise 2027 rollout' },
    },
  },
  {
    site: 'zoho',
    name: 'newer detail page on crm.zoho.com.cn',
    fixture: 'zoho/variant-new-detail-cn.html',
    first: {
      url: 'https://crm.zoho.com.cn/crm/org70099999/tab/Leads/6100000000100066',
      key: 'Lead/6100000000100066',
      title: 'Lead: Zhang Min',
      contact: { name: 'Zhang Min', email: 'zhang.min@example.cn' },
    },
    navigate: 'a[data-spa]',
    second: {
      url: 'https://crm.zoho.com.cn/crm/org70099999/tab/Potentials/6100000000200088',
      key: 'Deal/6100000000200088',
      title: 'Deal: 朝阳 2027 续约',
      contact: { name: '朝阳 2027 续约' },
    },
  },
];
