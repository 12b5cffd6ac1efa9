/**
 * The evening review (复盘) in the sidebar: the day's, or on the week's last workday the week's
 * too (sidebar/rhythm.ts says when). Figures and the one-sentence bottleneck come from the server
 * (GET /reviews through the background, rule in shared/domain/review.ts); the rep adds a short
 * reflection (what worked, what to change, the next focus), which their manager sees.
 */
import { useEffect, useState } from 'preact/hooks';
import type { MemberReview } from '../../../shared/api/reviews.ts';
import { intlLocale } from '../../../shared/domain/language.ts';
import { metricLabel } from '../../../shared/domain/metrics.ts';
import type { ReviewOffer } from '../../../shared/domain/rhythm.ts';
import type { MetricKindName } from '../../platform/view.ts';
import { formatPercent, formatValue } from '../../ui/format.ts';
import type { SidebarStore } from '../store.ts';
import { trusted } from '../trusted.ts';

type Loaded =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; review: MemberReview };

type Field = 'worked' | 'change' | 'focus';
const FIELDS: { field: Field; key: 'reviewWorked' | 'reviewChange' | 'reviewFocus' }[] = [
  { field: 'worked', key: 'reviewWorked' },
  { field: 'change', key: 'reviewChange' },
  { field: 'focus', key: 'reviewFocus' },
];
/** The contract's limit on each reflection field (shared/api/reviews.ts `ReflectionText`). */
const REFLECTION_MAX = 500;

function Figures({ store, review }: { store: SidebarStore; review: MemberReview }) {
  const t = store.t.value;
  const language = store.language.value;
  const locale = intlLocale(language);
  const counters = store.shown.value.counters;
  const kindOf = (metric: string): MetricKindName =>
    counters.find((c) => c.metric === metric)?.kind ?? (metric === 'revenue' ? 'amount' : 'count');
  const fmt = (metric: string, value: number) =>
    formatValue(value, kindOf(metric), review.currency, locale);
  const a = review.attainment;
  const label = (metric: string) =>
    metricLabel(metric, language, counters.find((c) => c.metric === metric)?.label ?? null);
  const activities = review.activities.filter((x) => x.quota > 0);
  return (
    <>
      <p data-testid="pacer-review-sentence">
        <strong>{language === 'zh_CN' ? review.sentence.zh : review.sentence.en}</strong>
      </p>
      <p data-testid="pacer-review-attainment">
        {label(a.metric)}:{' '}
        {a.plan > 0
          ? t('reviewAttainment', {
              achieved: fmt(a.metric, a.achieved),
              plan: fmt(a.metric, a.plan),
              percent: formatPercent(a.percent, locale),
            })
          : t('reviewNoPlan', { achieved: fmt(a.metric, a.achieved) })}
      </p>
      {activities.length > 0 ? (
        <ul aria-label={t('reviewActivities')}>
          {activities.map((x) => (
            <li
              key={x.metric}
              class={x.achieved >= x.quota ? 'done' : undefined}
              data-testid={`pacer-review-activity-${x.metric}`}
            >
              {t('reviewActivity', { metric: label(x.metric), done: x.achieved, quota: x.quota })}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function Reflection({
  store,
  review,
  offer,
}: {
  store: SidebarStore;
  review: MemberReview;
  offer: ReviewOffer;
}) {
  const t = store.t.value;
  const [text, setText] = useState<Record<Field, string>>({
    worked: review.reflection?.worked ?? '',
    change: review.reflection?.change ?? '',
    focus: review.reflection?.focus ?? '',
  });
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const save = async () => {
    setStatus('saving');
    const reply = await store.send({
      type: 'reflect',
      reflection: { period: { kind: offer.period, start: offer.start }, ...text },
    });
    if (reply.ok) {
      setStatus('saved');
      store.notify(t('reviewSaved'));
    } else {
      setStatus('idle');
      store.notify(t('error', { message: reply.error }));
    }
  };
  return (
    // No <form>: a page's script can submit one with a trusted-looking event; a click cannot be faked.
    <div class="reflection">
      {FIELDS.map(({ field, key }) => (
        <label key={field}>
          <span>{t(key)}</span>
          <textarea
            name={field}
            rows={2}
            maxLength={REFLECTION_MAX}
            value={text[field]}
            data-testid={`pacer-review-${field}`}
            onInput={(e) => {
              setText({ ...text, [field]: (e.currentTarget as HTMLTextAreaElement).value });
              setStatus('idle');
            }}
          />
        </label>
      ))}
      <button
        type="button"
        disabled={status === 'saving'}
        data-testid="pacer-review-save"
        onClick={trusted(() => void save())}
      >
        {status === 'saved' ? t('reviewSaved') : t('reviewSave')}
      </button>
    </div>
  );
}

export function ReviewCard({
  store,
  offers,
}: {
  store: SidebarStore;
  /** The reviews offered now: the day's, and on the week's last workday the week's. */
  offers: readonly ReviewOffer[];
}) {
  const t = store.t.value;
  const [period, setPeriod] = useState<ReviewOffer['period']>('day');
  const offer = offers.find((o) => o.period === period) ?? offers[0];
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const key = offer ? `${offer.period}:${offer.start}` : '';
  useEffect(() => {
    if (!offer) return;
    let current = true;
    setLoaded({ state: 'loading' });
    void store.send({ type: 'review', period: offer.period, date: offer.start }).then((reply) => {
      if (!current) return;
      setLoaded(
        reply.ok && reply.review
          ? { state: 'ready', review: reply.review }
          : { state: 'error', message: reply.ok ? 'no review' : reply.error },
      );
    });
    return () => {
      current = false;
    };
    // `key` names the offer: a new object for the same offer must not load it again.
  }, [key, store]);
  if (!offer) return null;
  const title = t(offer.period === 'week' ? 'reviewWeek' : 'reviewDay');
  return (
    <section class="rhythm-card review" aria-label={title} data-testid="pacer-review">
      <h3>{title}</h3>
      {offers.length > 1 ? (
        <div class="review-tabs">
          {offers.map((o) => (
            <button
              key={o.period}
              type="button"
              class="link"
              aria-pressed={o.period === offer.period}
              data-testid={`pacer-review-tab-${o.period}`}
              onClick={trusted(() => setPeriod(o.period))}
            >
              {t(o.period === 'week' ? 'reviewTabWeek' : 'reviewTabDay')}
            </button>
          ))}
        </div>
      ) : null}
      {loaded.state === 'loading' ? <p class="muted">{t('reviewLoading')}</p> : null}
      {loaded.state === 'error' ? (
        <p class="muted">{t('reviewUnavailable', { message: loaded.message })}</p>
      ) : null}
      {loaded.state === 'ready' ? (
        <>
          <Figures store={store} review={loaded.review} />
          <Reflection key={key} store={store} review={loaded.review} offer={offer} />
        </>
      ) : null}
      <button
        type="button"
        class="link"
        data-testid="pacer-review-dismiss"
        onClick={trusted(() => store.rhythm.dismiss('review'))}
      >
        {t('reviewDismiss')}
      </button>
    </section>
  );
}
