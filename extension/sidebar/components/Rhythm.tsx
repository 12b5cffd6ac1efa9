/**
 * The daily rhythm's place in the panel (sidebar/rhythm.ts decides what is due): the morning plan
 * card, the evening or week review card, and, for a card dismissed or not due, an entry that
 * shows it again ("Today's plan", "Review your day").
 */

import { useEffect, useState } from 'preact/hooks';
import { intlLocale } from '../../../shared/domain/language.ts';
import { type DueCustomer, planLines, planOf } from '../plan-text.ts';
import type { SidebarStore } from '../store.ts';
import { trusted } from '../trusted.ts';
import { ReviewCard } from './ReviewCard.tsx';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Wed, Dec 2" / "12月2日周三" for a local date (read in UTC: the date is already local). */
function dayName(date: string, locale: string): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

function PlanCard({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const view = store.shown.value;
  const moment = store.rhythm.moment.value;
  // Who is due today comes from the server when the card shows (none until it answers, or if
  // it cannot).
  const [due, setDue] = useState<DueCustomer[]>([]);
  useEffect(() => {
    let current = true;
    void store.send({ type: 'due-customers' }).then((reply) => {
      if (current && reply.ok && reply.due) setDue(reply.due);
    });
    return () => {
      current = false;
    };
  }, [store]);
  const lines = planLines(planOf(view, due), view, t, store.language.value);
  return (
    <section class="rhythm-card plan" aria-label={t('planTitle')} data-testid="pacer-plan">
      <h3>
        {t('planTitle')}
        {moment ? <small> · {dayName(moment.date, intlLocale(store.language.value))}</small> : null}
      </h3>
      <ul>
        {lines.map((line) => (
          <li
            key={line.key}
            class={line.done ? 'done' : undefined}
            data-testid={`pacer-plan-${line.key}`}
          >
            {line.text}
          </li>
        ))}
      </ul>
      <button
        type="button"
        data-testid="pacer-plan-dismiss"
        onClick={trusted(() => store.rhythm.dismiss('plan'))}
      >
        {t('planDismiss')}
      </button>
    </section>
  );
}

export function Rhythm({ store }: { store: SidebarStore }) {
  const t = store.t.value;
  const rhythm = store.rhythm;
  const moment = rhythm.moment.value;
  if (!moment) return null;
  const plan = rhythm.plan.value;
  const review = rhythm.review.value && moment.reviews.length > 0;
  const offer = moment.reviews[moment.reviews.length - 1];
  return (
    <>
      {plan ? <PlanCard store={store} /> : null}
      {review ? <ReviewCard store={store} offers={moment.reviews} /> : null}
      {plan && (review || !offer) ? null : (
        <nav class="rhythm-entries" aria-label={t('planTitle')}>
          {plan ? null : (
            <button
              type="button"
              class="link"
              data-testid="pacer-plan-open"
              onClick={trusted(() => rhythm.show('plan'))}
            >
              📋 {t('planTitle')}
            </button>
          )}
          {offer && !review ? (
            <button
              type="button"
              class="link"
              data-testid="pacer-review-open"
              onClick={trusted(() => rhythm.show('review'))}
            >
              📝 {t(offer.period === 'week' ? 'reviewWeek' : 'reviewDay')}
            </button>
          ) : null}
        </nav>
      )}
    </>
  );
}
