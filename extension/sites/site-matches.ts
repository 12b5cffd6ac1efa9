/**
 * Where each built-in adapter runs, as manifest match patterns: read by the content-script
 * entrypoints (their `matches`), by wxt.config.ts (host permissions) and by the popup (a site
 * with a built-in adapter is not offered "Enable Pacer on this site"). Pure: no browser APIs.
 */
export const SITE_MATCHES = {
  gmail: ['https://mail.google.com/*'],
  outlook: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
  ],
  salesforce: ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'],
  hubspot: ['https://app.hubspot.com/*'],
  pipedrive: ['https://*.pipedrive.com/*'],
  zoho: ['https://crm.zoho.com/*', 'https://crm.zoho.com.cn/*'],
} as const satisfies Record<string, readonly string[]>;

export type BuiltinSiteId = keyof typeof SITE_MATCHES;

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
export function builtinSiteFor(url: URL): BuiltinSiteId | null {
  for (const [site, patterns] of Object.entries(SITE_MATCHES)) {
    if (patterns.some((pattern) => matchesHostPattern(pattern, url))) return site as BuiltinSiteId;
  }
  return null;
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
