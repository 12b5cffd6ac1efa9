/** The built-in site adapters (the options page lists them for on/off). */
import { gmail } from './gmail.ts';
import { hubspot } from './hubspot.ts';
import { outlook } from './outlook.ts';
import { pipedrive } from './pipedrive.ts';
import { salesforce } from './salesforce.ts';
import type { SiteAdapter } from './types.ts';
import { zoho } from './zoho.ts';

export const BUILTIN_SITES: readonly SiteAdapter[] = [
  gmail,
  outlook,
  salesforce,
  hubspot,
  pipedrive,
  zoho,
];
