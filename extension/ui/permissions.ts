/**
 * Host permission for the API server. Built-in origins are granted at install; any other server
 * is an optional host permission, asked for here, from the click that signs in (browsers only
 * show the prompt during a user gesture).
 */
import { browser } from 'wxt/browser';

export async function ensureServerPermission(server: string): Promise<boolean> {
  const origins = [`${new URL(server).origin}/*`];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}
