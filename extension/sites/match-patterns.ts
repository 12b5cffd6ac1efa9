/**
 * Which built-in adapter runs on a page, from the adapters' own match patterns (catalog.ts): the
 * popup does not offer "Enable Pacer on this site" where one already runs. Pure: no browser APIs.
 */
import { BUILTIN_SITES } from './catalog.ts';

/** Whether `url` matches a host match pattern like `https://*.example.com/*` (path ignored). */
export function matchesHostPattern(pattern: string, url: URL): boolean {
  const parsed = /^(https?|\*):\/\/([^/]+)\//.exec(pattern);
  if (!parsed) return false;
  const [, scheme, host = ''] = parsed;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const domain = host.slice(2);
    return url.hostname === domain || url.hostname.endsWith(`.${domain}`);
  }
  return url.host === host;
}

/** The built-in adapter that runs on `url`, if any. */
export function builtinSiteFor(url: URL): string | null {
  const site = BUILTIN_SITES.find((s) => s.matches.some((p) => matchesHostPattern(p, url)));
  return site?.id ?? null;
}

/**
 * The origin permission pattern a member can enable Pacer on (`https://crm.example.cn/*`), or
 * null for pages Pacer cannot or need not run on: browser pages, files, built-in sites.
 */
export function enablableOrigin(href: string | undefined): string | null {
  let url: URL;
  try {
    url = new URL(href ?? '');
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (builtinSiteFor(url)) return null;
  return `${url.origin}/*`;
}
