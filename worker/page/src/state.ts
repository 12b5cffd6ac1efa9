/**
 * What the signed-in page knows and shows: who is signed in, which tab, and the board's filters.
 * Views read these signals; changing a filter re-fetches only what depends on it.
 */
import { computed, signal } from '@preact/signals';
import { z } from 'zod';
import {
  type LeaderboardBy,
  MeResponse,
  type PeriodKind,
  SessionInfoResponse,
  type TeamView,
} from '../../../shared/api/index.ts';
import { ApiFailure, get, send, setCsrfToken } from './api.ts';

export type Tab = 'overview' | 'contests' | 'targets' | 'team';
export type BoardBy = z.infer<typeof LeaderboardBy>;

export const SessionInfo = SessionInfoResponse;

export const me = signal<MeResponse | null>(null);
/** `checking` until the first GET /session answers. */
export const signInState = signal<'checking' | 'signed-out' | 'signed-in'>('checking');
export const teams = signal<TeamView[]>([]);
/** True while the first load keeps failing for a reason other than being signed out. */
export const unreachable = signal(false);
const RETRY_MS = 5000;
export const isManager = computed(() => me.value?.member.role === 'manager');

/**
 * A sign-in link's code, handed over in the fragment by `GET /signin` (`#signin=<code>`): taken
 * out of the address at once, and spent only when the member confirms (views/SignIn.tsx).
 */
export const pendingSignin = signal<string | null>(
  /^#signin=([A-Za-z0-9_-]{20,100})$/.exec(location.hash)?.[1] ?? null,
);
if (pendingSignin.value !== null)
  history.replaceState(null, '', location.pathname + location.search);

function tabFromHash(): Tab {
  const name = location.hash.replace(/^#\/?/, '');
  return name === 'targets' || name === 'team' || name === 'contests' ? name : 'overview';
}
export const tab = signal<Tab>(tabFromHash());
window.addEventListener('hashchange', () => {
  tab.value = tabFromHash();
});

export interface BoardFilters {
  teamId: string | undefined;
  period: PeriodKind;
  /** A date inside the wanted period; undefined = today (in the org's zone, on the server). */
  date: string | undefined;
  by: BoardBy;
}
export const filters = signal<BoardFilters>({
  teamId: undefined,
  period: 'month',
  date: undefined,
  by: 'attainment',
});
export const setFilter = (patch: Partial<BoardFilters>) => {
  filters.value = { ...filters.value, ...patch };
};

/** Loads the session's CSRF secret and profile; signed out on 401. */
export async function loadSession(): Promise<void> {
  try {
    const session = await get(SessionInfo, '/api/v1/session');
    setCsrfToken(session.csrfToken);
    me.value = await get(MeResponse, '/api/v1/me');
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

const TeamList = z.object({
  teams: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      parentId: z.string().nullable(),
      depth: z.number(),
    }),
  ),
});

async function loadTeams(): Promise<void> {
  if (!isManager.value || !me.value) {
    teams.value = me.value ? [me.value.team] : [];
    return;
  }
  teams.value = (await get(TeamList, '/api/v1/teams')).teams;
}

export async function signOut(): Promise<void> {
  await send('DELETE', '/api/v1/session', undefined, z.null());
  setCsrfToken(null);
  me.value = null;
  signInState.value = 'signed-out';
}
