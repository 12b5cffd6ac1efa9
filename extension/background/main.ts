/**
 * The background service worker's wiring: messages in (validated), the sync engine, alarms,
 * connectivity, keyboard commands, the published sidebar view and celebrations.
 * All state lives in storage, so the worker can be stopped and restarted at any moment.
 */

import { browser } from 'wxt/browser';
import { inLanguage } from '../../shared/domain/language.ts';
import { resolveLanguage, translator } from '../i18n/index.ts';
import {
  AccountMessage,
  type MessageReply,
  PageMessage,
  type TabMessage,
} from '../platform/messages.ts';
import { withDefaults } from '../platform/prefs.ts';
import { stored } from '../platform/storage.ts';
import { sendToTab } from '../platform/tab-inbox.ts';
import type { SidebarView } from '../platform/view.ts';
import { forgetRevokedSites } from '../site-access/registration.ts';
import { ApiError, NetworkError } from '../sync/api-client.ts';
import { SyncEngine } from '../sync/engine.ts';
import { buildView, viewRhythm } from '../sync/local-view.ts';
import type { SyncState } from '../sync/state.ts';
import { currentApi, leaderboardSigninUrl, signIn, signOut } from './account.ts';
import { celebrationsFor, ownMoments } from './celebrations.ts';
import { handleCustomerMessage, isCustomerMessage } from './customers.ts';
import { injectPart } from './parts.ts';
import { PLAN_ALARM, remindOfPlan, schedulePlanReminder } from './plan-reminder.ts';
import { answerReview } from './review.ts';
import { pinRhythmClock, rhythmNow } from './rhythm-clock.ts';
import { publishText } from './text.ts';

const TICK_ALARM = 'pacer-tick';
const RETRY_ALARM = 'pacer-retry';

function scheduleRetry(at: number): void {
  // Alarms survive the worker stopping (but fire at most every 30 s); a timer covers short waits
  // while the worker is alive.
  void browser.alarms.create(RETRY_ALARM, { when: Math.max(at, Date.now() + 30_000) });
  const wait = at - Date.now();
  if (wait < 30_000) setTimeout(() => void engine.flush(), Math.max(0, wait));
}

async function publish(state: SyncState): Promise<void> {
  const account = await stored.account().getValue();
  const view = buildView(state, {
    signedIn: account !== null,
    serverUrl: account?.server ?? null,
    now: Date.now(),
    fallbackTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    rhythmNow: await rhythmNow(),
  });
  await stored.view().setValue(view);
  // The reminder follows the calendar and time zone just published; it must not stop the rest.
  await schedulePlanReminder().catch(() => undefined);
  await celebrate(view, state);
}

async function celebrate(view: SidebarView, state: SyncState): Promise<void> {
  const celebrated = await stored.celebrated().getValue();
  const firedOnServer = (state.snapshot?.period.milestones ?? [])
    .filter((m) => m.reachedAt !== null)
    .map((m) => m.threshold);
  const tiers = celebrationsFor(view, celebrated, firedOnServer);
  const { celebrations } = tiers;
  const { moments, record } = ownMoments(
    view,
    state.board,
    state.me?.member.id ?? null,
    tiers.record,
  );
  if (record) await stored.celebrated().setValue(record);
  if (celebrations.length === 0 && moments.length === 0) return;
  const prefs = withDefaults(await stored.prefs().getValue());
  const language = resolveLanguage(prefs.language, browser.i18n.getUILanguage());
  const t = translator(language);
  for (const m of moments) {
    const text =
      m.kind === 'passed'
        ? t('passedColleague', { name: m.name, rank: m.rank })
        : m.kind === 'record'
          ? t('personalRecord', { days: m.days })
          : t('streakMilestone', { days: m.days });
    await broadcast({ type: 'moment', text });
    if (prefs.notifications) {
      await browser.notifications
        .create({
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: t('appName'),
          message: text,
        })
        .catch(() => undefined);
    }
  }
  for (const c of celebrations) {
    const tierName = c.kind === 'tier' ? inLanguage(c.tierName, language) : null;
    const message: TabMessage = {
      type: 'celebrate',
      kind: c.kind,
      threshold: c.threshold,
      tierName,
    };
    await broadcast(message);
    if (prefs.notifications) {
      // A notification that cannot be shown (OS setting) must not stop the sync that follows.
      await browser.notifications
        .create({
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: t('appName'),
          message: tierName
            ? t('tierUp', { tier: tierName })
            : t('milestone', { threshold: c.threshold }),
        })
        .catch(() => undefined);
    }
  }
}

async function broadcast(message: TabMessage): Promise<void> {
  const tabs = await browser.tabs.query({});
  for (const tab of tabs) {
    // A tab without Pacer's content script (or the access to run one) has none to tell.
    if (tab.id !== undefined) sendToTab(tab.id, message).catch(() => {});
  }
}

/**
 * Publishes the latest state, one publish at a time: run concurrently, an older view could land
 * after a newer one, and two runs could both celebrate the same milestone. Calls made while one
 * is queued share it (it reads the state when it starts, so it is the newest).
 */
let publishing: Promise<void> = Promise.resolve();
let publishQueued: Promise<void> | null = null;
function republish(): Promise<void> {
  if (publishQueued) return publishQueued;
  const next = publishing.then(async () => {
    publishQueued = null;
    await publish(await engine.state());
  });
  publishQueued = next;
  publishing = next.catch(() => undefined);
  return next;
}

/**
 * The daily rhythm's answer moves with the clock alone (the review's hour, a new day): checked on
 * every tick and republished only when it changed, so pages are not sent the same view again.
 */
async function refreshRhythm(): Promise<void> {
  const view = await stored.view().getValue();
  const next = viewRhythm(view, await rhythmNow());
  if (JSON.stringify(next) !== JSON.stringify(view.rhythm ?? null)) await republish();
}

const engine = new SyncEngine({
  document: stored.syncState(),
  api: currentApi,
  wakeAt: scheduleRetry,
  onChange: () => void republish(),
});

function isExtensionPage(sender: { url?: string }): boolean {
  return sender.url?.startsWith(browser.runtime.getURL('/')) ?? false;
}

async function handle(
  raw: unknown,
  sender: { url?: string; tab?: { id?: number }; frameId?: number },
): Promise<MessageReply> {
  const page = PageMessage.safeParse(raw);
  if (page.success) {
    const message = page.data;
    if (message.type === 'load-part') return injectPart(message.part, sender);
    if (message.type === 'text') return { ok: true, data: (await publishText())[message.language] };
    if (message.type === 'pin-clock') {
      if (!__PACER_TEST_CLOCK__) return { ok: false, error: 'not allowed' };
      await pinRhythmClock(message.at);
      // Replied once the view decided at the pinned instant is stored: the page reads it then.
      await republish();
      return { ok: true };
    }
    if (isCustomerMessage(message)) return handleCustomerMessage(message);
    if (message.type === 'review' || message.type === 'reflect' || message.type === 'due-customers')
      return answerReview(message);
    if (message.type === 'open-leaderboard') {
      await browser.tabs.create({ url: await leaderboardSigninUrl() });
      return { ok: true };
    }
    // A log needs an owner: without an account it could never be sent to anyone.
    if (message.type === 'log' && !(await stored.account().getValue())) {
      return { ok: false, error: 'sign in to Pacer first' };
    }
    const committed = message.type === 'log' ? await engine.log(message.event) : null;
    if (message.type === 'undo') await engine.undo(message.id);
    void engine.flush({ force: message.type === 'sync-now' });
    return committed ? { ok: true, revision: committed.revision ?? 0 } : { ok: true };
  }
  const account = AccountMessage.safeParse(raw);
  if (account.success) {
    // Only the popup and options page may change who is signed in.
    if (!isExtensionPage(sender)) return { ok: false, error: 'not allowed from this page' };
    if (account.data.type === 'sign-out') {
      await signOut();
      await engine.reset();
    } else {
      const previous = await stored.account().getValue();
      const next = await signIn(account.data);
      // The same member signing in again (say, after the token was revoked) keeps the logs
      // still waiting to be sent; anyone else starts from a clean slate.
      const same = previous?.memberId === next.memberId && previous.server === next.server;
      await (same ? engine.resume() : engine.reset());
    }
    await republish();
    void engine.flush({ force: true });
    return { ok: true };
  }
  return { ok: false, error: 'invalid message' };
}

export function startBackground(): void {
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    handle(raw, sender).then(sendResponse, (error: unknown) =>
      sendResponse({
        ok: false,
        error: error instanceof Error ? error.message : String(error),
        // The popup words the common failures itself, in the member's language.
        ...(error instanceof ApiError ? { code: error.code } : {}),
        ...(error instanceof NetworkError ? { code: 'network' } : {}),
      }),
    );
    return true; // answer asynchronously
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TICK_ALARM || alarm.name === RETRY_ALARM) void engine.flush();
    if (alarm.name === TICK_ALARM) void refreshRhythm();
    if (alarm.name === PLAN_ALARM) void remindOfPlan();
  });
  // The reminder's time is picked in the options.
  stored.prefs().watch(() => void schedulePlanReminder());
  // Every 30 s (the shortest alarm): teammates' announcements arrive within that (304 when none).
  void browser.alarms.create(TICK_ALARM, { periodInMinutes: 0.5 });

  // Browser start: alarms are not guaranteed to survive a restart, so wake up and send now.
  browser.runtime.onStartup.addListener(() => void engine.flush({ force: true }));

  // Connectivity is back: retry now rather than at the end of the backoff wait.
  self.addEventListener('online', () => void engine.flush({ force: true }));

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-sidebar' && command !== 'log-call') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const message: TabMessage = { type: 'command', command };
    if (tab?.id !== undefined) sendToTab(tab.id, message).catch(() => {});
  });

  // A site's access taken away in the browser's settings: stop running there (site-access/registration.ts).
  forgetRevokedSites();

  // A (re)started worker publishes what it has (the UI text for content scripts too) and resumes
  // sending.
  void publishText();
  void republish();
  void engine.flush();
}
