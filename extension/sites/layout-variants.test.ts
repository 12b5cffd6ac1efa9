/**
 * Every built-in adapter on the layout variants of layout-variants.test-helper.ts (the same
 * fixtures the browser tests serve), parsed with linkedom: the record, its contact and link, the
 * anchor the buttons go beside, and, after the page shows its second record in place, that record
 * with its own contact (never the first one's).
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { PageRecord, SiteAdapter } from './adapter.ts';
import { BUILTIN_SITES } from './catalog.ts';
import { LAYOUT_VARIANTS, type VariantRecord } from './layout-variants.test-helper.ts';

function adapter(id: string): SiteAdapter {
  const found = BUILTIN_SITES.find((site) => site.id === id);
  if (!found) throw new Error(`no adapter ${id}`);
  return found;
}

function load(fixture: string): Document {
  const [site, file] = fixture.split('/');
  const html = readFileSync(new URL(`./${site}/fixtures/${file}`, import.meta.url), 'utf8');
  return parseHTML(html).document as unknown as Document;
}

/** What the fixture's own router does on navigation: the view for `url` replaces #app. */
function showInPlace(doc: Document, url: string): void {
  const target = new URL(url);
  const here = target.pathname + target.search + target.hash;
  const view = [...doc.querySelectorAll('template[data-route]')].find((t) =>
    here.endsWith(t.getAttribute('data-route') ?? '\0'),
  ) as HTMLTemplateElement | undefined;
  if (view) doc.getElementById('app')?.replaceChildren(view.content.cloneNode(true));
  // Console subtabs: the one for the URL's record comes to the front, the others are hidden.
  const id = /\/view/.test(target.pathname) ? target.pathname.split('/')[4] : undefined;
  for (const panel of doc.querySelectorAll('[role="tabpanel"][data-record-id]')) {
    const front = panel.getAttribute('data-record-id') === id;
    panel.classList.toggle('active', front);
    panel.classList.toggle('slds-hide', !front);
  }
}

function read(site: string, doc: Document, url: string): PageRecord | null {
  return adapter(site).readRecord(doc, new URL(url) as unknown as Location);
}

function expectRecord(record: PageRecord | null, expected: VariantRecord): void {
  expect(record).not.toBeNull();
  expect(record?.key).toContain(expected.key);
  expect(record?.subject).toBe(expected.title);
  expect(record?.contact).toEqual(expected.contact);
  expect(record?.url).toBe(expected.url);
  // The buttons go beside the record's name or subject, which holds that text.
  const name = expected.contact.name ?? '';
  expect(record?.anchor.textContent).toContain(
    expected.title.includes(': ') && expected.title.endsWith(name) ? name : expected.title,
  );
}

describe('adapters read every layout variant', () => {
  it.each(LAYOUT_VARIANTS)('$site: $name', (variant) => {
    const doc = load(variant.fixture);
    expectRecord(read(variant.site, doc, variant.first.url), variant.first);
  });

  const inPlace = LAYOUT_VARIANTS.filter((v) => v.second && !v.fixture.endsWith('record-spa.html'));
  it.each(inPlace)('$site: $name, after navigating in place', (variant) => {
    const doc = load(variant.fixture);
    const second = variant.second as VariantRecord;
    showInPlace(doc, second.url);
    const record = read(variant.site, doc, second.url);
    expectRecord(record, second);
    // Never the first record's contact (a cached or hidden page's).
    if (variant.first.contact.email !== second.contact.email) {
      expect(record?.contact.email).not.toBe(variant.first.contact.email);
    }
    expect(record?.key).not.toBe(read(variant.site, load(variant.fixture), variant.first.url)?.key);
  });
});

describe('Gmail finds the sender from stable signals, in order', () => {
  const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQX';
  const gmail = (html: string) =>
    read('gmail', parseHTML(html).document as unknown as Document, url);

  it("the latest message's first [email] element, wherever it sits, before its recipients", () => {
    const record = gmail(`<div role="main"><h2 data-thread-perm-id="t1">S</h2>
      <div data-message-id="m1"><span email="first@example.com" name="First">First</span></div>
      <div data-message-id="m2"><p><b><span email="latest@example.com" name="Latest">Latest</span></b></p>
        <p>to <span email="me@example.com" name="me">me</span></p></div></div>`);
    expect(record?.contact).toEqual({ name: 'Latest', email: 'latest@example.com' });
  });

  it('skips a message marked collapsed for an expanded one before it', () => {
    const record = gmail(`<div role="main"><h2 data-thread-perm-id="t1">S</h2>
      <div data-message-id="m1"><span email="open@example.com" name="Open">Open</span></div>
      <div data-message-id="m2" aria-expanded="false"><span email="shut@example.com" name="Shut">Shut</span></div></div>`);
    expect(record?.contact).toEqual({ name: 'Open', email: 'open@example.com' });
  });

  it('the hovercard id when the sender element has no email attribute', () => {
    const record = gmail(`<div role="main"><h2 data-thread-perm-id="t1">S</h2>
      <div data-message-id="m1"><span data-hovercard-id="hc@example.com">Hover Card</span></div></div>`);
    expect(record?.contact).toEqual({ name: 'Hover Card', email: 'hc@example.com' });
  });

  it("the thread's participants when no message is marked as one", () => {
    const record = gmail(`<div role="main"><h2 data-thread-perm-id="t1">S</h2>
      <div><span email="p1@example.com" name="P One">P One</span>, <span email="p2@example.com" name="P Two">P Two</span></div></div>`);
    expect(record?.contact).toEqual({ name: 'P One', email: 'p1@example.com' });
  });

  it('a thread with no sender anywhere: a record with no contact (the sidebar says so)', () => {
    const record = gmail(`<div role="main"><h2 data-thread-perm-id="t1">Newsletter</h2>
      <div data-message-id="m1"><span>Weekly digest</span></div></div>`);
    expect(record?.subject).toBe('Newsletter');
    expect(record?.contact).toEqual({});
  });
});

describe('records read only what is in front', () => {
  it('Salesforce console: a hidden subtab is never read, even when it comes first', () => {
    const doc = load('salesforce/variant-console.html');
    const url =
      'https://initech.lightning.force.com/lightning/r/Opportunity/006Hs00001InitOAAA/view';
    const record = read('salesforce', doc, url);
    expect(record?.contact).toEqual({ name: 'Initech – 200 seats' });
    // The URL names a record whose page is not in front: nothing, rather than a wrong record.
    const hidden = read(
      'salesforce',
      doc,
      'https://initech.lightning.force.com/lightning/r/Contact/003Hs00004PeterAAA/view',
    );
    expect(hidden).toBeNull();
  });

  it("HubSpot: the email is the record card's, not an association's", () => {
    const doc = load('hubspot/variant-current-record.html');
    const record = read(
      'hubspot',
      doc,
      'https://app-eu1.hubspot.com/contacts/26000001/record/0-1/88001',
    );
    expect(record?.contact.email).toBe('dorothy.vaughan@langley.example');
  });
});
