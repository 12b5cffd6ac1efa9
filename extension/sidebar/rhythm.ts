/**
 * The daily rhythm in the sidebar: opening the sidebar by itself once a day for the card that is
 * due (the morning plan, the evening review), and remembering per day what the member dismissed
 * (in the preferences, which every page reads at load anyway). Which card is due is the
 * background's answer in the published view (`rhythm`: shared/domain/rhythm.ts on the team's
 * calendar, in the time zone the member's day is counted in), so a page does no time-zone work
 * of its own. Runs in the sidebar's code, which the content script loads at once when a card
 * will open (rhythm-due.ts), so the plan can open the panel on the first page of the workday; the
 * cards themselves are in the lazily loaded panel (components/Rhythm.tsx).
 */
import { computed, effect, type ReadonlySignal, signal, untracked } from '@preact/signals-core';
import type { RhythmMoment } from '../../shared/domain/rhythm.ts';
import type { Prefs, RhythmSeen } from '../platform/prefs.ts';
import type { SidebarView } from '../platform/view.ts';
import { cardToOpen, type RhythmCard } from './rhythm-due.ts';

export interface RhythmDeps {
  view: ReadonlySignal<SidebarView>;
  prefs: ReadonlySignal<Prefs>;
  setPrefs(change: Partial<Prefs>): void;
}

export function createRhythm({ view, prefs, setPrefs }: RhythmDeps) {
  const moment = computed<RhythmMoment | null>(() => {
    const v = view.value;
    return v.signedIn ? (v.rhythm ?? null) : null;
  });
  /** A card the member asked for on this page (the "Today's plan" and "Review" entries). */
  const asked = signal<RhythmCard | null>(null);
  // The panel was opened by the rhythm on this page: dismissing the card closes it again.
  let openedByRhythm = false;

  const seen = (): RhythmSeen => prefs.value.rhythm ?? {};
  /** The plan: due and not dismissed today, or asked for. */
  const plan = computed(() => {
    const m = moment.value;
    return asked.value === 'plan' || (m?.plan === true && seen().planDismissed !== m.date);
  });
  /** The review: offered and not dismissed today, or asked for while offered. */
  const review = computed(() => {
    const m = moment.value;
    if (!m || m.reviews.length === 0) return false;
    return asked.value === 'review' || seen().reviewDismissed !== m.date;
  });

  /** Opens the sidebar by itself, once per card and day (the first page it is due on). */
  function openIfDue(m: RhythmMoment | null): void {
    const s = prefs.peek().rhythm ?? {};
    const card = cardToOpen(m, s);
    if (!m || !card) return;
    const collapsed = prefs.peek().collapsed;
    openedByRhythm = collapsed;
    setPrefs({
      rhythm: { ...s, [card === 'plan' ? 'planOpened' : 'reviewOpened']: m.date },
      ...(collapsed ? { collapsed: false } : {}),
    });
  }

  /** One click: the card goes for the rest of the day (and the sidebar closes if it opened it). */
  function dismiss(card: RhythmCard): void {
    const m = moment.peek();
    asked.value = null;
    if (!m) return;
    const s = prefs.peek().rhythm ?? {};
    const close = openedByRhythm && !prefs.peek().collapsed;
    openedByRhythm = false;
    setPrefs({
      rhythm: { ...s, [card === 'plan' ? 'planDismissed' : 'reviewDismissed']: m.date },
      ...(close ? { collapsed: true } : {}),
    });
  }

  return {
    moment,
    plan,
    review,
    /** Shows a card again (the sidebar's entries). */
    show: (card: RhythmCard) => {
      asked.value = card;
    },
    dismiss,
    /**
     * Follows the published answer while the page is open (the background publishes it again
     * when a card falls due) and opens the sidebar then; returns the stop function.
     */
    start(): () => void {
      return effect(() => {
        const m = moment.value;
        untracked(() => openIfDue(m));
      });
    },
  };
}

export type Rhythm = ReturnType<typeof createRhythm>;
