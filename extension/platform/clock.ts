/**
 * The wall clock the sidebar's daily rhythm reads (sidebar/rhythm.ts). Browser tests need to put
 * a page at "Monday 09:00" or "Friday 17:30", and Playwright's `page.clock` cannot reach a content
 * script (it runs in the page's main world, the content script in its own isolated world). So a
 * test build (PACER_TEST_CLOCK=1, wxt.config.ts) starts the clock at the instant in the page
 * address's `pacer-now` parameter and lets it run on from there; the build as shipped has no such
 * parameter and reads `Date.now`.
 */
export function rhythmClock(): () => number {
  if (!__PACER_TEST_CLOCK__) return Date.now;
  const pinned = Date.parse(new URL(location.href).searchParams.get('pacer-now') ?? '');
  if (Number.isNaN(pinned)) return Date.now;
  const offset = pinned - Date.now();
  return () => Date.now() + offset;
}
