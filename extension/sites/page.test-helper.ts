/** For adapter tests: a site's fixture page, parsed with linkedom and read by its adapter. */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { expect } from 'vitest';
import type { PageRecord, SiteAdapter } from './adapter.ts';

/** A page from `sites/<site>/fixtures/`. */
export function fixture(site: string, file: string): string {
  return readFileSync(new URL(`./${site}/fixtures/${file}`, import.meta.url), 'utf8');
}

export function read(adapter: SiteAdapter, html: string, href: string): PageRecord | null {
  const { document } = parseHTML(html);
  return adapter.readRecord(document as unknown as Document, new URL(href) as unknown as Location);
}

export interface FixtureCase {
  /** A file in the adapter's fixtures folder. */
  fixture: string;
  url: string;
  subject: string;
  contact: PageRecord['contact'];
  anchorText: string;
}

/** The adapter reads the fixture at `url` as that record: subject, link, contact and anchor. */
export function expectReads(adapter: SiteAdapter, c: FixtureCase): void {
  const record = read(adapter, fixture(adapter.id, c.fixture), c.url);
  expect(record).toMatchObject({ subject: c.subject, url: c.url });
  expect(record?.contact).toEqual(c.contact);
  expect(record?.anchor.textContent?.trim()).toBe(c.anchorText);
}
