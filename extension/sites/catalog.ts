/** The built-in site adapters (the options page lists them for on/off). */
import { gmail } from './gmail.ts';
import type { SiteAdapter } from './types.ts';

export const BUILTIN_SITES: readonly SiteAdapter[] = [gmail];
