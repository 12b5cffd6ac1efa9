/**
 * The built-in site adapters, one line each. This list is the only place a site is registered:
 * it drives the content scripts (one per adapter, generated at build time by wxt.config.ts), the
 * host permissions asked at install (wxt.config.ts), the options page's on/off list and the
 * popup's "built-in site" check (match-patterns.ts). Each adapter lives in `sites/<id>/adapter.ts`
 * and is exported under its id (the generated content script imports it from there).
 */
import type { SiteAdapter } from './adapter.ts';
import { gmail } from './gmail/adapter.ts';
import { hubspot } from './hubspot/adapter.ts';
import { outlook } from './outlook/adapter.ts';
import { pipedrive } from './pipedrive/adapter.ts';
import { salesforce } from './salesforce/adapter.ts';
import { zoho } from './zoho/adapter.ts';

export const BUILTIN_SITES: readonly SiteAdapter[] = [
  gmail,
  outlook,
  salesforce,
  hubspot,
  pipedrive,
  zoho,
];
