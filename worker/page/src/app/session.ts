/**
 * Who is signed in and which tab is open. Views read these signals; the header's tabs and the
 * hash (`#/targets`) stay in step.
 */
import { computed, signal } from '@preact/signals';
import {
  ListTeamsResponse,
  MeResponse,
  SessionInfoResponse,
  type TeamView,
} from '../../../../shared/api/index.ts';
import { ApiFailure, api, get, send, setCsrfToken } from './api.ts';
import { setFilter } from './filters.ts';

export type Tab = 'overview' | 'contests' | 'targets' | 'team' | 'review';

export const me = signal<MeResponse | null>(null);
/** `checking` until the first GET /session answers. */
export const signInState = signal<'checking' | 'signed-out' | 'signed-in'>('checking');
/** The teams the viewer may pick: every team a manager manages, a rep's own team. */
export const teams = signal<TeamView[]>([]);
/** True while the first load keeps failing for a reason other than being signed out. */
export const unreachable = signal(false);
const RETRY_MS = 5000;
export const isManager = computed(() => me.value?.member.role === 'manager');

/**
 * A sign-in link's code, handed over in the fragment by `GET /signin` (`#signin=<code>`): taken
 *  out of the address at once, and spent only when the member confirms (signin/SignIn.tsx).
 */
export const pendingSignin = signal<string | null>(
  /^#signin=([A-Za-z0-9_-]{20,100})$/.exec(location.hash)?.[1] ?? null,
);
if (pendingSignin.value !== null)
  history.replaceState(null, '', location.pathname + location.search);

function tabFromHash(): Tab {
  const name = location.hash.replace(/^#\/?/, '');
  return name === 'targets' || name === 'team' || name === 'contests' || name === 'review'
    ? name
    : 'overview';
}
export const tab = signal<Tab>(tabFromHash());
window.addEventListener('hashchange', () => {
  tab.value = tabFromHash();
});

/** Loads the session's CSRF secret and profile; signed out on 401. */
export async function loadSession(): Promise<void> {
  try {
    const session = await get(SessionInfoResponse, api.session.$get());
    setCsrfToken(session.csrfToken);
    me.value = await get(MeResponse, api.me.$get());
    signInState.value = 'signed-in';
    unreachable.value = false;
    setFilter({ teamId: me.value.team.id });
    await loadTeams();
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) {
      signInState.value = 'signed-out';
      return;
    }
    // Server unreachable or failing: say so and try again shortly.
    unreachable.value = true;
    setTimeout(() => void loadSession(), RETRY_MS);
    return;
  }
}

async function loadTeams(): Promise<void> {
  if (!isManager.value || !me.value) {
    teams.value = me.value ? [me.value.team] : [];
    return;
  }
  teams.value = (await get(ListTeamsResponse, api.teams.$get())).teams;
}

export async function signOut(): Promise<void> {
  await send(api.session.$delete());
  setCsrfToken(null);
  me.value = null;
  signInState.value = 'signed-out';
}
