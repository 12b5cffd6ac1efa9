/**
 * Which daily-rhythm card opens the sidebar by itself (rhythm.ts), as a plain function: the
 * content script asks it at load and on each new view (content/run-site.ts), and loads the
 * sidebar's code only when a card will open.
 */
import type { RhythmMoment } from '../../shared/domain/rhythm.ts';
import type { RhythmSeen } from '../platform/prefs.ts';

export type RhythmCard = 'plan' | 'review';

/** The card that opens the sidebar now, if any: the one due, unless it opened it or was dismissed today. */
export function cardToOpen(
  m: RhythmMoment | null | undefined,
  seen: RhythmSeen,
): RhythmCard | null {
  if (!m) return null;
  const card: RhythmCard | null = m.plan ? 'plan' : m.reviews.length > 0 ? 'review' : null;
  if (!card) return null;
  const opened = card === 'plan' ? seen.planOpened : seen.reviewOpened;
  const dismissed = card === 'plan' ? seen.planDismissed : seen.reviewDismissed;
  return opened === m.date || dismissed === m.date ? null : card;
}
