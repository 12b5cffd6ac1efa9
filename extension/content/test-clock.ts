/**
 * Test builds only (PACER_TEST_CLOCK=1): the page pins the daily rhythm's clock at its address's
 * `pacer-now` (or unpins it) before the rhythm may act, then reads the view the background
 * published for that instant (platform/clock.ts says why). The build as shipped leaves this out
 * (the call in run-site.ts is behind the same flag) and reads the rhythm from the view at once.
 */
import { pinnedInstant } from '../platform/clock.ts';
import type { MessageReply, PageMessage } from '../platform/messages.ts';
import { readView } from '../platform/page-storage.ts';
import type { SidebarView } from '../platform/view.ts';

export async function pinTestClock(
  send: (message: PageMessage) => Promise<MessageReply>,
): Promise<SidebarView> {
  await send({ type: 'pin-clock', at: pinnedInstant(location.href) });
  return readView();
}
