/**
 * Team chat channels for managers: per team, the group robots Pacer posts to (企业微信, 钉钉,
 * 飞书 / Lark, Slack, Microsoft Teams), what each posts and when, a test message, and a paused
 * channel shown as such with its last error. Webhook URLs and secrets are write-only.
 */
import { useState } from 'preact/hooks';
import {
  CHAT_PLATFORMS,
  type ChatChannelOptions,
  type ChatChannelView,
  type ChatPlatform,
  DEFAULT_CHAT_OPTIONS,
} from '../../../../shared/api/index.ts';
import { ApiFailure } from '../app/api.ts';
import { metricLabel, orgMetrics } from '../app/metrics.ts';
import { me } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { locale, t } from '../i18n/index.ts';
import {
  createChannel,
  loadChannels,
  removeChannel,
  sendTestMessage,
  updateChannel,
} from './api.ts';

const SIGNED: ReadonlySet<ChatPlatform> = new Set(['dingtalk', 'feishu']);

const messageOf = (error: unknown) =>
  error instanceof ApiFailure ? error.message : t.value.errors.generic;

function OptionsEditor({
  value,
  onChange,
}: {
  value: ChatChannelOptions;
  onChange: (next: ChatChannelOptions) => void;
}) {
  const m = t.value.chat;
  const settings = me.value?.org.settings;
  const counts = settings ? orgMetrics(settings).filter((x) => x.kind === 'count') : [];
  return (
    <fieldset class="chat-options">
      <label class="inline">
        <input
          type="checkbox"
          name="chat-announcements"
          checked={value.announcements}
          onChange={(e) => onChange({ ...value, announcements: e.currentTarget.checked })}
        />
        {m.announcements}
      </label>
      <div class="row">
        <label class="inline">
          <input
            type="checkbox"
            name="chat-standings"
            checked={value.standings.enabled}
            onChange={(e) =>
              onChange({
                ...value,
                standings: { ...value.standings, enabled: e.currentTarget.checked },
              })
            }
          />
          {m.standings}
        </label>
        <select
          aria-label={m.standingsPeriod}
          value={value.standings.period}
          onChange={(e) =>
            onChange({
              ...value,
              standings: {
                ...value.standings,
                period: e.currentTarget.value as 'day' | 'week' | 'month',
              },
            })
          }
        >
          <option value="day">{t.value.period.day}</option>
          <option value="week">{t.value.period.week}</option>
          <option value="month">{t.value.period.month}</option>
        </select>
        <label>
          {m.at}
          <input
            type="time"
            value={value.standings.time}
            onChange={(e) =>
              onChange({ ...value, standings: { ...value.standings, time: e.currentTarget.value } })
            }
          />
        </label>
      </div>
      <div class="row">
        <label class="inline">
          <input
            type="checkbox"
            name="chat-alerts"
            checked={value.alerts.enabled}
            onChange={(e) =>
              onChange({ ...value, alerts: { ...value.alerts, enabled: e.currentTarget.checked } })
            }
          />
          {m.alerts}
        </label>
        <label>
          {m.fewerThan}
          <input
            type="number"
            min={1}
            class="narrow"
            value={value.alerts.atLeast}
            onChange={(e) =>
              onChange({
                ...value,
                alerts: {
                  ...value.alerts,
                  atLeast: Math.max(1, Number(e.currentTarget.value) || 1),
                },
              })
            }
          />
        </label>
        <select
          aria-label={m.metric}
          value={value.alerts.metric}
          onChange={(e) =>
            onChange({ ...value, alerts: { ...value.alerts, metric: e.currentTarget.value } })
          }
        >
          {counts.map((x) => (
            <option key={x.id} value={x.id}>
              {settings ? metricLabel(x.id, settings) : x.id}
            </option>
          ))}
        </select>
        <label>
          {m.by}
          <input
            type="time"
            value={value.alerts.time}
            onChange={(e) =>
              onChange({ ...value, alerts: { ...value.alerts, time: e.currentTarget.value } })
            }
          />
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={value.alerts.streakAtRisk}
            onChange={(e) =>
              onChange({
                ...value,
                alerts: { ...value.alerts, streakAtRisk: e.currentTarget.checked },
              })
            }
          />
          {m.streakAtRisk}
        </label>
      </div>
      <div class="row">
        <label class="inline">
          <input
            type="checkbox"
            name="chat-review"
            checked={value.review.enabled}
            onChange={(e) =>
              onChange({ ...value, review: { ...value.review, enabled: e.currentTarget.checked } })
            }
          />
          {m.reviewDigest}
        </label>
        <label>
          {m.at}
          <input
            type="time"
            value={value.review.time}
            onChange={(e) =>
              onChange({ ...value, review: { ...value.review, time: e.currentTarget.value } })
            }
          />
        </label>
      </div>
    </fieldset>
  );
}

function ChannelItem({ channel, onChanged }: { channel: ChatChannelView; onChanged: () => void }) {
  const m = t.value.chat;
  const [options, setOptions] = useState(channel.options);
  const [note, setNote] = useState<string | null>(null);
  const act = (work: () => Promise<unknown>, done: string) => async () => {
    try {
      await work();
      setNote(done);
      onChanged();
    } catch (error) {
      setNote(messageOf(error));
    }
  };
  return (
    <li class="chat-channel" data-channel={channel.id} data-platform={channel.platform}>
      <div class="row">
        <strong>{channel.name}</strong>
        <span class="muted">
          {m.platforms[channel.platform]} · {channel.webhookHint}
          {channel.signed ? ` · ${m.signed}` : ''} ·{' '}
          {channel.language === 'zh' ? '中文' : 'English'} · {channel.timezone}
        </span>
        {channel.pausedAt && (
          <span class="badge paused" data-paused>
            {m.paused}
          </span>
        )}
      </div>
      {channel.pausedAt && (
        <p class="error" role="status">
          {m.pausedLead(channel.failures)} {channel.lastError ?? ''}
        </p>
      )}
      <p class="muted">
        {channel.lastSentAt
          ? m.lastSent(new Date(channel.lastSentAt).toLocaleString(locale.value))
          : m.neverSent}
      </p>
      <OptionsEditor value={options} onChange={setOptions} />
      <div class="row">
        <button
          type="button"
          class="primary"
          onClick={act(() => updateChannel(channel.id, { options }), m.saved)}
        >
          {m.save}
        </button>
        <button
          type="button"
          data-test-message
          onClick={act(() => sendTestMessage(channel.id), m.testQueued)}
        >
          {m.sendTest}
        </button>
        {channel.pausedAt ? (
          <button
            type="button"
            onClick={act(() => updateChannel(channel.id, { paused: false }), m.resumed)}
          >
            {m.resume}
          </button>
        ) : (
          <button
            type="button"
            onClick={act(() => updateChannel(channel.id, { paused: true }), m.pausedNow)}
          >
            {m.pause}
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            if (confirm(m.removeConfirm)) void act(() => removeChannel(channel.id), m.removed)();
          }}
        >
          {t.value.admin.remove}
        </button>
      </div>
      {note && (
        <p class="notice" role="status">
          {note}
        </p>
      )}
    </li>
  );
}

function AddChannel({ teamId, onAdded }: { teamId: string; onAdded: () => void }) {
  const m = t.value.chat;
  const [platform, setPlatform] = useState<ChatPlatform>('wecom');
  const [name, setName] = useState('');
  const [language, setLanguage] = useState<'en' | 'zh'>(locale.value === 'zh-CN' ? 'zh' : 'en');
  const [webhookUrl, setWebhookUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await createChannel({
        teamId,
        platform,
        name,
        language,
        webhookUrl,
        ...(SIGNED.has(platform) && secret ? { signingSecret: secret } : {}),
        options: DEFAULT_CHAT_OPTIONS,
      });
      setName('');
      setWebhookUrl('');
      setSecret('');
      setError(null);
      onAdded();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <form class="chat-add" onSubmit={submit}>
      <div class="row">
        <label>
          {m.platform}
          <select
            name="chat-platform"
            value={platform}
            onChange={(e) => setPlatform(e.currentTarget.value as ChatPlatform)}
          >
            {CHAT_PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {m.platforms[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {m.name}
          <input
            name="chat-name"
            required
            maxLength={60}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label>
          {m.language}
          <select
            name="chat-language"
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as 'en' | 'zh')}
          >
            <option value="zh">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      <label>
        {m.webhookUrl}
        <input
          name="chat-url"
          type="url"
          required
          autocomplete="off"
          placeholder={m.urlExample[platform]}
          value={webhookUrl}
          onInput={(e) => setWebhookUrl(e.currentTarget.value)}
        />
      </label>
      {SIGNED.has(platform) && (
        <label>
          {m.secret}
          <input
            name="chat-secret"
            type="password"
            autocomplete="off"
            value={secret}
            onInput={(e) => setSecret(e.currentTarget.value)}
          />
        </label>
      )}
      <p class="muted">{m.writeOnly}</p>
      <button type="submit" class="primary">
        {m.add}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

export function ChatChannels() {
  const m = t.value.chat;
  const [teamId, setTeamId] = useState(me.value?.team.id ?? '');
  const list = useAsync(() => loadChannels(teamId), `chat:${teamId}`);
  return (
    <section class="card chat" aria-labelledby="chat-title">
      <h2 id="chat-title">{m.title}</h2>
      <p class="muted">{m.lead}</p>
      <label>
        {t.value.team}
        <TeamSelect name="chat-team" value={teamId} onChange={setTeamId} />
      </label>
      <ul class="plain-list">
        {(list.data?.channels ?? []).map((c) => (
          <ChannelItem key={c.id} channel={c} onChanged={list.reload} />
        ))}
      </ul>
      {list.data && list.data.channels.length === 0 && <p class="muted">{m.none}</p>}
      <AddChannel teamId={teamId} onAdded={list.reload} />
    </section>
  );
}
