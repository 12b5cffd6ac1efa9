/**
 * Sign-in state. The server address and member name are in storage.local (not secret); the token
 * only in the token vault. Signing in with an invite code joins the team (POST /join); signing in
 * with an existing token checks it (GET /me) before keeping it.
 */
import type { AccountMessage } from '../platform/messages.ts';
import { type Account, stored } from '../platform/storage.ts';
import {
  createApi,
  createSigninLink,
  joinTeam,
  normaliseServerUrl,
  type PacerApi,
} from '../sync/api-client.ts';
import { clearToken, readToken, writeToken } from './token-vault.ts';

/** The API for the signed-in member, or null. */
export async function currentApi(): Promise<PacerApi | null> {
  const [account, token] = await Promise.all([stored.account().getValue(), readToken()]);
  return account && token ? createApi(account.server, token) : null;
}

/** A one-time sign-in link to the leaderboard page for the signed-in member. */
export async function leaderboardSigninUrl(): Promise<string> {
  const [account, token] = await Promise.all([stored.account().getValue(), readToken()]);
  if (!account || !token) throw new Error('sign in to Pacer first');
  return (await createSigninLink(account.server, token)).url;
}

export async function signIn(
  message: Exclude<AccountMessage, { type: 'sign-out' }>,
): Promise<Account> {
  const server = normaliseServerUrl(message.server);
  let token: string;
  let member: { id: string; name: string };
  if (message.type === 'sign-in-invite') {
    const joined = await joinTeam(server, {
      code: message.code,
      name: message.name,
      email: message.email,
      timezone: message.timezone,
    });
    token = joined.token;
    member = joined.member;
  } else {
    token = message.token;
    member = (await createApi(server, token).me()).member;
  }
  await writeToken(token);
  const account: Account = { server, memberId: member.id, memberName: member.name };
  await stored.account().setValue(account);
  return account;
}

/**
 * Forgets the token here first (signing out must work offline), then revokes it on the server so
 * a copy of it (a backup, another profile) stops working too. Offline, only the local copy goes.
 */
export async function signOut(): Promise<void> {
  const api = await currentApi();
  await clearToken();
  await stored.account().removeValue();
  await api?.revokeToken().catch(() => undefined);
}
