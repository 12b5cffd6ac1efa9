/**
 * The wall clock the sidebar's daily rhythm reads (sidebar/rhythm.ts); null: the rhythm stays
 * idle. Browser tests need to put a page at "Monday 09:00" or "Friday 17:30", and Playwright's
 * `page.clock` cannot reach a content script (it runs in the page's main world, the content
 * script in its own isolated world). So a test build (PACER_TEST_CLOCK=1, wxt.config.ts) starts
 * the clock at the instant in the page address's `pacer-now` parameter and lets it run on from
 * there; without one the rhythm stays idle, so tests that do not pin the clock see the same
 * sidebar on any day and at any hour. The build as shipped reads `Date.now`.
 */
export function rhythmClock(): (() => number) | null {
  if (!__PACER_TEST_CLOCK__) return Date.now;
  const pinned = Date.parse(new URL(location.href).searchParams.get('pacer-now') ?? '');
  if (Number.isNaN(pinned)) return null;
  const offset = pinned - Date.now();
  return () => Date.now() + offset;
}
