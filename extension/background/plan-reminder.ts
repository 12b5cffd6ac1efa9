/**
 * The morning plan as a browser notification, at the local time the member picks in the options
 * (off by default), on the team's workdays only (shared/domain/rhythm.ts `nextWorkdayAt`): one
 * `chrome.alarms` alarm for the next such instant, set again after it fires and whenever the
 * published view (its calendar and time zone) or the preferences change. Says nothing on a day
 * the member already dismissed the plan in the sidebar.
 */
import { browser } from 'wxt/browser';
import { nextWorkdayAt, rhythmAt } from '../../shared/domain/rhythm.ts';
import { resolveLanguage, translator } from '../i18n/index.ts';
import { withDefaults } from '../platform/prefs.ts';
import { stored } from '../platform/storage.ts';
import { planLines, planOf } from '../sidebar/plan-text.ts';
import { dueCustomers } from './review.ts';

export const PLAN_ALARM = 'pacer-plan';

/** Sets (or clears) the alarm for the next reminder; leaves one already set for that instant. */
export async function schedulePlanReminder(now = Date.now()): Promise<void> {
  const [view, saved] = await Promise.all([stored.view().getValue(), stored.prefs().getValue()]);
  const time = withDefaults(saved).planReminder;
  const at =
    time && view.signedIn && view.calendar && view.basis
      ? nextWorkdayAt(time, view.basis.timeZone, view.calendar, now)
      : null;
  const existing = await browser.alarms.get(PLAN_ALARM);
  if (at === null) {
    if (existing) await browser.alarms.clear(PLAN_ALARM);
    return;
  }
  if (existing?.scheduledTime === at) return;
  await browser.alarms.create(PLAN_ALARM, { when: at });
}

/** The alarm fired: the plan as a notification (on a workday not dismissed yet), then the next. */
export async function remindOfPlan(now = Date.now()): Promise<void> {
  const [view, saved] = await Promise.all([stored.view().getValue(), stored.prefs().getValue()]);
  const prefs = withDefaults(saved);
  if (prefs.planReminder && view.signedIn && view.calendar && view.basis) {
    const moment = rhythmAt(now, view.basis.timeZone, view.calendar);
    if (moment.workday && prefs.rhythm.planDismissed !== moment.date) {
      const language = resolveLanguage(prefs.language, browser.i18n.getUILanguage());
      const t = translator(language);
      // Who is due, when the server can say (a server without customers, or offline: nobody).
      const due = await dueCustomers().catch(() => []);
      const lines = planLines(planOf(view, due), view, t, language);
      // A notification that cannot be shown (an OS setting) must not stop the next one.
      await browser.notifications
        .create(PLAN_ALARM, {
          type: 'basic',
          iconUrl: browser.runtime.getURL('/icon/128.png'),
          title: t('planTitle'),
          message: lines.map((line) => line.text).join('\n'),
        })
        .catch(() => undefined);
    }
  }
  // Past the instant that fired, so the next is tomorrow's (or the next workday's).
  await schedulePlanReminder(now + 1_000);
}
