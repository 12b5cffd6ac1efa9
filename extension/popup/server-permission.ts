/**
 * Host permission for the API server. Built-in origins are granted at install; any other server
 * is an optional host permission, asked for here, from the click that signs in. The request is
 * the first await of that click (browsers show the prompt only during the user's gesture); for an
 * origin already granted it resolves true without a prompt.
 */
import { browser } from 'wxt/browser';

export function ensureServerPermission(server: string): Promise<boolean> {
  return browser.permissions.request({ origins: [`${new URL(server).origin}/*`] });
}
