/**
 * Contests and announcements on the leaderboard page, in real Chromium against the real worker
 * with the demo organisation: a manager creates a contest in the contests tab, a rep's logs move
 * the board's standings (checked against the API), and TV mode shows the contest in its rotation
 * and interrupts it with an announcement card when a big deal is logged.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContestStandingsResponse, MeResponse } from '../../../shared/api/index.ts';
import { d1Query } from '../../bench/lib/d1-local.ts';
import {
  api,
  type DemoServer,
  launchBrowser,
  newContext,
  screenshot,
  see,
  signInWithToken,
  startDemoServer,
} from './support.ts';

let env: DemoServer;
let browser: Browser;
let managerPage: Page;

beforeAll(async () => {
  env = await startDemoServer();
  browser = await launchBrowser();
  managerPage = await (await newContext(browser)).newPage();
  await signInWithToken(managerPage, env.url, env.demo.managerToken);
});

afterAll(async () => {
  await browser?.close();
  await env?.server.dispose();
});

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const logNow = (token: string, metric: string, quantity: number) =>
  api(env.url, 'POST', '/events', token, {
    events: [{ id: crypto.randomUUID(), metric, quantity, occurredAt: new Date().toISOString() }],
  });

/** [name, value text] rows of a contest card as the page shows them. */
const cardRows = (page: Page, id: string) =>
  page
    .locator(`[data-contest="${id}"] .contest-standings li`)
    .evaluateAll((rows) => rows.map((r) => r.querySelector('.name')?.textContent ?? ''));

describe('contests on the board and TV', () => {
  it('a manager creates a contest; logs move its standings; TV shows it and announces a big deal', async () => {
    const rep = await api<MeResponse>(env.url, 'GET', '/me', env.demo.repToken);
    await api(env.url, 'PATCH', '/org', env.demo.managerToken, {
      announcements: {
        dealAmountAtLeast: 500_000,
        tierReached: false,
        streakRecord: false,
        milestoneReached: false,
      },
    });

    await managerPage.goto(`${env.url}/#/contests`);
    await managerPage.locator('input[name=contest-name]').fill('Visit sprint');
    await managerPage.locator('select[name=contest-team]').selectOption(rep.team.id);
    await managerPage.locator('select[name=contest-metric]').selectOption('visits');
    await managerPage.locator('input[name=contest-start]').fill(day(-1));
    await managerPage.locator('input[name=contest-end]').fill(day(2));
    await managerPage.locator('input[name=contest-prize]').fill('Team dinner');
    await managerPage.getByRole('button', { name: 'Save contest' }).click();
    await see(managerPage.locator('.contest-form [role=status]')).hasText('Contest saved.');
    const card = managerPage.locator('[data-contest]', { hasText: 'Visit sprint' });
    await card.waitFor();
    const id = (await card.getAttribute('data-contest')) as string;
    await see(card.locator('.prize')).containsText('Team dinner');
    await see(card.locator('.countdown')).matchesText(/ends in \d+d \d+h|ends in \d+h \d+m/);

    const before = await api<ContestStandingsResponse>(
      env.url,
      'GET',
      `/contests/${id}/standings`,
      env.demo.repToken,
    );
    const mineBefore = before.entries.find((e) => e.id === rep.member.id)?.value ?? 0;
    const leader = before.entries[0]?.value ?? 0;
    // Enough visits to lead.
    const needed = leader - mineBefore + 3;
    await logNow(env.demo.repToken, 'visits', needed);
    const after = await api<ContestStandingsResponse>(
      env.url,
      'GET',
      `/contests/${id}/standings`,
      env.demo.repToken,
    );
    expect(after.entries[0]).toMatchObject({
      id: rep.member.id,
      rank: 1,
      value: mineBefore + needed,
    });
    expect(after.you).toEqual({ rank: 1, of: after.entries.length, ahead: null });
    await managerPage.reload();
    await expect
      .poll(() => cardRows(managerPage, id), { timeout: 10_000 })
      .toEqual(after.entries.slice(0, 10).map((e) => e.name));

    const link = await api<{ url: string }>(env.url, 'POST', '/tv-links', env.demo.managerToken, {
      teamId: rep.team.id,
    });
    const tvContext = await newContext(browser, { width: 1920, height: 1080 });
    const tv = await tvContext.newPage();
    await tv.goto(`${link.url}?refresh=1&rotate=2&announce=60`);
    const tvCard = tv.locator(`[data-screen=contests] [data-contest="${id}"]`);
    await tvCard.waitFor({ timeout: 15_000 });
    await see(tvCard.locator('.contest-standings li .name').first()).hasText(rep.member.name);
    await screenshot(tv, 'contest-tv');

    await logNow(env.demo.repToken, 'revenue', 800_000);
    const announcement = tv.locator('.tv-announcement[data-announcement=big_deal]');
    await see(announcement.locator('.tv-announcement-who')).hasText(rep.member.name);
    await see(announcement.locator('.tv-announcement-kind')).containsText('Big deal');
    await tv.locator('[data-screen=contests]').waitFor({ timeout: 15_000 });
    // Let the card's entrance animation finish before the picture.
    await tv.waitForTimeout(600);
    await screenshot(tv, 'contest-tv-announcement');
    await tvContext.close();
  });

  it('a manager edits and cancels a contest; a cancelled one leaves the board', async () => {
    await managerPage.goto(`${env.url}/#/contests`);
    const row = managerPage.locator('[data-contest-row]', { hasText: 'Visit sprint' });
    await row.getByRole('button', { name: 'Edit contest' }).click();
    await managerPage.locator('input[name=contest-prize]').fill('Trophy');
    await managerPage.getByRole('button', { name: 'Save contest' }).click();
    const card = managerPage.locator('[data-contest]', { hasText: 'Visit sprint' });
    await see(card.locator('.prize')).containsText('Trophy');
    await row.getByRole('button', { name: 'Cancel contest' }).click();
    await see(
      managerPage.locator('.contest-grid [data-contest]', { hasText: 'Visit sprint' }),
    ).hasCount(0);
    await see(row).containsText('cancelled');
  });

  it('settings edit the points for logs without evidence and the announcement rules', async () => {
    await managerPage.goto(`${env.url}/#/team`);
    await managerPage.locator('input[name=manualLogPointsPercent]').fill('60');
    await managerPage.locator('input[name=dealAmountAtLeast]').fill('2000');
    await managerPage.locator('input[name=milestoneReached]').check();
    await managerPage.getByRole('button', { name: 'Save settings' }).click();
    await see(managerPage.locator('.settings [role=status]')).hasText('Settings saved.');
    const org = await api<{ org: { settings: Record<string, unknown> } }>(
      env.url,
      'GET',
      '/org',
      env.demo.managerToken,
    );
    expect(org.org.settings.manualLogPointsPercent).toBe(60);
    // The revenue amount is typed in currency units and stored in minor units.
    expect(org.org.settings.announcements).toEqual({
      dealAmountAtLeast: 200_000,
      tierReached: false,
      streakRecord: false,
      milestoneReached: true,
      contestWon: true,
    });
  });

  it('shows each log with its evidence link, or as manual, to the manager', async () => {
    const rep = await api<MeResponse>(env.url, 'GET', '/me', env.demo.repToken);
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzEvidence';
    const linked = crypto.randomUUID();
    const manual = crypto.randomUUID();
    const at = new Date().toISOString();
    await api(env.url, 'POST', '/events', env.demo.repToken, {
      events: [
        { id: manual, metric: 'calls', quantity: 1, occurredAt: at },
        {
          id: linked,
          metric: 'calls',
          quantity: 1,
          occurredAt: at,
          source: { app: 'gmail', url, title: 'Re: quote' },
        },
      ],
    });
    await managerPage.goto(`${env.url}/#/team`);
    const row = managerPage.locator(`table.members tr[data-member="${rep.member.id}"]`);
    await row.getByRole('button', { name: 'Logs' }).click();
    const link = row.locator(`li[data-event="${linked}"] a`);
    await see(link).hasText('Evidence: Re: quote');
    expect(await link.getAttribute('href')).toBe(url);
    expect(await link.getAttribute('rel')).toContain('noreferrer');
    await see(row.locator(`li[data-event="${manual}"]`)).containsText('manual (no evidence)');
    await see(row.locator(`li[data-event="${manual}"] a`)).hasCount(0);
  });

  it("shows a member's contest wins to their manager (Team tab) and to the rep themselves (board)", async () => {
    const rep = await api<MeResponse>(env.url, 'GET', '/me', env.demo.repToken);
    // Two settled rounds: the rep's own win (visits) and their sub-team's (deals, team against
    // team in the top team). Midday in Shanghai, three days ago, is inside both rounds; with no
    // grace they settled at midnight after their last day, two days ago, on any weekday.
    const at = `${day(-3)}T04:00:00.000Z`;
    const past = { start: day(-5), end: day(-2), graceWorkdays: 0 };
    const create = (body: Record<string, unknown>) =>
      api<{ contest: { id: string } }>(env.url, 'POST', '/contests', env.demo.managerToken, {
        ...past,
        ...body,
      }).then((r) => r.contest.id);
    const soloContest = { teamId: rep.team.id, metric: 'visits' };
    // The demo's reps sit in sub-teams of the top team.
    const teamContest = { teamId: rep.team.parentId, metric: 'deals', mode: 'teams' };
    const solo = await create({ name: 'Visit week', ...soloContest });
    const teams = await create({ name: 'Deal derby', ...teamContest });
    const standings = (id: string) =>
      api<ContestStandingsResponse>(
        env.url,
        'GET',
        `/contests/${id}/standings?date=${day(-3)}`,
        env.demo.managerToken,
      );
    // A settled round counts the logs recorded before its settlement moment only, so the setup's
    // winning logs are built as recorded when they happened (their stored recording time set to
    // their own time, straight in the local D1): then the settled rounds count them whatever the
    // date. Enough to win each round: more than anyone has over a longer range that contains it,
    // read from a running twin (cancelled at once).
    const lead = async (body: Record<string, unknown>) => {
      const twin = await create({ ...body, name: 'Probe', end: day(0) });
      const top = (await standings(twin)).entries[0]?.value ?? 0;
      await api(env.url, 'DELETE', `/contests/${twin}`, env.demo.managerToken);
      const id = crypto.randomUUID();
      await api(env.url, 'POST', '/events', env.demo.repToken, {
        events: [{ id, metric: body.metric, quantity: top + 5, occurredAt: at }],
      });
      await d1Query(
        { persistTo: env.server.persistTo },
        `UPDATE events SET created_at = '${at}' WHERE id = '${id}'`,
      );
    };
    await lead(soloContest);
    await lead(teamContest);
    // The first standings read after a round settled stores its result and records its honours.
    const soloRound = await standings(solo);
    const teamRound = await standings(teams);
    expect(soloRound.round?.provisional).toBe(false);
    expect(soloRound.winners.map((w) => w.id)).toEqual([rep.member.id]);
    expect(teamRound.winners.map((w) => w.id)).toEqual([rep.team.id]);
    const soloValue = soloRound.winners[0]?.value ?? 0;
    const teamValue = teamRound.winners[0]?.value ?? 0;

    const expectHonours = async (list: ReturnType<Page['locator']>) => {
      const soloItem = list.locator(`li[data-honour="${solo}"]`);
      await see(soloItem.locator('.honour-contest')).hasText('Visit week');
      await see(soloItem.locator('.honour-round')).hasText(`${past.start} – ${past.end}`);
      await see(soloItem.locator('.honour-value')).hasText(
        `${soloValue.toLocaleString('en-US')} Visits`,
      );
      await see(soloItem.locator('.honour-team')).hasCount(0);
      const teamItem = list.locator(`li[data-honour="${teams}"]`);
      await see(teamItem.locator('.honour-contest')).hasText('Deal derby');
      await see(teamItem.locator('.honour-team')).hasText(`Team: ${rep.team.name}`);
      await see(teamItem.locator('.honour-value')).hasText(
        `${teamValue.toLocaleString('en-US')} Deals`,
      );
    };

    // The manager, on the member's row in the Team tab (with their logs and evidence). Reloaded:
    // the test before left this row open.
    await managerPage.goto(`${env.url}/#/team`);
    await managerPage.reload();
    const row = managerPage.locator(`table.members tr[data-member="${rep.member.id}"]`);
    await row.getByRole('button', { name: 'Logs' }).click();
    const ofMember = row.locator(`[data-honours-of="${rep.member.id}"]`);
    await see(ofMember.locator('h3')).hasText('Contest wins');
    await expectHonours(ofMember);

    // The rep, on their own board, in English and in Chinese.
    const repPage = await (await newContext(browser)).newPage();
    await signInWithToken(repPage, env.url, env.demo.repToken);
    const own = repPage.locator(`.honours [data-honours-of="${rep.member.id}"]`);
    await see(own.locator('h3')).hasText('Your contest wins');
    await expectHonours(own);
    await screenshot(repPage, 'honours-rep');
    await repPage.goto(`${env.url}/?lang=zh-CN`);
    await see(own.locator('h3')).hasText('我的竞赛荣誉');
    await see(own.locator(`li[data-honour="${teams}"] .honour-team`)).hasText(
      `团队：${rep.team.name}`,
    );
    await repPage.context().close();
  });

  it('shows a round just over as provisional, with the moment it settles, on the board and TV (en, 简体中文)', async () => {
    const rep = await api<MeResponse>(env.url, 'GET', '/me', env.demo.repToken);
    // Ended yesterday with a grace of ten workdays: still provisional on any date.
    const { contest } = await api<{ contest: { id: string } }>(
      env.url,
      'POST',
      '/contests',
      env.demo.managerToken,
      {
        name: 'Late logs welcome',
        teamId: rep.team.id,
        metric: 'calls',
        start: day(-3),
        end: day(-1),
        graceWorkdays: 10,
      },
    );
    const board = await api<{
      contests: {
        contest: { id: string };
        round: { provisional: boolean; decided: boolean; settlesAt: string };
      }[];
    }>(env.url, 'GET', `/contests/board?team=${rep.team.id}`, env.demo.managerToken);
    const round = board.contests.find((c) => c.contest.id === contest.id)?.round;
    expect(round).toMatchObject({ decided: true, provisional: true });
    const settles = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Asia/Shanghai',
    }).format(new Date(round?.settlesAt ?? ''));

    await managerPage.goto(`${env.url}/#/contests`);
    await managerPage.reload();
    const card = managerPage.locator(`[data-contest="${contest.id}"]`);
    await see(card).hasAttribute('data-provisional', 'true');
    await see(card.locator('.contest-provisional-badge')).hasText('Provisional');
    await see(card.locator('.contest-provisional')).containsText(
      `Provisional standings: late logs still count until ${settles}`,
    );
    await see(card.locator('.countdown')).hasCount(0);

    const link = await api<{ url: string }>(env.url, 'POST', '/tv-links', env.demo.managerToken, {
      teamId: rep.team.id,
    });
    const tvContext = await newContext(browser, { width: 1920, height: 1080 });
    const tv = await tvContext.newPage();
    await tv.goto(`${link.url}?refresh=1&rotate=2&lang=zh-CN`);
    const tvCard = tv.locator(`[data-screen=contests] [data-contest="${contest.id}"]`);
    await tvCard.waitFor({ timeout: 20_000 });
    await see(tvCard.locator('.contest-provisional-badge')).hasText('暂定');
    await see(tvCard.locator('.contest-provisional')).containsText('本轮已结束。排名为暂定');
    await tvContext.close();
    await api(env.url, 'DELETE', `/contests/${contest.id}`, env.demo.managerToken);
  });

  it('shows a rep only their own place in a contest when the team is private', async () => {
    const rep = await api<MeResponse>(env.url, 'GET', '/me', env.demo.repToken);
    const { contest } = await api<{ contest: { id: string } }>(
      env.url,
      'POST',
      '/contests',
      env.demo.managerToken,
      { name: 'Quiet calls', teamId: rep.team.id, metric: 'calls', start: day(-1), end: day(1) },
    );
    await api(env.url, 'PATCH', '/org', env.demo.managerToken, { privacy: 'private' });
    try {
      const repPage = await (await newContext(browser)).newPage();
      await signInWithToken(repPage, env.url, env.demo.repToken);
      await repPage.goto(`${env.url}/#/contests`);
      const card = repPage.locator(`[data-contest="${contest.id}"]`);
      await see(card.locator('.contest-privacy')).hasText(
        'Team privacy: you see only your own place.',
      );
      expect(await cardRows(repPage, contest.id)).toEqual([rep.member.name]);
      // The manager still sees the whole team.
      // Reloaded: the same tab may already be open with the board read before this contest.
      await managerPage.goto(`${env.url}/#/contests`);
      await managerPage.reload();
      const all = await api<ContestStandingsResponse>(
        env.url,
        'GET',
        `/contests/${contest.id}/standings`,
        env.demo.managerToken,
      );
      expect(all.entries.length).toBeGreaterThan(1);
      await expect
        .poll(() => cardRows(managerPage, contest.id), { timeout: 10_000 })
        .toEqual(all.entries.slice(0, 10).map((e) => e.name));
      await repPage.context().close();
    } finally {
      await api(env.url, 'PATCH', '/org', env.demo.managerToken, { privacy: 'open' });
    }
  });
});
