/**
 * Test builds only: the instant a page's address pins the daily rhythm's clock at. Browser tests
 * need to put a page at "Monday 09:00" or "Friday 17:30", and Playwright's `page.clock` reaches
 * neither a content script (its own isolated world) nor the background, which decides the rhythm
 * (background/rhythm-clock.ts). So a test build (PACER_TEST_CLOCK=1, wxt.config.ts) reads the
 * `pacer-now` parameter of the page's address and has the background run the rhythm's clock from
 * that instant (content/test-clock.ts); without one the clock is unpinned and nothing is due.
 * The build as shipped never calls this.
 */
export function pinnedInstant(href: string): number | null {
  const pinned = Date.parse(new URL(href).searchParams.get('pacer-now') ?? '');
  return Number.isNaN(pinned) ? null : pinned;
}
