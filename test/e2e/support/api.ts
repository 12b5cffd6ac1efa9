/** Direct calls to the real API for test set-up and for checking what reached the server. */

import type { RecentEventsResponse } from '../../../shared/api/events.ts';
import { type CreateOrgResponse, ListMembersResponse } from '../../../shared/api/orgs.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';

async function call<T>(url: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(url, { ...init, headers });
  const body = await res.json();
  if (!res.ok)
    throw new Error(`${init.method ?? 'GET'} ${url} → ${res.status} ${JSON.stringify(body)}`);
  return body as T;
}

export function createOrg(server: string): Promise<CreateOrgResponse> {
  return call(`${server}/api/v1/orgs`, {
    method: 'POST',
    body: JSON.stringify({
      name: 'Acme Trading',
      timezone: 'Asia/Shanghai',
      currency: 'CNY',
      manager: { name: 'Zhang Wei', email: 'zhang.wei@example.cn' },
    }),
  });
}

/**
 * The first day of the org's current month in its time zone (createOrg's Asia/Shanghai), not
 * UTC's: from 16:00 UTC on a month's last day the org is already in the next month.
 */
function orgMonthStart(): string {
  return `${localDateOf(Date.now(), 'Asia/Shanghai').slice(0, 7)}-01`;
}

/** A team revenue target for the current month (so the sidebar shows a primary bar). */
export async function setMonthTarget(server: string, token: string, teamId: string, value: number) {
  const start = orgMonthStart();
  await call(`${server}/api/v1/targets`, {
    method: 'PUT',
    token,
    body: JSON.stringify({
      scope: 'team',
      teamId,
      metric: 'revenue',
      period: { kind: 'month', start },
      value,
    }),
  });
}

/**
 * Backdates a member's join to the first day of the org's month. A member who joined today carries
 * only the workdays left of the month, none on a month's last weekend: their share of a team
 * target would be 0 then. Before the month's team targets or after (the month is still open).
 */
export async function joinedSinceMonthStart(
  server: string,
  managerToken: string,
  memberId: string,
) {
  await call(`${server}/api/v1/members/${memberId}`, {
    method: 'PATCH',
    token: managerToken,
    body: JSON.stringify({ joinedOn: orgMonthStart() }),
  });
}

export function recentEvents(server: string, token: string): Promise<RecentEventsResponse> {
  return call(`${server}/api/v1/me/events?limit=200`, { token });
}

export async function memberTarget(
  server: string,
  managerToken: string,
  memberId: string,
  metric: string,
  value: number,
) {
  const start = orgMonthStart();
  await call(`${server}/api/v1/targets`, {
    method: 'PUT',
    token: managerToken,
    body: JSON.stringify({
      scope: 'member',
      memberId,
      metric,
      period: { kind: 'month', start },
      value,
    }),
  });
}

export function me(server: string, token: string): Promise<{ member: { id: string } }> {
  return call(`${server}/api/v1/me`, { token });
}

/**
 * A member's logs as their manager sees them: for browsers whose extension background the test
 * cannot reach to read the member's own token (Firefox).
 */
export async function memberEvents(
  server: string,
  managerToken: string,
  email: string,
): Promise<RecentEventsResponse['events']> {
  const { members } = ListMembersResponse.parse(
    await call(`${server}/api/v1/members`, { token: managerToken }),
  );
  const member = members.find((m) => m.email === email);
  if (!member) return [];
  const { events } = await call<RecentEventsResponse>(
    `${server}/api/v1/members/${member.id}/events?limit=200`,
    { token: managerToken },
  );
  return events;
}
