/**
 * A contest from the board reaches the sidebar: in real Chromium with the built extension and the
 * real worker, a rep logs a visit from a Gmail thread (fixture at the real URL) and the sidebar's
 * contests section shows their place and the gap to the colleague ahead, which the server's
 * standings confirm; a colleague's later logs move it on the next sync.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CreateOrgResponse } from '../../shared/api/orgs.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';
import { createOrg } from './support/api.ts';
import {
  type ExtensionBrowser,
  launchWithExtension,
  screenshot,
  serveGmail,
} from './support/browser.ts';
import { sidebarText, signInWithInvite } from './support/extension.ts';

const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA';

let server: WorkerServer;
let ext: ExtensionBrowser;
let org: CreateOrgResponse;
let gmail: Page;

async function api<T>(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const logVisits = (token: string, quantity: number) =>
  api('POST', '/events', token, {
    events: [
      { id: crypto.randomUUID(), metric: 'visits', quantity, occurredAt: new Date().toISOString() },
    ],
  });

beforeAll(async () => {
  server = await startWorkerServer({ port: inject('apiPort') });
  org = await createOrg(server.url);
  ext = await launchWithExtension(inject('extensionDir'));
});

afterAll(async () => {
  await ext?.close();
  await server?.dispose();
});

describe('contests in the sidebar', () => {
  it('shows the rep’s place and the gap to the next after logging from Gmail', async () => {
    const invite = await api<{ code: string }>('POST', '/invites', org.token, {
      teamId: org.team.id,
    });
    const colleague = await api<{ token: string }>('POST', '/join', null, {
      code: invite.code,
      name: 'Wang Fang',
      email: 'wang.fang@example.cn',
      timezone: 'Asia/Shanghai',
    });
    const today = new Date().toISOString().slice(0, 10);
    const week = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const { contest } = await api<{ contest: { id: string } }>('POST', '/contests', org.token, {
      name: 'Visit sprint',
      teamId: org.team.id,
      metric: 'visits',
      start: today,
      end: week,
      prize: 'Team dinner',
    });
    await logVisits(colleague.token, 3);

    const popup = await signInWithInvite(ext, server.url, org.inviteCode, 'Li Lei');
    await popup.close();
    await serveGmail(ext.context, 'one-message.html');
    gmail = await ext.context.newPage();
    await gmail.goto(THREAD_URL);
    await gmail.getByTestId('pacer-pill').getByRole('button').click();
    await gmail.getByTestId('pacer-panel').waitFor();

    await gmail.locator('[data-pacer-log-buttons] button[data-metric="visits"]').click();
    await expect.poll(() => sidebarText(gmail, 'pacer-today-visits')).toBe('1');
    await expect
      .poll(() => sidebarText(gmail, 'pacer-contest-line'), { timeout: 30_000 })
      .toMatch(/^#2 of 2 — 2 visits behind Wang Fang — ends /);
    const standings = await api<{ entries: Array<{ name: string; value: number; rank: number }> }>(
      'GET',
      `/contests/${contest.id}/standings`,
      org.token,
    );
    expect(standings.entries.map((e) => [e.name, e.rank, e.value])).toEqual([
      ['Wang Fang', 1, 3],
      ['Li Lei', 2, 1],
    ]);
    await screenshot(gmail, 'sidebar-contests');

    // The colleague logs one more (4); four more visits from Gmail (5) put Li Lei in the lead
    // on the sidebar's next sync. Each repeat within 2 minutes asks first (double-log guard).
    await logVisits(colleague.token, 1);
    const visit = gmail.locator('[data-pacer-log-buttons] button[data-metric="visits"]');
    for (let logged = 2; logged <= 5; logged++) {
      // More than a second apart: a second click within one is a double click, never a log.
      await gmail.waitForTimeout(1_100);
      await visit.click();
      await gmail.getByTestId('pacer-confirm-yes').click();
      await expect.poll(() => sidebarText(gmail, 'pacer-today-visits')).toBe(String(logged));
    }
    await expect
      .poll(() => sidebarText(gmail, 'pacer-contest-line'), { timeout: 30_000 })
      .toMatch(/^#1 of 2 — Leading — ends /);
  });

  it("toasts a teammate's big deal in the sidebar without any action by the rep (30 s poll)", async () => {
    await api('PATCH', '/org', org.token, {
      announcements: { dealAmountAtLeast: 500_000, tierReached: false, streakRecord: false },
    });
    const invite = await api<{ code: string }>('POST', '/invites', org.token, {
      teamId: org.team.id,
    });
    const teammate = await api<{ token: string }>('POST', '/join', null, {
      code: invite.code,
      name: 'Han Meimei',
      email: 'han.meimei@example.cn',
      timezone: 'Asia/Shanghai',
    });
    await api('POST', '/events', teammate.token, {
      events: [
        {
          id: crypto.randomUUID(),
          metric: 'revenue',
          quantity: 800_000,
          occurredAt: new Date().toISOString(),
        },
      ],
    });
    const toast = gmail.getByTestId('pacer-toast').filter({ hasText: 'Han Meimei' });
    await toast.waitFor({ timeout: 45_000 });
    expect(await toast.textContent()).toContain('🎉 Han Meimei: big deal, CN¥8,000');
    await screenshot(gmail, 'sidebar-team-news');
  });
});
