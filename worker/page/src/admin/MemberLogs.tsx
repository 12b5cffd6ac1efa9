/**
 * A member's recent logs with their evidence (docs/architecture.md, "Points and fair play"): the link of the
 * email thread or CRM record a log was made from, or "manual". Links are only ever http(s) (the
 * contract refuses others) and open in a new tab without a referrer; all text is rendered as text.
 */
import { formatMetricValue } from '../app/format.ts';
import { metricKind, metricLabel } from '../app/metrics.ts';
import { me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { DealCategorySelect } from '../deals/DealCategorySelect.tsx';
import { locale, t } from '../i18n/index.ts';
import { loadMemberLogs } from './api.ts';

const LOGS_SHOWN = 20;

export function MemberLogs({ memberId }: { memberId: string }) {
  const m = t.value.evidence;
  const settings = me.value?.org.settings;
  const logs = useAsync(() => loadMemberLogs(memberId, LOGS_SHOWN), `logs:${memberId}`);
  if (!settings) return null;
  const list = logs.data?.events ?? [];
  return (
    <div class="member-logs" data-logs-of={memberId}>
      {list.length === 0 && !logs.loading && <p class="muted">{m.none}</p>}
      <ul class="log-lines">
        {list.map((e) => (
          <li key={e.id} data-event={e.id} data-evidence={e.evidence ? 'link' : 'manual'}>
            <time dateTime={e.occurredAt}>
              {new Date(e.occurredAt).toLocaleString(locale.value, {
                dateStyle: 'short',
                timeStyle: 'short',
              })}
            </time>
            <span class="what">
              {metricLabel(e.metric, settings)}{' '}
              {formatMetricValue(
                e.quantity,
                metricKind(settings, e.metric),
                settings.currency,
                locale.value,
              )}
              {e.voided ? ` · ${m.undone}` : ''}
            </span>
            <span class="contact" data-contact>
              {e.contact?.name ?? e.contact?.email ?? m.noContact}
              {e.contact?.name && e.contact.email ? (
                <span class="muted small"> {e.contact.email}</span>
              ) : null}
            </span>
            {e.source?.url ? (
              <a href={e.source.url} target="_blank" rel="noreferrer noopener">
                {m.link}: {e.source.title ?? e.source.app}
              </a>
            ) : (
              <span class="muted">{m.manual}</span>
            )}
            {/* A won deal's category: its manager may put it right (the rep too, on their board);
                on a line of its own under the log (styles.css). */}
            {e.metric === 'deals' && !e.voided && (settings.productCategories ?? []).length > 0 && (
              <DealCategorySelect deal={e} settings={settings} />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
