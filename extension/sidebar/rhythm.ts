/**
 * The daily rhythm in the sidebar: which card is due now (the morning plan, the evening review;
 * shared/domain/rhythm.ts on the team's calendar, in the time zone the member's day is counted in),
 * opening the sidebar by itself once a day for each, and remembering per day what the member
 * dismissed (in the preferences, which every page reads at load anyway). Runs in the content
 * script, so the plan can open the panel on the first page of the workday; the cards themselves
 * are in the lazily loaded panel (components/Rhythm.tsx).
 */
import { computed, effect, type ReadonlySignal, signal, untracked } from '@preact/signals-core';
import { type RhythmMoment, rhythmAt } from '../../shared/domain/rhythm.ts';
import type { Prefs, RhythmSeen } from '../platform/prefs.ts';
import type { SidebarView } from '../platform/view.ts';

export type RhythmCard = 'plan' | 'review';

export interface RhythmDeps {
  view: ReadonlySignal<SidebarView>;
  prefs: ReadonlySignal<Prefs>;
  setPrefs(change: Partial<Prefs>): void;
  /** The wall clock (epoch ms); null keeps the rhythm idle (test builds without a pinned clock). */
  clock: (() => number) | null;
}

/** How often an open page looks at the clock again (the review is due at a time of day). */
const TICK_MS = 60_000;

export function createRhythm({ view, prefs, setPrefs, clock }: RhythmDeps) {
  const now = signal(clock?.() ?? 0);
  const moment = computed<RhythmMoment | null>(() => {
    const v = view.value;
    if (!clock || !v.signedIn || !v.calendar || !v.basis) return null;
    return rhythmAt(now.value, v.basis.timeZone, v.calendar);
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
    if (!m) return;
    const card: RhythmCard | null = m.plan ? 'plan' : m.reviews.length > 0 ? 'review' : null;
    if (!card) return;
    const s = prefs.peek().rhythm ?? {};
    const opened = card === 'plan' ? s.planOpened : s.reviewOpened;
    const dismissed = card === 'plan' ? s.planDismissed : s.reviewDismissed;
    if (opened === m.date || dismissed === m.date) return;
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
     * Watches the clock while the page is open and opens the sidebar when a card falls due;
     * returns the stop function.
     */
    start(): () => void {
      const stopEffect = effect(() => {
        const m = moment.value;
        untracked(() => openIfDue(m));
      });
      const timer = clock
        ? setInterval(() => {
            now.value = clock();
          }, TICK_MS)
        : undefined;
      return () => {
        clearInterval(timer);
        stopEffect();
      };
    },
  };
}

export type Rhythm = ReturnType<typeof createRhythm>;
