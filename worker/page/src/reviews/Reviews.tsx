/**
 * The review tab (复盘): a rep's own day, week or month — against plan, last period and last
 * year, each activity against its quota, the funnel's rates against their usual ones and the
 * team median, the bottleneck in one sentence — with their reflection form; a manager's team
 * review (each rep's bottleneck and reflection, a rep's full review on a click) with its CSV.
 * The figures and the sentence come from the server (shared/domain/review.ts); nothing here is
 * typed by hand but the reflection.
 */
import { useState } from 'preact/hooks';
import type { MemberReview, ReflectionView } from '../../../../shared/api/index.ts';
import { localDateOf } from '../../../../shared/domain/dates.ts';
import { inLanguage } from '../../../../shared/domain/language.ts';
import { reviewStageName } from '../../../../shared/domain/review.ts';
import { formatAmount, formatMetricValue, formatPercent } from '../app/format.ts';
import { metricKind, metricLabel } from '../app/metrics.ts';
import { isManager, me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { locale, t } from '../i18n/index.ts';
import {
  loadReview,
  loadTeamReview,
  type ReviewKind,
  saveReflection,
  teamReviewCsvPath,
} from './api.ts';

const rate = (r: number | null) => formatPercent(r === null ? null : r * 100, locale.value);

export function Reviews() {
  const profile = me.value;
  const m = t.value.review;
  const [kind, setKind] = useState<ReviewKind>('week');
  const [date, setDate] = useState(() =>
    profile ? localDateOf(Date.now(), profile.member.timezone) : '',
  );
  if (!profile) return null;
  return (
    <main class="review">
      <section class="card review-controls" aria-labelledby="review-title">
        <h2 id="review-title">{isManager.value ? m.teamTitle : m.title}</h2>
        <p class="muted">{m.lead}</p>
        <div class="row">
          <label>
            {m.period}
            <select
              name="review-period"
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value as ReviewKind)}
            >
              <option value="day">{m.kinds.day}</option>
              <option value="week">{m.kinds.week}</option>
              <option value="month">{m.kinds.month}</option>
            </select>
          </label>
          <label>
            {m.date}
            <input
              type="date"
              name="review-date"
              value={date}
              onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
            />
          </label>
        </div>
      </section>
      {isManager.value ? (
        <TeamReview kind={kind} date={date} defaultTeam={profile.team.id} />
      ) : (
        <OwnReview kind={kind} date={date} />
      )}
    </main>
  );
}

function OwnReview({ kind, date }: { kind: ReviewKind; date: string }) {
  const [generation, setGeneration] = useState(0);
  const review = useAsync(() => loadReview(kind, date), `${kind}|${date}|${generation}`);
  if (review.error) return <p class="error">{review.error.message}</p>;
  if (!review.data) return <p class="muted">{t.value.loading}</p>;
  const r = review.data.review;
  return (
    <>
      <ReviewCard review={r} />
      <ReflectionForm
        key={`${r.period.kind}|${r.period.start}`}
        review={r}
        onSaved={() => setGeneration((g) => g + 1)}
      />
    </>
  );
}

function ReviewCard({ review: r }: { review: MemberReview }) {
  const m = t.value.review;
  const settings = me.value?.org.settings;
  if (!settings) return null;
  const lang = locale.value;
  const show = (metric: string, v: number) =>
    formatMetricValue(v, metricKind(settings, metric), r.currency, lang);
  const change = (c: number | null) =>
    c === null ? t.value.none : `${c > 0 ? '+' : ''}${formatPercent(c, lang)}`;
  const a = r.attainment;
  return (
    <section class="card review" aria-label={m.title} data-testid="review">
      <h3>
        {r.member.name} · {r.period.start} – {r.period.end}
        {r.running ? ` · ${m.running}` : ''}
      </h3>
      <p class="sentence" data-testid="review-sentence">
        {inLanguage(r.sentence, lang)}
      </p>
      <div class="scroll">
        <table class="review-figures">
          <tbody>
            <tr>
              <th scope="row">{metricLabel(a.metric, settings)}</th>
              <td>
                {show(a.metric, a.achieved)} / {show(a.metric, a.plan)} {m.plan} (
                {formatPercent(a.percent, lang)})
              </td>
            </tr>
            <tr>
              <th scope="row">{m.previous}</th>
              <td>
                {show(a.metric, a.previous.achieved)} · {change(a.previous.change)}
              </td>
            </tr>
            <tr>
              <th scope="row">{m.lastYear}</th>
              <td>
                {show(a.metric, a.lastYear.achieved)} · {change(a.lastYear.change)}
              </td>
            </tr>
            <tr>
              <th scope="row">{m.bestDay}</th>
              <td>
                {r.bestDay
                  ? `${r.bestDay.date} · ${show(a.metric, r.bestDay.value)}`
                  : t.value.none}
              </td>
            </tr>
            <tr>
              <th scope="row">{m.streak}</th>
              <td>{m.streakDays(r.streak.current, r.streak.longest)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {r.activities.length > 0 && (
        <div class="scroll">
          <table class="review-activities">
            <caption>{m.activities}</caption>
            <thead>
              <tr>
                <th scope="col">{m.metric}</th>
                <th scope="col">{m.done}</th>
                <th scope="col">{m.quota}</th>
                <th scope="col">%</th>
              </tr>
            </thead>
            <tbody>
              {r.activities.map((x) => (
                <tr key={x.metric}>
                  <th scope="row">{metricLabel(x.metric, settings)}</th>
                  <td>{show(x.metric, x.achieved)}</td>
                  <td>{show(x.metric, Math.round(x.quota))}</td>
                  <td>{formatPercent(x.percent, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="scroll">
        <table class="review-funnel">
          <caption>{m.funnel}</caption>
          <thead>
            <tr>
              <th scope="col">{m.stage}</th>
              <th scope="col">{m.rate}</th>
              <th scope="col">{m.usual}</th>
              <th scope="col">{m.teamMedian}</th>
            </tr>
          </thead>
          <tbody>
            {r.funnel.stages.map((s) => (
              <tr
                key={s.stage}
                class={r.bottleneck?.stage === s.stage ? 'bottleneck' : undefined}
                data-stage={s.stage}
              >
                <th scope="row">{inLanguage(reviewStageName(s.stage), lang)}</th>
                <td>{rate(s.rate)}</td>
                <td>
                  {rate(s.usual)}
                  {s.usualLearned ? '' : ` (${m.teamDefault})`}
                </td>
                <td>{rate(s.teamMedian)}</td>
              </tr>
            ))}
            <tr class={r.bottleneck?.stage === 'dealSize' ? 'bottleneck' : undefined}>
              <th scope="row">{inLanguage(reviewStageName('dealSize'), lang)}</th>
              <td>
                {r.funnel.avgDealSize.value === null
                  ? t.value.none
                  : formatAmount(r.funnel.avgDealSize.value, r.currency, lang)}
              </td>
              <td>
                {formatAmount(r.funnel.avgDealSize.usual, r.currency, lang)}
                {r.funnel.avgDealSize.usualLearned ? '' : ` (${m.teamDefault})`}
              </td>
              <td>
                {r.funnel.avgDealSize.teamMedian === null
                  ? t.value.none
                  : formatAmount(r.funnel.avgDealSize.teamMedian, r.currency, lang)}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      {r.contests.length > 0 && (
        <ul class="review-contests" aria-label={m.contests}>
          {r.contests.map((c) => (
            <li key={`${c.contestId}|${c.roundEnd}`}>
              {c.won ? '🏆 ' : ''}
              {c.name} · {c.roundEnd} · {c.rank === null ? t.value.none : `#${c.rank}`} / {c.of}
            </li>
          ))}
        </ul>
      )}
      {isManager.value && <ReflectionText reflection={r.reflection} />}
    </section>
  );
}

function ReflectionText({ reflection }: { reflection: ReflectionView | null }) {
  const m = t.value.review;
  if (!reflection) return <p class="muted">{m.noReflection}</p>;
  return (
    <dl class="reflection" data-testid="reflection">
      <dt>{m.worked}</dt>
      <dd>{reflection.worked || t.value.none}</dd>
      <dt>{m.change}</dt>
      <dd>{reflection.change || t.value.none}</dd>
      <dt>{m.focus}</dt>
      <dd>{reflection.focus || t.value.none}</dd>
    </dl>
  );
}

const MAX_REFLECTION = 500;

function ReflectionForm({ review, onSaved }: { review: MemberReview; onSaved: () => void }) {
  const m = t.value.review;
  const stored = review.reflection;
  const [text, setText] = useState({
    worked: stored?.worked ?? '',
    change: stored?.change ?? '',
    focus: stored?.focus ?? '',
  });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const field = (name: keyof typeof text, label: string) => (
    <label class="block">
      {label}
      <textarea
        name={`reflection-${name}`}
        maxLength={MAX_REFLECTION}
        rows={3}
        value={text[name]}
        onInput={(e) => setText({ ...text, [name]: e.currentTarget.value })}
      />
    </label>
  );
  return (
    <section class="card reflection-form" aria-labelledby="reflection-title">
      <h3 id="reflection-title">{m.reflectionTitle}</h3>
      <p class="muted">{m.reflectionLead}</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            await saveReflection({
              period: { kind: review.period.kind as ReviewKind, start: review.period.start },
              ...text,
            });
            setStatus({ ok: true, text: m.saved });
            onSaved();
          } catch (error) {
            setStatus({ ok: false, text: error instanceof Error ? error.message : String(error) });
          }
        }}
      >
        {field('worked', m.worked)}
        {field('change', m.change)}
        {field('focus', m.focus)}
        <div class="row">
          <button type="submit" class="primary">
            {m.save}
          </button>
          {status && (
            <span class={status.ok ? 'ok' : 'error'} role="status">
              {status.text}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

function TeamReview({
  kind,
  date,
  defaultTeam,
}: {
  kind: ReviewKind;
  date: string;
  defaultTeam: string;
}) {
  const m = t.value.review;
  const settings = me.value?.org.settings;
  const [team, setTeam] = useState(defaultTeam);
  const [open, setOpen] = useState<string | null>(null);
  const review = useAsync(() => loadTeamReview(team, kind, date), `${team}|${kind}|${date}`);
  const detail = useAsync(
    () => (open ? loadReview(kind, date, open) : Promise.resolve(null)),
    `${open}|${kind}|${date}`,
  );
  if (!settings) return null;
  const lang = locale.value;
  const data = review.data;
  return (
    <>
      <section class="card team-review" aria-labelledby="team-review-title">
        <div class="row">
          <h3 id="team-review-title">{m.teamReview}</h3>
          <label>
            {m.team}
            <TeamSelect name="review-team" value={team} onChange={setTeam} />
          </label>
          {data && (
            <a class="button" download href={teamReviewCsvPath(team, kind, date)}>
              ⬇ {m.export}
            </a>
          )}
        </div>
        {review.error && <p class="error">{review.error.message}</p>}
        {data && (
          <>
            <p class="muted">
              {data.period.start} – {data.period.end} · {m.teamMedian}:{' '}
              {inLanguage(reviewStageName('leadToVisit'), lang)} {rate(data.medians.leadToVisit)} ·{' '}
              {inLanguage(reviewStageName('visitToMeeting'), lang)}{' '}
              {rate(data.medians.visitToMeeting)} ·{' '}
              {inLanguage(reviewStageName('meetingToDeal'), lang)}{' '}
              {rate(data.medians.meetingToDeal)}
            </p>
            {data.rows.length === 0 ? (
              <p class="muted">{m.noReps}</p>
            ) : (
              <div class="scroll">
                <table class="team-review-table" data-testid="team-review">
                  <thead>
                    <tr>
                      <th scope="col">{m.rep}</th>
                      <th scope="col">{metricLabel(data.primaryMetric, settings)}</th>
                      <th scope="col">%</th>
                      <th scope="col">{m.bottleneck}</th>
                      <th scope="col">{m.reflection}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row) => (
                      <tr key={row.member.id} data-member={row.member.id}>
                        <th scope="row">
                          <button
                            type="button"
                            class="link"
                            aria-expanded={open === row.member.id}
                            onClick={() => setOpen(open === row.member.id ? null : row.member.id)}
                          >
                            {row.member.name}
                          </button>
                        </th>
                        <td>
                          {formatMetricValue(
                            row.achieved,
                            metricKind(settings, row.metric),
                            data.currency,
                            lang,
                          )}{' '}
                          /{' '}
                          {formatMetricValue(
                            row.plan,
                            metricKind(settings, row.metric),
                            data.currency,
                            lang,
                          )}
                        </td>
                        <td>{formatPercent(row.percent, lang)}</td>
                        <td class="sentence">{inLanguage(row.sentence, lang)}</td>
                        <td>
                          <ReflectionText reflection={row.reflection} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>
      {open && detail.data && <ReviewCard review={detail.data.review} />}
    </>
  );
}
