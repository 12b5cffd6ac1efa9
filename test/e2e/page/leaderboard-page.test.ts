/**
 * The manager leaderboard page in real Chromium against the real worker (wrangler dev, local D1)
 * with the demo organisation: sign-in (token form, one-time code, sign-out, cookie flags, CSRF),
 * period and ranking switches checked against the API, the target editor, privacy as a rep, TV
 * mode refreshing after new events, CSV exports, and reps kept away from manager actions.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeaderboardResponse, MeResponse } from '../../../shared/api/index.ts';
import {
  api,
  type DemoServer,
  HttpError,
  launchBrowser,
  newContext,
  parseCsv,
  screenshot,
  see,
  signInWithToken,
  startDemoServer,
  submitToken,
} from './support.ts';

type Teams = { teams: Array<{ id: string; name: string; parentId: string | null }> };

let env: DemoServer;
let browser: Browser;
let manager: BrowserContext;
let managerPage: Page;
/** Console messages about the Content Security Policy: the page must never trip it. */
const cspViolations: string[] = [];

beforeAll(async () => {
  env = await startDemoServer();
  browser = await launchBrowser();
  manager = await newContext(browser);
  managerPage = await manager.newPage();
  managerPage.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) cspViolations.push(m.text());
  });
  await signInWithToken(managerPage, env.url, env.demo.managerToken);
});

afterAll(async () => {
  await browser?.close();
  await env?.server.dispose();
});

/**
 * [memberId, rank] pairs as the page's table ranks them (the cell's `data-rank`: rows tied at
 * zero show "–" rather than a shared number).
 */
async function tableRanking(page: Page): Promise<Array<[string, number]>> {
  return page
    .locator('table.board tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.getAttribute('data-member') ?? '',
        Number(r.querySelector('.rank')?.getAttribute('data-rank')),
      ]),
    );
}

const apiRanking = (board: LeaderboardResponse): Array<[string, number]> =>
  board.entries.map((e) => [e.member.id, e.rank]);

async function subTeamOf(token: string): Promise<{ id: string; name: string }> {
  const me = await api<MeResponse>(env.url, 'GET', '/me', token);
  return me.team;
}

const count = (locale: string, n: number) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
const percentText = (locale: string, p: number | null) =>
  p === null ? '\u2014' : `${count(locale, p)}%`;

/** The board's rows as shown: achieved, target and percent cells per member id. */
async function shownFigures(page: Page) {
  return page
    .locator('table.board tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.getAttribute('data-member') ?? '',
        r.querySelector('td.achieved')?.textContent ?? '',
        r.querySelector('td.target')?.textContent ?? '',
        r.querySelector('td.percent .pct')?.textContent ?? '',
      ]),
    );
}

/** What {@link shownFigures} must read for a board ranked by a count metric. */
function countFigures(board: LeaderboardResponse, locale: string) {
  return board.entries.map((e) => [
    e.member.id,
    count(locale, e.achieved),
    e.target > 0 ? count(locale, e.target) : locale.startsWith('zh') ? '暂无目标' : 'No target yet',
    percentText(locale, e.percent),
  ]);
}

/** Summed achieved / target and their percent, as the gauge and the TV headline show them. */
function teamTotals(board: LeaderboardResponse) {
  const achieved = board.entries.reduce((a, e) => a + e.achieved, 0);
  const target = board.entries.reduce((a, e) => a + e.target, 0);
  return { achieved, target, percent: target > 0 ? (achieved / target) * 100 : null };
}

describe('signing in', () => {
  it('keeps the session in an HttpOnly, Secure, SameSite=Lax __Host- cookie on 127.0.0.1', async () => {
    const cookies = await manager.cookies(env.url);
    const session = cookies.find((c) => c.name === '__Host-pacer');
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    // Page scripts cannot read it.
    expect(await managerPage.evaluate(() => document.cookie)).not.toContain('__Host-pacer');
    await see(managerPage.locator('.who .name')).hasText('Zhang Wei 张伟');
  });

  it('refuses cookie writes without the CSRF header, and cross-origin writes with it', async () => {
    const status = await managerPage.evaluate(async () => {
      const res = await fetch('/api/v1/session', { method: 'DELETE' });
      return res.status;
    });
    expect(status).toBe(403);
    const cookie = (await manager.cookies(env.url)).find((c) => c.name === '__Host-pacer');
    const { csrfToken } = await managerPage.evaluate(async () =>
      (await fetch('/api/v1/session')).json(),
    );
    const forged = await fetch(`${env.url}/api/v1/session`, {
      method: 'DELETE',
      headers: {
        cookie: `__Host-pacer=${cookie?.value}`,
        'x-csrf-token': csrfToken,
        origin: 'http://evil.example',
      },
    });
    expect(forged.status).toBe(403);
    // Still signed in.
    expect((await managerPage.request.get(`${env.url}/api/v1/me`)).status()).toBe(200);
  });

  it('signs in once with a 60-second one-time code from the extension, after a confirming click, never twice', async () => {
    const { url } = await api<{ url: string }>(
      env.url,
      'POST',
      '/session/codes',
      env.demo.repToken,
    );
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('table.board').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    // The code left the address bar.
    expect(new URL(page.url()).hash).toBe('');
    await see(page.locator('.who .name')).hasText(env.demo.repName);
    const again = await newContext(browser);
    const second = await again.newPage();
    await second.goto(url);
    await second.getByRole('button', { name: 'Continue' }).click();
    await see(second.locator('.signin [role=alert]').first()).containsText('expired');
    await context.close();
    await again.close();
  });

  it('never switches a signed-in board to the account of a link another site sent it to', async () => {
    const { url } = await api<{ url: string }>(
      env.url,
      'POST',
      '/session/codes',
      env.demo.repToken,
    );
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithToken(page, env.url, env.demo.managerToken);
    // Another site sends the signed-in browser to the rep's link.
    await page.goto(url, { referer: 'https://evil.example/' });
    const confirm = page.getByTestId('confirm-signin');
    await see(confirm).containsText('You are signed in as Zhang Wei 张伟');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await see(page.locator('.who .name')).hasText('Zhang Wei 张伟');
    const me = await page.evaluate(
      async () => (await (await fetch('/api/v1/me')).json()).member.name,
    );
    expect(me).toBe('Zhang Wei 张伟');
    await context.close();
  });

  it('works on http://localhost too (Chromium accepts Secure cookies on loopback)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const local = env.url.replace('127.0.0.1', 'localhost');
    await signInWithToken(page, local, env.demo.managerToken);
    const cookies = await context.cookies(local);
    expect(cookies.find((c) => c.name === '__Host-pacer')?.secure).toBe(true);
    await context.close();
  });

  it('rejects a wrong token on the form', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${env.url}/`);
    await submitToken(page, `pcr_${'x'.repeat(43)}`);
    await see(page.locator('.signin .error')).hasText('That token was not accepted.');
    await context.close();
  });
});

describe('overview', () => {
  it('ranks like the API for every period and ranking switch', async () => {
    const page = managerPage;
    await page.goto(`${env.url}/`);
    await page.locator('table.board').waitFor();
    const rootTeam = (await api<MeResponse>(env.url, 'GET', '/me', env.demo.managerToken)).team.id;
    for (const [period, by] of [
      ['month', 'attainment'],
      ['week', 'calls'],
      ['quarter', 'points'],
      ['day', 'streak'],
    ] as const) {
      await page.locator(`button[data-period=${period}]`).click();
      await page.locator('select[name=by]').selectOption(by);
      const board = await api<LeaderboardResponse>(
        env.url,
        'GET',
        `/leaderboard?team=${rootTeam}&period=${period}&by=${by}`,
        env.demo.managerToken,
      );
      expect(board.entries.length).toBeGreaterThan(10);
      await expect.poll(() => tableRanking(page), { timeout: 10_000 }).toEqual(apiRanking(board));
      await see(page.locator('.period-range')).containsText(board.period.start);
    }
  });

  it('switches to a sub-team and to a custom date with the keyboard', async () => {
    const page = managerPage;
    const sub = await subTeamOf(env.demo.repToken);
    await page.locator('select[name=team]').selectOption(sub.id);
    await page.locator('select[name=by]').selectOption('attainment');
    await page.locator('button[data-period=custom]').focus();
    await page.keyboard.press('Enter');
    await page.locator('select[name=custom-kind]').selectOption('month');
    await page.locator('input[name=date]').fill('2026-10-15');
    const board = await api<LeaderboardResponse>(
      env.url,
      'GET',
      `/leaderboard?team=${sub.id}&period=month&date=2026-10-15&by=attainment`,
      env.demo.managerToken,
    );
    expect(board.period.start).toBe('2026-10-01');
    await expect.poll(() => tableRanking(page), { timeout: 10_000 }).toEqual(apiRanking(board));
    await see(page.locator('#board-title')).containsText(sub.name);
  });

  it('shows the gauge, honours and the table at 1280×800 and 1920×1080 without sideways scrolling', async () => {
    const page = managerPage;
    await page.goto(`${env.url}/`);
    await page.locator('button[data-period=month]').click();
    await page.locator('table.board').waitFor();
    await page.locator('.honours .champions li').first().waitFor();
    await see(page.locator('.summary [data-figure=target]')).lacksText(/No target/);
    await see(page.locator('svg.sparkline').first()).isVisible();
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      // The whole table fits its card: no column is cut or scrolled away.
      const hidden = await page
        .locator('.board-card')
        .evaluate((card) => card.scrollWidth - card.clientWidth);
      expect(hidden).toBeLessThanOrEqual(0);
      await screenshot(page, `overview-${size.width}x${size.height}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('is served with a strict Content Security Policy that the page never violates', async () => {
    const res = await managerPage.request.get(`${env.url}/`);
    expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers()['x-frame-options']).toBe('DENY');
    expect(res.headers()['referrer-policy']).toBe('no-referrer');
    expect(cspViolations).toEqual([]);
  });

  it('speaks Simplified Chinese', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithToken(page, env.url, env.demo.managerToken);
    await page.goto(`${env.url}/?lang=zh-CN`);
    await page.locator('table.board').waitFor();
    await see(page.locator('#board-title')).containsText('排行榜');
    await see(page.locator('button[data-period=week]')).hasText('本周');
    await screenshot(page, 'overview-zh-CN');
    await context.close();
  });
  it('ranked by a count metric, shows that metric’s own numbers in the table and gauge, en and zh', async () => {
    const sub = await subTeamOf(env.demo.repToken);
    const board = await api<LeaderboardResponse>(
      env.url,
      'GET',
      `/leaderboard?team=${sub.id}&period=month&by=calls`,
      env.demo.managerToken,
    );
    // The demo has call targets: the API answers calls, not revenue, in every column.
    expect(board.entries.some((e) => e.target > 0)).toBe(true);
    for (const e of board.entries) expect(e.achieved).toBe(e.value);
    const totals = teamTotals(board);
    for (const [locale, lang, title] of [
      ['en', 'en', 'Calls'],
      ['zh-CN', 'zh-CN', '电话'],
    ] as const) {
      const context = await newContext(browser);
      const page = await context.newPage();
      await signInWithToken(page, env.url, env.demo.managerToken);
      await page.goto(`${env.url}/?lang=${lang}`);
      await page.locator('table.board').waitFor();
      await page.locator('select[name=team]').selectOption(sub.id);
      await page.locator('button[data-period=month]').click();
      await page.locator('select[name=by]').selectOption('calls');
      await expect
        .poll(() => shownFigures(page), { timeout: 10_000 })
        .toEqual(countFigures(board, locale));
      await see(page.locator('#gauge-title')).containsText(title);
      await see(page.locator('.summary svg.gauge text.big')).hasText(
        percentText(locale, totals.percent),
      );
      await see(page.locator('.summary [data-figure=achieved]')).hasText(
        count(locale, totals.achieved),
      );
      await see(page.locator('.summary [data-figure=target]')).hasText(
        count(locale, totals.target),
      );
      await context.close();
    }
  });
});

describe('target editor', () => {
  it('decomposes a team target with the shared rules, checks the sum, saves, and the board follows', async () => {
    const page = managerPage;
    const sub = await subTeamOf(env.demo.repToken);
    await page.goto(`${env.url}/#/targets`);
    await page.locator('form.editor').waitFor();
    await page.locator('form.editor select[name=team]').selectOption(sub.id);
    await page.locator('form.editor select[name=metric]').selectOption('revenue');
    await page.locator('form.editor select[name=kind]').selectOption('month');
    await page.locator('form.editor input[name=value]').fill('500000');
    const rows = page.locator('table.shares tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    const repIds = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-member')));
    // Equal split: sum-preserving, every rep within one unit of the others.
    await see(page.locator('.sum')).hasAttribute('data-unallocated', '0');
    // The time spread puts nothing on weekends.
    expect(await page.locator('.timebars li').count()).toBeGreaterThanOrEqual(28);

    // A 30/50/20 pacing curve: early workdays carry more than late ones, the sum is kept exactly.
    const bars = () =>
      page
        .locator('.timebars li')
        .evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-value'))));
    const even = await bars();
    await page.locator('select[name=pacing]').selectOption('front');
    await expect.poll(bars).not.toEqual(even);
    const paced = (await bars()).filter((v) => v > 0);
    expect(paced[0]).toBeGreaterThan(paced.at(-1) as number);
    expect(paced.reduce((a, b) => a + b, 0)).toBe(500000 * 100);

    // Explicit shares that do not add up are reported and cannot be saved.
    await page.locator('input[name=mode][value=explicit]').check();
    const shareInputs = page.locator('table.shares tbody input');
    const n = await shareInputs.count();
    for (let i = 0; i < n; i++) await shareInputs.nth(i).fill('100000');
    const over = (n * 100000 - 500000) * 100;
    await see(page.locator('.sum')).hasAttribute('data-unallocated', String(-over));
    await see(page.locator('.sum')).containsText('Over-allocated');
    await page.getByRole('button', { name: 'Save target' }).click();
    await see(page.locator('.editor .actions .error')).containsText('add up');

    // Balanced shares: the first rep gets the rest.
    const first = 500000 - (n - 1) * 50000;
    await shareInputs.nth(0).fill(String(first));
    for (let i = 1; i < n; i++) await shareInputs.nth(i).fill('50000');
    await see(page.locator('.sum')).hasAttribute('data-unallocated', '0');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'target-editor', true);
    await page.getByRole('button', { name: 'Save target' }).click();
    await see(page.locator('.editor .actions .ok')).hasText('Target saved.');
    await see(page.locator('[data-current-target]')).containsText('500,000');
    // The spread over time: the month's workdays, none on weekends.
    const workdays = Number(await page.locator('[data-workdays]').getAttribute('data-workdays'));
    expect(workdays).toBeGreaterThanOrEqual(19);
    expect(workdays).toBeLessThanOrEqual(23);

    const stored = await api<{ targets: Array<{ teamId: string | null; curve: unknown }> }>(
      env.url,
      'GET',
      `/targets?team=${sub.id}&metric=revenue`,
      env.demo.managerToken,
    );
    expect(stored.targets.find((x) => x.teamId === sub.id && x.curve !== null)).toBeDefined();

    // The board now shows each rep's share as their month target.
    const board = await api<LeaderboardResponse>(
      env.url,
      'GET',
      `/leaderboard?team=${sub.id}&period=month&by=attainment`,
      env.demo.managerToken,
    );
    const targetOf = new Map(board.entries.map((e) => [e.member.id, e.target]));
    expect(targetOf.get(repIds[0] as string)).toBe(first * 100);
    for (const id of repIds.slice(1)) expect(targetOf.get(id as string)).toBe(50000 * 100);
    await page.goto(`${env.url}/#/overview`);
    await page.locator('select[name=team]').selectOption(sub.id);
    await page.locator('button[data-period=month]').click();
    await see(page.locator(`table.board tr[data-member="${repIds[1]}"] td.target`)).hasText(
      'CN¥50,000',
    );
    await see(page.locator('.summary [data-figure=target]')).hasText('CN¥500K');
  });

  it('previews each rep’s share as the server splits it when someone joined inside the period', async () => {
    const page = managerPage;
    const sub = await subTeamOf(env.demo.repToken);
    // Someone joins the team today: inside this quarter, so they carry only its days from today.
    const invite = await api<{ code: string }>(env.url, 'POST', '/invites', env.demo.managerToken, {
      teamId: sub.id,
    });
    const joined = await api<{ member: { id: string } }>(env.url, 'POST', '/join', undefined, {
      code: invite.code,
      name: 'Newcomer',
      email: 'newcomer@example.com',
      timezone: 'Asia/Shanghai',
    });
    await page.goto(`${env.url}/#/targets`);
    await page.locator('form.editor').waitFor();
    await page.locator('form.editor select[name=team]').selectOption(sub.id);
    await page.locator('form.editor select[name=metric]').selectOption('revenue');
    await page.locator('form.editor select[name=kind]').selectOption('quarter');
    await page.locator('form.editor input[name=value]').fill('900000');
    const newcomer = page.locator(`table.shares tbody tr[data-member="${joined.member.id}"]`);
    await newcomer.waitFor();
    // The history the page split over, as the API gives it.
    const period = await page.locator('[data-period-start]').getAttribute('data-period-start');
    const history = await api<{
      period: { start: string; end: string };
      stretches: { memberId: string; role: string; from: string }[];
    }>(
      env.url,
      'GET',
      `/targets/membership?team=${sub.id}&kind=quarter&start=${period}`,
      env.demo.managerToken,
    );
    const from = history.stretches.find((x) => x.memberId === joined.member.id)?.from ?? '';
    if (from > history.period.start) {
      await see(newcomer.locator('[data-days]')).hasAttribute(
        'data-days',
        `${from}/${history.period.end}`,
      );
    }
    await see(page.locator('.sum')).hasAttribute('data-unallocated', '0');
    const preview = async (): Promise<Record<string, number>> =>
      Object.fromEntries(
        await page
          .locator('table.shares tbody tr')
          .evaluateAll((trs) =>
            trs.map((tr) => [
              tr.getAttribute('data-member'),
              Number(tr.querySelector('td.share')?.getAttribute('data-value')),
            ]),
          ),
      );
    const shown = await preview();
    await page.getByRole('button', { name: 'Save target' }).click();
    await see(page.locator('.editor .actions .ok')).hasText('Target saved.');
    // What the server allocates for the saved target is what the preview showed, rep by rep.
    const stored = await api<{
      targets: {
        teamId: string | null;
        period: { kind: string; start: string };
        allocation?: { shares: { memberId: string; value: number }[] };
      }[];
    }>(env.url, 'GET', `/targets?team=${sub.id}&metric=revenue`, env.demo.managerToken);
    const quarter = stored.targets.find(
      (x) => x.teamId === sub.id && x.period.kind === 'quarter' && x.period.start === period,
    );
    expect(
      Object.fromEntries((quarter?.allocation?.shares ?? []).map((x) => [x.memberId, x.value])),
    ).toEqual(shown);
    expect(Object.values(shown).reduce((a, b) => a + b, 0)).toBe(900000 * 100);
  });
});

describe('as a rep', () => {
  async function repPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInWithToken(page, env.url, env.demo.repToken);
    return { context, page };
  }

  it('sees what the privacy setting allows: open, top, private', async () => {
    const { context, page } = await repPage();
    const me = await api<MeResponse>(env.url, 'GET', '/me', env.demo.repToken);
    // The manager switches the privacy in the settings form.
    await managerPage.goto(`${env.url}/#/team`);
    for (const mode of ['top', 'private', 'open'] as const) {
      await managerPage.locator(`input[name=privacy][value=${mode}]`).check();
      await managerPage.getByRole('button', { name: 'Save settings' }).click();
      await see(managerPage.locator('form.settings .ok')).hasText('Settings saved.');
      await page.reload();
      await page.locator('table.board').waitFor();
      const board = await api<LeaderboardResponse>(
        env.url,
        'GET',
        `/leaderboard?team=${me.team.id}&period=month`,
        env.demo.repToken,
      );
      expect(board.privacy).toBe(mode);
      await expect.poll(() => tableRanking(page)).toEqual(apiRanking(board));
      await see(page.locator('tr.you')).hasCount(1);
      if (mode === 'private') expect(board.entries).toHaveLength(1);
      // Where others are hidden, the gauge is the rep's own attainment.
      const own = board.entries.find((e) => e.member.id === me.member.id);
      const shownTarget = await page.locator('.summary [data-figure=target]').textContent();
      if (mode !== 'open') {
        await see(page.locator('#gauge-title')).containsText('Your attainment');
        expect(shownTarget).toBe(
          new Intl.NumberFormat('en-US', {
            style: 'currency',
            currency: 'CNY',
            notation: 'compact',
            maximumFractionDigits: 1,
          }).format((own?.target ?? 0) / 100),
        );
      }
      if (mode === 'open') await see(page.locator('.privacy-note')).hasCount(0);
      else await see(page.locator('.privacy-note')).isVisible();
    }
    await context.close();
  });

  it('cannot reach manager actions, in the UI or through the API with the session', async () => {
    const { context, page } = await repPage();
    // Reps get the overview, contests and their own review, no manager tab.
    await see(page.locator('nav.tabs a')).hasCount(3);
    expect(await page.locator('nav.tabs a').allTextContents()).toEqual([
      'Overview',
      'Contests',
      'Review',
    ]);
    await see(page.locator('.exports')).hasCount(0);
    await page.goto(`${env.url}/#/targets`);
    await page.locator('table.board').waitFor();
    await see(page.locator('form.editor')).hasCount(0);
    const me = await api<MeResponse>(env.url, 'GET', '/me', env.demo.repToken);
    const statuses = await page.evaluate(async (teamId) => {
      const { csrfToken } = await (await fetch('/api/v1/session')).json();
      const headers = { 'content-type': 'application/json', 'x-csrf-token': csrfToken };
      const calls: Array<[string, RequestInit]> = [
        [
          '/api/v1/targets',
          {
            method: 'PUT',
            headers,
            body: JSON.stringify({
              scope: 'team',
              teamId,
              metric: 'revenue',
              period: { kind: 'month', start: '2026-11-01' },
              value: 1,
            }),
          },
        ],
        ['/api/v1/invites', { method: 'POST', headers, body: JSON.stringify({ teamId }) }],
        ['/api/v1/tv-links', { method: 'POST', headers, body: JSON.stringify({ teamId }) }],
        ['/api/v1/org', { method: 'PATCH', headers, body: JSON.stringify({ privacy: 'open' }) }],
        ['/api/v1/export/leaderboard.csv', {}],
        [`/api/v1/export/events.csv?from=2026-11-01&to=2026-11-02`, {}],
      ];
      const out: number[] = [];
      for (const [path, init] of calls) out.push((await fetch(path, init)).status);
      return out;
    }, me.team.id);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 403]);
    await context.close();
  });
});

describe('TV mode', () => {
  it('shows a team read-only, refreshes cheaply after new events, rotates, and dies when revoked', async () => {
    const sub = await subTeamOf(env.demo.repToken);
    const me = await api<MeResponse>(env.url, 'GET', '/me', env.demo.repToken);
    // The manager creates the link in the admin tab.
    await managerPage.goto(`${env.url}/#/team`);
    await managerPage.locator('select[name=tv-team]').selectOption(sub.id);
    await managerPage.getByRole('button', { name: 'Create TV link' }).click();
    const tvUrl = await managerPage.locator('a[data-tv-url]').getAttribute('href');
    expect(tvUrl).toMatch(/\/tv\/pcr_/);

    const tvContext = await newContext(browser, { width: 1920, height: 1080 });
    const tv = await tvContext.newPage();
    const statuses: number[] = [];
    tv.on('response', (r) => {
      if (r.url().includes('/api/v1/leaderboard')) statuses.push(r.status());
    });
    await tv.goto(`${tvUrl}?refresh=1&rotate=3600`);
    const cell = tv.locator(`table.board tr[data-member="${me.member.id}"] td.points`);
    await cell.waitFor();
    await see(tv.locator('button, select, input, a')).hasCount(0);
    // Polls while nothing changes are answered 304.
    await expect
      .poll(() => statuses.filter((s) => s === 304).length, { timeout: 10_000 })
      .toBeGreaterThan(1);
    await screenshot(tv, 'tv-leaderboard');

    const before = Number((await cell.textContent())?.replace(/\D/g, ''));
    const now = new Date().toISOString();
    await api(env.url, 'POST', '/events', env.demo.repToken, {
      events: [1, 2, 3].map(() => ({
        id: crypto.randomUUID(),
        metric: 'visits',
        quantity: 1,
        occurredAt: now,
        source: { app: 'e2e' },
      })),
    });
    // Three visits are 15 points (visit = 5) at full weight (manual logs count 100 % by default).
    await expect
      .poll(async () => Number((await cell.textContent())?.replace(/\D/g, '')), { timeout: 10_000 })
      .toBe(before + 15);

    // Ranked by calls (`?by=`): the headline and the table are calls, not revenue.
    await tv.goto(`${tvUrl}?by=calls&refresh=1&rotate=3600`);
    await tv.locator('table.board').waitFor();
    const byCalls = await api<LeaderboardResponse>(
      env.url,
      'GET',
      `/leaderboard?team=${sub.id}&period=month&by=calls`,
      env.demo.managerToken,
    );
    const callTotals = teamTotals(byCalls);
    await see(tv.locator('.tv-sub')).containsText(
      `Calls ${count('en', callTotals.achieved)} / ${count('en', callTotals.target)}`,
    );
    await see(tv.locator('.tv-sub strong')).hasText(percentText('en', callTotals.percent));
    await expect
      .poll(() => shownFigures(tv), { timeout: 10_000 })
      .toEqual(countFigures(byCalls, 'en').slice(0, 12));

    // The activity board, as the rotation shows it.
    await tv.goto(`${tvUrl}?refresh=1&rotate=1`);
    await tv.locator('[data-screen=activity]').waitFor({ timeout: 10_000 });
    await see(tv.locator('.tv-totals li[data-metric=visits] strong')).lacksText('0');
    await screenshot(tv, 'tv-activity');

    // Revoked from the admin tab: the TV says so within a refresh.
    await managerPage.reload();
    await managerPage.locator('.tv-links li button').first().click();
    await see(tv.locator('.tv-invalid')).hasText('This TV link is not valid any more.');
    await tvContext.close();
  });

  it('cannot use a TV link for anything but its own board', async () => {
    const sub = await subTeamOf(env.demo.repToken);
    const created = await api<{ token: string }>(
      env.url,
      'POST',
      '/tv-links',
      env.demo.managerToken,
      {
        teamId: sub.id,
      },
    );
    const get = (path: string) =>
      fetch(`${env.url}/api/v1${path}`, { headers: { 'x-pacer-tv': created.token } });
    expect((await get(`/leaderboard?team=${sub.id}`)).status).toBe(200);
    const teams = await api<Teams>(env.url, 'GET', '/teams', env.demo.managerToken);
    const other = teams.teams.find((t) => t.id !== sub.id && t.parentId !== null);
    expect((await get(`/leaderboard?team=${other?.id}`)).status).toBe(403);
    expect((await get('/members')).status).toBe(403);
    expect((await get('/export/leaderboard.csv')).status).toBe(403);
  });
});

describe('CSV export', () => {
  it('exports the leaderboard exactly as ranked and the period’s raw events, formula-safe', async () => {
    const sub = await subTeamOf(env.demo.repToken);
    const note = '=HYPERLINK("http://evil.example","click")';
    const id = crypto.randomUUID();
    await api(env.url, 'POST', '/events', env.demo.repToken, {
      events: [
        {
          id,
          metric: 'calls',
          quantity: 2,
          occurredAt: new Date().toISOString(),
          note,
          contact: { name: 'Ma, "Boss"' },
          source: { app: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/abc' },
        },
      ],
    });
    const board = await api<LeaderboardResponse>(
      env.url,
      'GET',
      `/leaderboard?team=${sub.id}&period=month&by=calls`,
      env.demo.managerToken,
    );
    // Through the page's own session, as the Export buttons download.
    const lbRes = await managerPage.request.get(
      `${env.url}/api/v1/export/leaderboard.csv?team=${sub.id}&period=month&by=calls`,
    );
    expect(lbRes.status()).toBe(200);
    expect(lbRes.headers()['content-disposition']).toMatch(
      /attachment; filename="pacer-leaderboard-/,
    );
    const lb = parseCsv(await lbRes.text());
    expect(lb[0]).toEqual([
      'rank',
      'member',
      'member_id',
      'value_calls',
      'achieved',
      'target',
      'currency',
      'percent',
      'tier',
      'streak',
      'points',
      'pace',
      'tier_name',
      'standing',
    ]);
    expect(lb.slice(1).map((r) => [r[2], Number(r[0]), Number(r[3])])).toEqual(
      board.entries.map((e) => [e.member.id, e.rank, e.value]),
    );
    // Ranked by calls, achieved and target are calls: plain counts, no currency.
    expect(lb.slice(1).map((r) => [r[2], r[4], r[5], r[6]])).toEqual(
      board.entries.map((e) => [e.member.id, String(e.achieved), String(e.target), '']),
    );

    const day = board.period.start;
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const evRes = await managerPage.request.get(
      `${env.url}/api/v1/export/events.csv?team=${sub.id}&from=${day}&to=${today}`,
    );
    expect(evRes.status()).toBe(200);
    const events = parseCsv(await evRes.text());
    const header = events[0] ?? [];
    const row = events.find((r) => r[0] === id);
    expect(row).toBeDefined();
    const cell = (name: string) => row?.[header.indexOf(name)];
    expect(cell('note')).toBe(`'${note}`);
    expect(cell('contact_name')).toBe('Ma, "Boss"');
    expect(cell('member')).toBe(env.demo.repName);
    expect(cell('evidence')).toBe('true');
    expect(cell('quantity')).toBe('2');
    // Every exported event belongs to the team and the range.
    const dates = events.slice(1).map((r) => r[header.indexOf('local_date')] ?? '');
    expect(dates.every((d) => d >= day && d <= today)).toBe(true);
    expect(new Set(events.slice(1).map((r) => r[header.indexOf('team')]))).toEqual(
      new Set([sub.name]),
    );
    // Bad input is a clear 400, never a 5xx.
    const bad = await managerPage.request.get(
      `${env.url}/api/v1/export/events.csv?from=2026-13-01&to=x`,
    );
    expect(bad.status()).toBe(400);

    // The board's Export buttons link to these files for the board as filtered.
    await managerPage.goto(`${env.url}/#/overview`);
    await managerPage.locator('select[name=team]').selectOption(sub.id);
    await managerPage.locator('[data-period=month]').click();
    await managerPage.locator('select[name=by]').selectOption('calls');
    const buttons = managerPage.locator('.exports a');
    const links = () =>
      buttons.evaluateAll((as) =>
        as.map((a) => {
          const url = new URL((a as HTMLAnchorElement).href);
          const { lang: _, ...query } = Object.fromEntries(url.searchParams);
          return { path: url.pathname, query };
        }),
      );
    await expect.poll(links).toEqual([
      {
        path: '/api/v1/export/leaderboard.csv',
        query: { team: sub.id, period: 'month', by: 'calls' },
      },
      {
        path: '/api/v1/export/events.csv',
        query: { team: sub.id, from: board.period.start, to: board.period.end },
      },
    ]);
    const [lbHref, evHref] = await buttons.evaluateAll((as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    const lbFromButton = parseCsv(await (await managerPage.request.get(lbHref ?? '')).text());
    expect(lbFromButton.slice(1).map((r) => r[2])).toEqual(lb.slice(1).map((r) => r[2]));
    const evFromButton = await managerPage.request.get(evHref ?? '');
    expect(evFromButton.status()).toBe(200);
    expect(parseCsv(await evFromButton.text()).some((r) => r[0] === id)).toBe(true);
  });
});

describe('team admin', () => {
  it('creates and revokes invites, moves a member, and saves calendar and custom metrics', async () => {
    const page = managerPage;
    const token = env.demo.managerToken;
    const sub = await subTeamOf(env.demo.repToken);
    type Invites = { invites: Array<{ code: string; revoked: boolean }> };
    const before = await api<Invites>(env.url, 'GET', '/invites', token);
    await page.goto(`${env.url}/#/team`);
    await page.locator('select[name=invite-team]').selectOption(sub.id);
    await page.locator('select[name=invite-role]').selectOption('rep');
    await page.getByRole('button', { name: 'Create invite' }).click();
    const known = new Set(before.invites.map((i) => i.code));
    await expect
      .poll(async () => (await api<Invites>(env.url, 'GET', '/invites', token)).invites.length)
      .toBe(before.invites.length + 1);
    const after = await api<Invites>(env.url, 'GET', '/invites', token);
    const code = after.invites.find((i) => !known.has(i.code))?.code as string;
    const row = page.locator(`tr[data-code="${code}"]`);
    await see(row).hasCount(1);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await see(row).hasCount(0);
    const revoked = await api<Invites>(env.url, 'GET', '/invites', token);
    expect(revoked.invites.find((i) => i.code === code)?.revoked).toBe(true);

    // Move a rep (not the demo rep other tests use) to another team.
    type Members = { members: Array<{ id: string; teamId: string; role: string }> };
    const members = await api<Members>(env.url, 'GET', '/members', token);
    const me = await api<MeResponse>(env.url, 'GET', '/me', env.demo.repToken);
    const mover = members.members.find(
      (x) => x.role === 'rep' && x.teamId === sub.id && x.id !== me.member.id,
    );
    const teams = await api<Teams>(env.url, 'GET', '/teams', token);
    const target = teams.teams.find((x) => x.parentId !== null && x.id !== sub.id);
    await page
      .locator(`tr[data-member="${mover?.id}"] select`)
      .nth(1)
      .selectOption(target?.id as string);
    await expect
      .poll(async () => {
        const now = await api<Members>(env.url, 'GET', '/members', token);
        return now.members.find((x) => x.id === mover?.id)?.teamId;
      })
      .toBe(target?.id);

    // Names are text, never markup.
    const invite = await api<{ code: string }>(env.url, 'POST', '/invites', token, {
      teamId: sub.id,
    });
    const hostile = '<img src=x onerror="window.__pwned=1">Mallory';
    await api(env.url, 'POST', '/join', undefined, {
      code: invite.code,
      name: hostile,
      email: 'mallory@example.com',
      timezone: 'Asia/Shanghai',
    });
    await page.reload();
    await see(page.locator('table.members td', { hasText: 'Mallory' })).containsText(hostile);
    await page.goto(`${env.url}/#/overview`);
    await page.locator('select[name=team]').selectOption(sub.id);
    await see(page.locator('table.board td.member', { hasText: 'Mallory' })).containsText(hostile);
    expect(await page.evaluate(() => 'pwned' in window || '__pwned' in window)).toBe(false);
    await expect(page.locator('table.board img').count()).resolves.toBe(0);
    await page.goto(`${env.url}/#/team`);

    // A custom metric and a six-day week.
    await page.getByRole('button', { name: 'Add metric' }).click();
    await page.locator('input[name=custom-id-0]').fill('demos');
    await page.locator('input[name=custom-en-0]').fill('Demos');
    await page.locator('input[name=custom-zh-0]').fill('演示');
    await page.locator('input[name=workday-6]').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await see(page.locator('form.settings .ok')).hasText('Settings saved.');
    await screenshot(page, 'team-admin', true);
    const org = await api<MeResponse>(env.url, 'GET', '/me', token);
    expect(org.org.settings.customMetrics.map((x) => x.id)).toEqual(['demos']);
    expect(org.org.settings.calendar.workweeks).toEqual([[1, 2, 3, 4, 5, 6]]);
    await page.goto(`${env.url}/#/overview`);
    await see(page.locator('select[name=by] option[value=demos]')).hasCount(1);

    // Back to Monday–Friday for the other tests.
    await page.goto(`${env.url}/#/team`);
    await page.locator('input[name=workday-6]').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await see(page.locator('form.settings .ok')).hasText('Settings saved.');
  });
});

describe('signing out', () => {
  it('ends the session on the server and clears the cookie', async () => {
    const page = managerPage;
    await page.goto(`${env.url}/`);
    await page.locator('table.board').waitFor();
    const cookie = (await manager.cookies(env.url)).find((c) => c.name === '__Host-pacer');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('passkey-signin').waitFor();
    expect((await manager.cookies(env.url)).some((c) => c.name === '__Host-pacer')).toBe(false);
    const replay = await fetch(`${env.url}/api/v1/me`, {
      headers: { cookie: `__Host-pacer=${cookie?.value}` },
    });
    expect(replay.status).toBe(401);
    await expect(api(env.url, 'GET', '/teams', undefined)).rejects.toBeInstanceOf(HttpError);
  });
});
