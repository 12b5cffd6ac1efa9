/**
 * "Enable Pacer on this site": for an origin without a built-in adapter, ask for its host
 * permission at run time (optional_host_permissions; nothing like <all_urls> at install) and
 * register the generic content script there. Disabling unregisters it and gives the permission
 * back. The registered script's `matches` are the list of enabled origins: there is no second
 * copy of that list to drift out of step.
 *
 * Call `enableSite` straight from a click handler: browsers only show the permission prompt
 * during a user gesture.
 */
import { browser } from 'wxt/browser';
import { stored } from '../platform/storage.ts';

export const GENERIC_SCRIPT_ID = 'pacer-generic';
/** Where WXT puts the `generic.content.ts` entrypoint's bundle. */
const GENERIC_SCRIPT_FILE = 'content-scripts/generic.js';

async function registeredOrigins(): Promise<string[]> {
  const [script] = await browser.scripting.getRegisteredContentScripts({
    ids: [GENERIC_SCRIPT_ID],
  });
  return [...(script?.matches ?? [])];
}

async function setRegisteredOrigins(origins: string[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts({
    ids: [GENERIC_SCRIPT_ID],
  });
  if (origins.length === 0) {
    if (existing.length > 0) {
      await browser.scripting.unregisterContentScripts({ ids: [GENERIC_SCRIPT_ID] });
    }
    return;
  }
  const script = {
    id: GENERIC_SCRIPT_ID,
    matches: origins,
    js: [GENERIC_SCRIPT_FILE],
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
}

/** The origin patterns Pacer is enabled on (beyond the built-in sites), sorted. */
export async function enabledSites(): Promise<string[]> {
  return (await registeredOrigins()).sort();
}

/** Asks for `origin`'s permission and, when granted, runs Pacer there from the next page load. */
export async function enableSite(origin: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [origin] });
  if (!granted) return false;
  const origins = await registeredOrigins();
  if (!origins.includes(origin)) await setRegisteredOrigins([...origins, origin]);
  return true;
}

async function forgetOrigins(removed: readonly string[]): Promise<void> {
  const origins = await registeredOrigins();
  const left = origins.filter((o) => !removed.includes(o));
  if (left.length !== origins.length) await setRegisteredOrigins(left);
}

/** Stops running Pacer on `origin` and gives its permission back. */
export async function disableSite(origin: string): Promise<void> {
  await forgetOrigins([origin]);
  // Never give back the API server's own permission: sync would stop.
  const account = await stored.account().getValue();
  if (account && `${new URL(account.server).origin}/*` === origin) return;
  // Origins granted at install (a managed build's host_permissions) cannot be removed; the
  // script is gone all the same.
  await browser.permissions.remove({ origins: [origin] }).catch(() => false);
}

/**
 * For the background: when the member takes a site's access away in the browser's own settings,
 * Pacer forgets the site too, so the options list stays true and a later grant for some other
 * reason does not silently bring the sidebar back.
 */
export function forgetRevokedSites(): void {
  browser.permissions.onRemoved.addListener(({ origins }) => {
    if (origins?.length) void forgetOrigins(origins);
  });
}
