/**
 * The clock the daily rhythm's cards are decided by (sync/local-view.ts `viewRhythm`, published
 * with the view, so a content script does no time-zone work at page load). The build as shipped
 * reads Date.now. Browser tests put a page at "Monday 09:00" through its address (`pacer-now`);
 * in a test build (PACER_TEST_CLOCK=1) that page asks the background to run the rhythm's clock
 * from that instant on (platform/clock.ts), kept in storage so a restarted service worker keeps
 * it; until a page pins it, nothing is decided, so tests that never pin it see the same sidebar
 * on any day and at any hour.
 */
import { stored } from '../platform/storage.ts';

/** The rhythm's "now"; null: decide nothing (a test build with no pinned clock). */
export async function rhythmNow(now = Date.now()): Promise<number | null> {
  if (!__PACER_TEST_CLOCK__) return now;
  const pin = await stored.testClock().getValue();
  return pin ? now + pin.offset : null;
}

/** Test builds: runs the rhythm's clock from `at` on (null: unpinned). */
export async function pinRhythmClock(at: number | null, now = Date.now()): Promise<void> {
  await stored.testClock().setValue(at === null ? null : { offset: at - now });
}
