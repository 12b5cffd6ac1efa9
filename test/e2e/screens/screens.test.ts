/**
 * Every screen at a phone, a laptop and a TV-sized viewport, in English and 简体中文: the board's
 * overview (and below it each rep's progress by customer segment and the managers' customer view),
 * targets, team, contests and review tabs, TV mode, the sidebar on a Gmail thread (open, and
 * collapsed to its pill) and the popup, for a team of 23 built through the API (team.ts). Each
 * screen is checked for horizontal page scroll, text drawn over text and text cut off
 * (support/layout.ts), and photographed: into test-results/screens/, or into
 * docs/screenshots/screens/ with `npm run screenshots` (the set the README shows). TV mode is also
 * checked to show every member within one rotation, on a 1080p and a 4K screen.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildPage } from '../../../scripts/build-page.ts';
import { repoRoot, startWorkerServer, type WorkerServer } from '../../support/worker-server.ts';
import { api, launchBrowser, signInWithToken } from '../page/support.ts';
import { memberTarget } from '../support/api.ts';
import { type ExtensionBrowser, launchWithExtension, serveGmail } from '../support/browser.ts';
import { readTokenFromVault, signInWithInvite } from '../support/extension.ts';
import { layoutReport } from '../support/layout.ts';
import { type BuiltTeam, buildTeam } from './team.ts';

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const LANGUAGES = ['en', 'zh-CN'] as const;
type Size = (typeof SIZES)[number];
type Lang = (typeof LANGUAGES)[number];

const OUT =
  process.env.PACER_SCREENSHOTS === 'docs'
    ? join(repoRoot, 'docs', 'screenshots', 'screens')
    : join(repoRoot, 'test-results', 'screens');

let server: WorkerServer;
let team: BuiltTeam;
let browser: Browser;

beforeAll(async () => {
  buildPage();
  server = await startWorkerServer({ port: inject('apiPort') });
  team = await buildTeam(server.url, 23);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** Photographs the screen, then fails on any layout problem (the photo shows what went wrong). */
async function check(page: Page, view: string, lang: Lang, size: Size, host?: string) {
  // Fonts and images settled, so the checked layout is the photographed one.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const dir = join(OUT, lang);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${view}-${size.width}x${size.height}.png`) });
  expect(await layoutReport(page, host), `${view}, ${lang}, ${size.width}×${size.height}`).toEqual({
    horizontalScroll: 0,
    overlaps: [],
    clipped: [],
  });
}

// The extension first: its member joins with an invite (a public call, rate-limited per IP)
// before the TV's reads add to the same budget.
describe('the sidebar and the popup on every screen', () => {
  let ext: ExtensionBrowser;
  const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWvqAAA';

  beforeAll(async () => {
    ext = await launchWithExtension(inject('extensionDir'));
    const popup = await signInWithInvite(ext, server.url, team.org.inviteCode, 'Li Lei');
    await popup.close();
    const token = (await readTokenFromVault(await ext.serviceWorker())) ?? '';
    const rep = await api<{ member: { id: string } }>(server.url, 'GET', '/me', token);
    await memberTarget(server.url, team.managerToken, rep.member.id, 'revenue', 50_000_000);
    const now = new Date().toISOString();
    await api(server.url, 'POST', '/events', token, {
      events: [
        { id: crypto.randomUUID(), metric: 'revenue', quantity: 18_000_000, occurredAt: now },
        { id: crypto.randomUUID(), metric: 'calls', quantity: 1, occurredAt: now },
      ],
    });
    await serveGmail(ext.context, 'one-message.html');
  }, 300_000);

  afterAll(async () => {
    await ext?.close();
  });

  const setLanguage = async (lang: Lang) => {
    const worker = await ext.serviceWorker();
    await worker.evaluate(
      async (language) => {
        const c = (
          globalThis as unknown as {
            chrome: {
              storage: {
                local: {
                  get(key: string): Promise<Record<string, unknown>>;
                  set(items: Record<string, unknown>): Promise<void>;
                };
              };
            };
          }
        ).chrome;
        const key = 'pacer:prefs';
        const prefs = ((await c.storage.local.get(key))[key] ?? {}) as Record<string, unknown>;
        await c.storage.local.set({ [key]: { ...prefs, language, collapsed: false } });
      },
      lang === 'en' ? 'en' : 'zh_CN',
    );
  };

  for (const lang of LANGUAGES) {
    for (const size of SIZES) {
      it(`${lang} at ${size.width}×${size.height}`, async () => {
        await setLanguage(lang);
        const popup = await ext.context.newPage();
        await popup.setViewportSize(size);
        await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
        await popup.getByTestId('popup-today-primary').waitFor();
        // Today's figures, not the month's percentage, under "Today's summary".
        await expect
          .poll(() => popup.getByTestId('popup-today-calls').textContent(), { timeout: 30_000 })
          .toBe('1');
        await check(popup, 'popup', lang, size);
        await popup.close();

        const gmail = await ext.context.newPage();
        await gmail.setViewportSize(size);
        await gmail.goto(THREAD);
        await gmail.getByTestId('pacer-panel').waitFor();
        await expect
          .poll(() => gmail.getByTestId('pacer-percent').textContent(), { timeout: 30_000 })
          .toBe('36%');
        await check(gmail, 'sidebar', lang, size, 'pacer-sidebar');
        // Collapsed, as most pages show it: the pill, its ring 36 % of a turn.
        await gmail.getByTestId('pacer-collapse').click();
        await gmail.getByTestId('pacer-pill').waitFor();
        await expect.poll(() => gmail.locator('pacer-sidebar .ring').textContent()).toBe('36');
        await check(gmail, 'sidebar-collapsed', lang, size, 'pacer-sidebar');
        // The log buttons beside the subject: each label on one line and every button on screen,
        // where the subject's column is narrow too (they wrap to further rows there).
        const buttons = await gmail.evaluate(() =>
          [
            ...(document
              .querySelector('[data-pacer-log-buttons]')
              ?.shadowRoot?.querySelectorAll('button') ?? []),
          ].map((button) => {
            const range = document.createRange();
            range.selectNodeContents(button);
            const r = button.getBoundingClientRect();
            return {
              label: button.textContent,
              lines: range.getClientRects().length,
              onScreen: r.left >= 0 && r.right <= window.innerWidth,
            };
          }),
        );
        expect(buttons).toHaveLength(4);
        expect(buttons).toEqual(buttons.map((b) => ({ label: b.label, lines: 1, onScreen: true })));
        await gmail.close();
      });
    }
  }
});

describe('the board and TV on every screen', () => {
  for (const lang of LANGUAGES) {
    for (const size of SIZES) {
      it(`${lang} at ${size.width}×${size.height}`, async () => {
        // The language comes from `?lang=` (the sign-in form is filled in English).
        const context = await browser.newContext({
          viewport: size,
          locale: 'en-US',
          timezoneId: 'Asia/Shanghai',
        });
        const page = await context.newPage();
        await signInWithToken(page, server.url, team.managerToken);
        const tab = async (name: string, main = name) => {
          await page.goto(`${server.url}/?lang=${lang}#/${name}`);
          await page.locator(`main.${main}`).waitFor();
        };

        await tab('overview');
        await page.locator('table.board tbody tr').first().waitFor();
        await page.locator('svg.sparkline').first().waitFor();
        await check(page, 'board-overview', lang, size);
        if (size.width < 900) {
          // The tabs live in a menu on a phone.
          const tabs = page.locator('nav.tabs');
          expect(await tabs.isVisible()).toBe(false);
          await page.locator('button.menu-toggle').click();
          expect(await tabs.isVisible()).toBe(true);
          await check(page, 'board-menu', lang, size);
          await page.locator('button.menu-toggle').click();
        }
        // Each rep's progress by customer segment (the team's target is 40 % new customers).
        const segments = page.locator('[data-rep-segments]');
        await segments.locator('li').first().waitFor();
        await segments.scrollIntoViewIfNeeded();
        await check(page, 'board-segments', lang, size);
        // The managers' customer view under the board: every rep with their customers by class
        // (and the manager, and the sidebar's member when that test ran first).
        const customers = page.getByTestId('customer-report');
        await expect
          .poll(() => customers.getByTestId('customer-report-row').count(), { timeout: 30_000 })
          .toBeGreaterThan(team.reps.length);
        await customers.scrollIntoViewIfNeeded();
        await check(page, 'board-customers', lang, size);

        await tab('targets');
        await page.locator('form.editor select[name=team]').selectOption(team.teamId);
        const value = page.locator('form.editor input[name=value]');
        await value.fill('27600000');
        await value.blur();
        // Grouped as it is read, and read back by the shared money rules.
        expect(await value.inputValue()).toBe('27,600,000');
        // The split over the team's reps, once who was on the team each day has loaded.
        await page.locator('table.shares tbody tr').first().waitFor();
        await expect.poll(() => page.locator('[data-current-target]').textContent()).toContain('¥');
        // And its progress by customer segment, which loads after it.
        await page.locator('[data-segment-progress] tr').first().waitFor();
        await check(page, 'board-targets', lang, size);

        await tab('team', 'admin');
        const row = page.locator(`table.members tr[data-member="${team.reps[0]?.id}"]`);
        await row.locator('td.actions button').first().click();
        const panel = page.locator(`[data-logs-panel="${team.reps[0]?.id}"]`);
        await panel.locator('li[data-event]').first().waitFor();
        await panel.scrollIntoViewIfNeeded();
        expect(await panel.locator('[data-contact]').first().textContent()).toContain('Client 0');
        await check(page, 'board-team', lang, size);

        await tab('contests');
        await page.locator('.contest').first().waitFor();
        await check(page, 'board-contests', lang, size);

        // The manager's team review of the month: each rep's bottleneck, a rep's full review.
        await tab('review');
        await page.locator('select[name=review-period]').selectOption('month');
        const first = page.locator('table.team-review-table tbody tr').first();
        await first.waitFor();
        await first.locator('button.link').click();
        await page.getByTestId('review-sentence').waitFor();
        await check(page, 'board-review', lang, size);

        await page.goto(`${team.tvUrl}?lang=${lang}&rotate=3600`);
        await page.locator('table.board tbody tr').first().waitFor();
        await check(page, 'tv', lang, size);
        await context.close();
      });
    }
  }
});

describe('TV mode shows the whole team', () => {
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
  ]) {
    it(`every member appears within one rotation at ${size.width}×${size.height}`, async () => {
      const context = await browser.newContext({ viewport: size, locale: 'en' });
      const page = await context.newPage();
      await page.goto(`${team.tvUrl}?rotate=2&refresh=3600`);
      await page.locator('[data-screen] [data-member]').first().waitFor();
      const seen: Record<string, Set<string>> = { leaderboard: new Set(), activity: new Set() };
      const states: string[] = [];
      const deadline = Date.now() + 60_000;
      // Until the rotation is back at its first page after showing something else.
      while (Date.now() < deadline) {
        const state = await page.evaluate(() => {
          const screen = document.querySelector('[data-screen]');
          return {
            screen: screen?.getAttribute('data-screen') ?? '',
            page: document.querySelector('.tv-page')?.getAttribute('data-page') ?? '1',
            members: [...(screen?.querySelectorAll('[data-member]') ?? [])].map(
              (el) => el.getAttribute('data-member') ?? '',
            ),
          };
        });
        const key = `${state.screen}:${state.page}`;
        if (states.at(-1) !== key) {
          if (states.length > 1 && key === states[0]) break;
          states.push(key);
          // Each page fits the screen: nothing cut off, nothing drawn over.
          expect(await layoutReport(page), key).toEqual({
            horizontalScroll: 0,
            overlaps: [],
            clipped: [],
          });
        }
        for (const id of state.members) seen[state.screen]?.add(id);
        await page.waitForTimeout(200);
      }
      const everyone = team.reps.map((r) => r.id).sort();
      expect(states.filter((s) => s.startsWith('leaderboard:')).length).toBeGreaterThan(1);
      expect([...(seen.leaderboard ?? [])].sort()).toEqual(everyone);
      expect([...(seen.activity ?? [])].sort()).toEqual(everyone);
      await context.close();
    });
  }
});
