/** The toolbar popup: sign in, or today's summary, manual log, leaderboard link and sign out. */
import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { intlLocale } from '../../shared/domain/language.ts';
import { metricLabel } from '../../shared/domain/metrics.ts';
import { type Language, type MessageKey, resolveLanguage, translator } from '../i18n/index.ts';
import { withDefaults } from '../platform/prefs.ts';
import { sendToBackground } from '../platform/send.ts';
import { stored } from '../platform/storage.ts';
import type { SidebarView } from '../platform/view.ts';
import { EnableThisSite, ShowOnThisSite } from '../site-access/SiteAccessControls.tsx';
import { formatPercent, formatValue } from '../ui/format.ts';
import { storedSignal } from '../ui/use-stored.ts';
import { humanError } from './errors.ts';
import { introFor } from './intro.ts';
import { ManualLog } from './ManualLog.tsx';
import { SignIn } from './SignIn.tsx';

const lifetime = new AbortController();
const view = storedSignal(stored.view(), lifetime.signal);
const prefs = storedSignal(stored.prefs(), lifetime.signal);
/** Why "Open leaderboard" failed (server unreachable, token refused), shown under the links. */
const openError = signal<string | null>(null);
// Opening the popup is a good moment for fresh numbers (and to retry anything waiting).
void sendToBackground({ type: 'sync-now' });

function Summary({
  v,
  t,
  language,
}: {
  v: SidebarView;
  t: ReturnType<typeof translator>;
  language: Language;
}) {
  const shown = v.counters.filter(
    (c) =>
      c.kind === 'count' && ['calls', 'visits', 'meetings', 'emails', 'deals'].includes(c.metric),
  );
  const locale = intlLocale(language);
  const primaryMetric = v.primary?.metric ?? 'revenue';
  const primaryToday = v.counters.find((c) => c.metric === primaryMetric);
  return (
    <section aria-label={t('summaryToday')}>
      <h2>{t('summaryToday')}</h2>
      <div class="summary">
        {/* Today's own figures; the period's attainment is the line below, named as such. */}
        <div>
          <strong data-testid="popup-today-primary">
            {formatValue(
              primaryToday?.today ?? 0,
              primaryToday?.kind ?? v.primary?.kind ?? 'amount',
              v.currency,
              locale,
            )}
          </strong>
          {metricLabel(primaryMetric, language, primaryToday?.label)}
        </div>
        <div>
          <strong data-testid="popup-points">{v.points.today}</strong>
          {t('points')}
        </div>
        <div>
          <strong>{v.streak?.current ?? 0}</strong>
          {t('streak')}
        </div>
        {shown.map((c) => {
          // With a quota (or a target) for today: done / quota and a bar, as in the sidebar.
          const quota = c.todayTarget ?? 0;
          return (
            <div key={c.metric}>
              <strong>
                <span data-testid={`popup-today-${c.metric}`}>{c.today}</span>
                {quota > 0 ? (
                  <small data-testid={`popup-quota-${c.metric}`}> / {quota}</small>
                ) : null}
              </strong>
              {metricLabel(c.metric, language, c.label)}
              {quota > 0 ? (
                <meter
                  min={0}
                  max={quota}
                  value={Math.min(c.today, quota)}
                  aria-label={t('quotaToday', { done: c.today, quota })}
                />
              ) : null}
            </div>
          );
        })}
      </div>
      {v.primary ? (
        <p class="muted">
          <strong data-testid="popup-percent">{formatPercent(v.primary.percent, locale)}</strong>{' '}
          {t('periodPercent', { period: t(`period_${v.period?.kind ?? 'month'}` as MessageKey) })}
        </p>
      ) : null}
    </section>
  );
}

export function Popup() {
  const p = withDefaults(prefs.value);
  const language = resolveLanguage(p.language, browser.i18n.getUILanguage());
  const t = translator(language);
  const v = view.value;
  // A refused token (revoked, expired) asks for sign-in again; the same member keeps the logs
  // still waiting to be sent.
  if (!v.signedIn || v.sync.status === 'unauthorized') {
    const intro = introFor(language);
    return (
      <main>
        <h1>{t('appName')}</h1>
        {v.signedIn ? null : (
          <section class="intro" data-testid="popup-intro">
            <p>{intro.what}</p>
            <p class="muted">{intro.invite}</p>
            <p class="muted">{intro.manager}</p>
          </section>
        )}
        {v.signedIn ? (
          <p class="error" role="alert">
            {t('unauthorized')}
          </p>
        ) : null}
        <SignIn t={t} defaultServer={p.server || __PACER_DEFAULT_SERVER__} />
      </main>
    );
  }
  return (
    <main>
      <div class="row">
        <h1>{t('signedInAs', { name: v.memberName ?? '' })}</h1>
      </div>
      <p class="muted" data-testid="popup-sync">
        {v.sync.status === 'synced' ? t('syncSynced') : t('syncPending', { count: v.sync.pending })}
      </p>
      <ShowOnThisSite t={t} prefs={prefs.value} />
      <Summary v={v} t={t} language={language} />
      <h2>{t('manualLog')}</h2>
      <ManualLog t={t} language={language} view={v} />
      <h2>{t('options')}</h2>
      <EnableThisSite t={t} />
      <div class="row">
        {v.leaderboardUrl ? (
          <a
            href={v.leaderboardUrl}
            target="_blank"
            rel="noreferrer"
            onClick={(e) => {
              // The background asks the server for a one-time sign-in link and opens it, so the
              // board opens signed in and the token never leaves the background.
              e.preventDefault();
              openError.value = null;
              void sendToBackground({ type: 'open-leaderboard' }).then((reply) => {
                if (!reply.ok) openError.value = humanError(t, reply);
              });
            }}
          >
            {t('openLeaderboard')}
          </a>
        ) : null}
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">
          {t('options')}
        </a>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            // Signing out forgets logs not yet sent: say so first.
            if (v.sync.pending > 0 && !confirm(t('signOutPending', { count: v.sync.pending }))) {
              return;
            }
            void sendToBackground({ type: 'sign-out' });
          }}
        >
          {t('signOut')}
        </button>
      </div>
      {openError.value ? (
        <p class="error" role="alert">
          {openError.value}
        </p>
      ) : null}
    </main>
  );
}
