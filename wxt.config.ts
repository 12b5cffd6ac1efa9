import { defineConfig } from 'wxt';
import { SITE_MATCHES } from './extension/sites/site-matches.ts';

/**
 * API origins the extension may call without asking at run time. Set PACER_API_ORIGINS
 * (comma-separated origins) at build time; any other server is covered by
 * optional_host_permissions and requested when the user signs in to it.
 */
const apiOrigins = (process.env.PACER_API_ORIGINS ?? 'http://localhost:8787,http://127.0.0.1:8787')
  .split(',')
  .map((o) => o.trim().replace(/\/+$/, ''))
  .filter((o) => o.length > 0);

/** Sites with a built-in adapter (their content scripts declare the same matches). */
const builtinSites = Object.values(SITE_MATCHES).flat();

/**
 * Test builds only: origins granted at install as if the member had enabled Pacer there (a test
 * browser cannot answer the permission prompt). Comma-separated origins; empty by default.
 */
const grantedSiteOrigins = (process.env.PACER_TEST_SITE_ORIGINS ?? '')
  .split(',')
  .map((o) => o.trim().replace(/\/+$/, ''))
  .filter((o) => o.length > 0);

export default defineConfig({
  srcDir: 'extension',
  // PACER_OUT_DIR lets the e2e tests build their own copy without touching the dev build.
  outDir: process.env.PACER_OUT_DIR ?? '.output',
  publicDir: 'extension/public',
  modules: [],
  // Explicit imports everywhere: a reader sees where each name comes from.
  imports: false,
  vite: () => ({
    // The server the sign-in form suggests first.
    define: { __PACER_DEFAULT_SERVER__: JSON.stringify(apiOrigins[0] ?? 'http://localhost:8787') },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting + activeTab: "Enable Pacer on this site" (ui/site-access.ts).
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab'],
    host_permissions: [
      ...apiOrigins.map((o) => `${o}/*`),
      ...builtinSites,
      ...grantedSiteOrigins.map((o) => `${o}/*`),
    ],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_cmdToggle__',
      },
      'log-call': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_cmdLogCall__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'pacer@pacer.example',
              // Firefox's install prompt lists what leaves the browser; each log goes to the team's
              // own server: the contact's name and email read from the page
              // (personallyIdentifyingInfo), the record's address (browsingActivity) and title
              // (websiteContent); signing in sends the member's name, email and invite code
              // (authenticationInfo). Nothing is sent anywhere else.
              data_collection_permissions: {
                required: [
                  'personallyIdentifyingInfo',
                  'authenticationInfo',
                  'browsingActivity',
                  'websiteContent',
                ],
              },
            },
          },
          // Firefox builds are MV2, where optional host permissions are optional_permissions.
          optional_permissions: ['https://*/*', 'http://*/*'],
        }
      : {}),
  }),
});
