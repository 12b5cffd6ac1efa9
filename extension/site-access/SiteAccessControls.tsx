/**
 * The small pieces of UI for "Enable Pacer on this site": a button for the tab in front (popup)
 * and the list of enabled sites with an address field (options). Both call registration.ts
 * straight from the click, so the permission prompt is allowed to show.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Translate } from '../i18n/index.ts';
import { type Prefs, withDefaults } from '../platform/prefs.ts';
import { stored } from '../platform/storage.ts';
import { builtinSiteFor, enablableOrigin } from '../sites/match-patterns.ts';
import { disableSite, enabledSites, enableSite } from './registration.ts';

/** "https://crm.example.cn/*" → "crm.example.cn" (what a member recognises). */
function hostOf(origin: string): string {
  return origin.replace(/^\w+:\/\//, '').replace(/\/\*$/, '');
}

function useEnabledSites(): [string[], () => Promise<void>] {
  const [sites, setSites] = useState<string[]>([]);
  const refresh = () => enabledSites().then(setSites);
  useEffect(() => void refresh(), []);
  return [sites, refresh];
}

/** Popup: enable or turn off Pacer on the active tab's site (nothing for built-in sites). */
export function EnableThisSite({ t }: { t: Translate }) {
  const [origin, setOrigin] = useState<string | null>(null);
  const [sites, refresh] = useEnabledSites();
  const [denied, setDenied] = useState(false);
  useEffect(() => {
    // activeTab lets the popup see the URL of the tab it was opened over.
    void browser.tabs
      .query({ active: true, lastFocusedWindow: true })
      .then(([tab]) => setOrigin(enablableOrigin(tab?.url)));
  }, []);
  if (!origin) return null;
  const enabled = sites.includes(origin);
  const toggle = async () => {
    if (enabled) await disableSite(origin);
    else setDenied(!(await enableSite(origin)));
    await refresh();
  };
  return (
    <div class="row" data-testid="enable-this-site">
      <button type="button" class={enabled ? 'secondary' : ''} onClick={() => void toggle()}>
        {t(enabled ? 'disableOnSite' : 'enableOnSite', { site: hostOf(origin) })}
      </button>
      {denied ? <span class="muted">{t('sitePermissionDenied')}</span> : null}
    </div>
  );
}

/** The active tab's address (activeTab lets the popup see the tab it was opened over). */
function useActiveTabUrl(): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    void browser.tabs
      .query({ active: true, lastFocusedWindow: true })
      .then(([tab]) => setUrl(tab?.url));
  }, []);
  return url;
}

/** The adapter that runs on a page: a built-in site's, else the one for enabled sites. */
function adapterFor(href: string | undefined, enabled: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(href ?? '');
  } catch {
    return null;
  }
  const builtin = builtinSiteFor(url);
  if (builtin) return builtin;
  const origin = enablableOrigin(href);
  return origin && enabled.includes(origin) ? 'generic' : null;
}

/**
 * Popup: "Show on this site" when the member hid the sidebar on the tab's site (the sidebar's ⊘);
 * the tab's sidebar comes back at once, without a reload.
 */
export function ShowOnThisSite({ t, prefs }: { t: Translate; prefs: Partial<Prefs> | null }) {
  const url = useActiveTabUrl();
  const [sites] = useEnabledSites();
  const app = adapterFor(url, sites);
  const current = withDefaults(prefs ?? undefined);
  if (!app || current.sites[app] !== false) return null;
  const show = () =>
    void stored.prefs().setValue({ ...current, sites: { ...current.sites, [app]: true } });
  return (
    <div class="row" data-testid="show-on-site">
      <span class="muted">{t('hiddenOnSite')}</span>
      <button type="button" onClick={show}>
        {t('showOnSite')}
      </button>
    </div>
  );
}

/** Options: the sites Pacer was enabled on, each with "Turn off", and a field to add one. */
export function OtherSites({ t }: { t: Translate }) {
  const [sites, refresh] = useEnabledSites();
  const [problem, setProblem] = useState<string | null>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('site-address');
    const raw = (input as HTMLInputElement).value.trim();
    const origin = enablableOrigin(/^\w+:\/\//.test(raw) ? raw : `https://${raw}`);
    if (!origin) {
      setProblem(t('siteAddressInvalid'));
      return;
    }
    const granted = await enableSite(origin);
    setProblem(granted ? null : t('sitePermissionDenied'));
    if (granted) (input as HTMLInputElement).value = '';
    await refresh();
  };
  return (
    <section aria-label={t('otherSites')} data-testid="other-sites">
      <h3>{t('otherSites')}</h3>
      <p class="muted">{t('otherSitesHelp')}</p>
      <ul>
        {sites.map((origin) => (
          <li key={origin} class="row" data-origin={origin}>
            <span>{hostOf(origin)}</span>
            <button
              type="button"
              class="secondary"
              onClick={() => void disableSite(origin).then(refresh)}
            >
              {t('turnOff')}
            </button>
          </li>
        ))}
      </ul>
      <form class="row" onSubmit={(event) => void add(event)}>
        <input name="site-address" type="text" placeholder="https://crm.example.cn" required />
        <button type="submit">{t('enable')}</button>
      </form>
      {problem ? <p class="muted">{problem}</p> : null}
    </section>
  );
}
