/** Team admin for managers: invites, members, org settings and TV links. */
import { useState } from 'preact/hooks';
import type {
  AnnouncementSettings,
  CalendarSettings,
  CustomMetric,
  OrgSettings,
  PrivacyMode,
  Role,
  Tier,
} from '../../../../shared/api/index.ts';
import { DEFAULT_ANNOUNCEMENT_RULES } from '../../../../shared/domain/index.ts';
import { metricKind, metricLabel, orgMetrics } from '../app/metrics.ts';
import { me, teams } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { t } from '../i18n/index.ts';
import { MemberHonours } from '../overview/MemberHonours.tsx';
import {
  createInvite,
  loadInvites,
  loadMembers,
  removeMember,
  revokeInvite,
  saveOrgSettings,
  updateMember,
} from './api.ts';
import { MemberLogs } from './MemberLogs.tsx';
import { CalendarFields, CustomMetricsFields } from './SettingsParts.tsx';
import { TvLinks } from './TvLinks.tsx';

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() =>
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? t.value.admin.copied : t.value.admin.copy}
    </button>
  );
}

function teamName(id: string): string {
  return teams.value.find((x) => x.id === id)?.name ?? id;
}

function Invites() {
  const m = t.value.admin;
  const [teamId, setTeamId] = useState(me.value?.team.id ?? '');
  const [role, setRole] = useState<Role>('rep');
  const list = useAsync(loadInvites, 'invites');
  const create = async (event: Event) => {
    event.preventDefault();
    await createInvite(teamId, role);
    list.reload();
  };
  const revoke = async (code: string) => {
    await revokeInvite(code);
    list.reload();
  };
  const live = (list.data?.invites ?? []).filter(
    (i) => !i.revoked && i.expiresAt > new Date().toISOString(),
  );
  return (
    <section class="card" aria-labelledby="invites-title">
      <h2 id="invites-title">{m.invites}</h2>
      <form class="row" onSubmit={create}>
        <label>
          {t.value.team}
          <TeamSelect name="invite-team" value={teamId} onChange={setTeamId} />
        </label>
        <label>
          {m.role}
          <select
            name="invite-role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
          >
            <option value="rep">{m.rep}</option>
            <option value="manager">{m.manager}</option>
          </select>
        </label>
        <button type="submit" class="primary">
          {m.createInvite}
        </button>
      </form>
      <div class="scroll">
        <table class="plain invites">
          <thead>
            <tr>
              <th scope="col">{m.code}</th>
              <th scope="col">{t.value.team}</th>
              <th scope="col">{m.role}</th>
              <th scope="col">{m.expires}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {live.map((i) => (
              <tr key={i.code} data-code={i.code}>
                <td>
                  <code>{i.code}</code>
                </td>
                <td class="team-name">{teamName(i.teamId)}</td>
                <td>{i.role === 'rep' ? m.rep : m.manager}</td>
                <td>{i.expiresAt.slice(0, 10)}</td>
                <td class="actions">
                  <CopyButton text={i.code} />
                  <button type="button" onClick={() => void revoke(i.code)}>
                    {m.revoke}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Members() {
  // Whose logs and evidence are open (one member at a time).
  const [logsOf, setLogsOf] = useState<string | null>(null);
  const m = t.value.admin;
  const list = useAsync(loadMembers, 'members');
  const self = me.value?.member.id;
  const change = async (id: string, patch: { role?: Role; teamId?: string }) => {
    await updateMember(id, patch);
    list.reload();
  };
  const remove = async (id: string) => {
    if (!confirm(m.removeConfirm)) return;
    await removeMember(id);
    list.reload();
  };
  return (
    <section class="card" aria-labelledby="members-title">
      <h2 id="members-title">{m.members}</h2>
      <div class="scroll">
        <table class="plain members">
          <thead>
            <tr>
              <th scope="col">{t.value.table.member}</th>
              <th scope="col">{m.role}</th>
              <th scope="col">{t.value.team}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {(list.data?.members ?? []).map((x) => (
              <tr key={x.id} data-member={x.id}>
                <td>
                  {x.name}
                  <div class="muted small">{x.email}</div>
                </td>
                <td>
                  <select
                    aria-label={`${m.role}: ${x.name}`}
                    value={x.role}
                    disabled={x.id === self}
                    onChange={(e) => void change(x.id, { role: e.currentTarget.value as Role })}
                  >
                    <option value="rep">{m.rep}</option>
                    <option value="manager">{m.manager}</option>
                  </select>
                </td>
                <td>
                  <TeamSelect
                    label={`${t.value.team}: ${x.name}`}
                    value={x.teamId}
                    disabled={x.id === self}
                    onChange={(teamId) => void change(x.id, { teamId })}
                  />
                </td>
                <td class="actions">
                  <button
                    type="button"
                    aria-expanded={logsOf === x.id}
                    onClick={() => setLogsOf(logsOf === x.id ? null : x.id)}
                  >
                    {t.value.evidence.show}
                  </button>
                  {x.id !== self && (
                    <button type="button" onClick={() => void remove(x.id)}>
                      {m.remove}
                    </button>
                  )}
                  {logsOf === x.id && (
                    <>
                      <MemberHonours memberId={x.id} title={t.value.honours.contestWins} />
                      <MemberLogs memberId={x.id} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The team's announcement rules, the domain's defaults when never set. */
function announcementRules(settings: OrgSettings): AnnouncementSettings {
  return (
    settings.announcements ?? {
      ...DEFAULT_ANNOUNCEMENT_RULES,
      milestoneReached: true,
      competitionWon: true,
    }
  );
}

function AnnouncementFields({
  rules,
  onChange,
}: {
  rules: AnnouncementSettings;
  onChange: (rules: AnnouncementSettings) => void;
}) {
  const m = t.value.admin;
  const primary = me.value?.org.settings;
  const unit = primary && metricKind(primary, primary.primaryMetric) === 'amount' ? 100 : 1;
  return (
    <fieldset>
      <legend>{m.announcements}</legend>
      <label>
        {m.bigDealAtLeast}
        <input
          type="number"
          name="dealAmountAtLeast"
          min="1"
          value={rules.dealAmountAtLeast === null ? '' : rules.dealAmountAtLeast / unit}
          onInput={(e) => {
            const value = e.currentTarget.value;
            onChange({
              ...rules,
              dealAmountAtLeast: value === '' ? null : Math.round(Number(value) * unit),
            });
          }}
        />
      </label>
      {(
        [
          ['tierReached', m.announceTier],
          ['milestoneReached', m.announceMilestone],
          ['streakRecord', m.announceStreak],
          ['competitionWon', m.announceWon],
        ] as const
      ).map(([key, label]) => (
        <label key={key} class="inline">
          <input
            type="checkbox"
            name={key}
            checked={rules[key]}
            onChange={(e) => onChange({ ...rules, [key]: e.currentTarget.checked })}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

function Settings({ settings }: { settings: OrgSettings }) {
  const m = t.value.admin;
  const [privacy, setPrivacy] = useState<PrivacyMode>(settings.privacy);
  const [dailyGoal, setDailyGoal] = useState(settings.dailyPointsGoal);
  const [manualPercent, setManualPercent] = useState(settings.manualLogPointsPercent);
  const [announce, setAnnounce] = useState(announcementRules(settings));
  const [points, setPoints] = useState<Record<string, number>>(
    Object.fromEntries(orgMetrics(settings).map((x) => [x.id, x.points])),
  );
  const [holidays, setHolidays] = useState(settings.calendar.holidays.join('\n'));
  const [calendar, setCalendar] = useState<CalendarSettings>(settings.calendar);
  const [customMetrics, setCustomMetrics] = useState<CustomMetric[]>(settings.customMetrics);
  const [tiers, setTiers] = useState<Tier[]>(settings.tiers.ladder);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  const setTier = (i: number, patch: Partial<Tier>) =>
    setTiers(tiers.map((tier, k) => (k === i ? { ...tier, ...patch } : tier)));

  const save = async (event: Event) => {
    event.preventDefault();
    const countMetrics = orgMetrics(settings).filter((x) => x.kind === 'count');
    try {
      const org = await saveOrgSettings({
        privacy,
        dailyPointsGoal: dailyGoal,
        manualLogPointsPercent: manualPercent,
        announcements: announce,
        points: Object.fromEntries(countMetrics.map((x) => [x.id, points[x.id] ?? x.points])),
        customMetrics,
        calendar: {
          ...calendar,
          holidays: holidays
            .split(/\s+/)
            .map((d) => d.trim())
            .filter((d) => d !== ''),
        },
        tiers: { ...settings.tiers, ladder: tiers },
      });
      if (me.value) me.value = { ...me.value, org };
      setStatus({ ok: true, text: m.saved });
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form class="card settings" onSubmit={save} aria-labelledby="settings-title">
      <h2 id="settings-title">{m.settings}</h2>
      <fieldset>
        <legend>{m.privacy}</legend>
        {(
          [
            ['open', m.privacyOpen],
            ['top', m.privacyTop],
            ['private', m.privacyPrivate],
          ] as const
        ).map(([value, label]) => (
          <label key={value} class="inline">
            <input
              type="radio"
              name="privacy"
              value={value}
              checked={privacy === value}
              onChange={() => setPrivacy(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div class="row">
        <label>
          {m.dailyGoal}
          <input
            type="number"
            name="dailyGoal"
            min="1"
            value={dailyGoal}
            onInput={(e) => setDailyGoal(Number(e.currentTarget.value))}
          />
        </label>
        <label>
          {m.manualPercent}
          <input
            type="number"
            name="manualLogPointsPercent"
            min="0"
            max="100"
            value={manualPercent}
            onInput={(e) => setManualPercent(Number(e.currentTarget.value))}
          />
        </label>
      </div>
      <AnnouncementFields rules={announce} onChange={setAnnounce} />
      <CalendarFields calendar={calendar} onChange={setCalendar} />
      <fieldset>
        <legend>{m.pointsWeights}</legend>
        <div class="row">
          {orgMetrics(settings)
            .filter((x) => x.kind === 'count')
            .map((x) => (
              <label key={x.id} class="narrow">
                {metricLabel(x.id, settings)}
                <input
                  type="number"
                  min="0"
                  name={`points-${x.id}`}
                  value={points[x.id]}
                  onInput={(e) => setPoints({ ...points, [x.id]: Number(e.currentTarget.value) })}
                />
              </label>
            ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{m.tiers}</legend>
        <table class="plain">
          <thead>
            <tr>
              <th scope="col">{m.threshold}</th>
              <th scope="col">{m.nameEn}</th>
              <th scope="col">{m.nameZh}</th>
              <th scope="col">{m.reward}</th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((tier, i) => (
              <tr key={tier.id}>
                <td>
                  <input
                    type="number"
                    min="1"
                    aria-label={`${m.threshold} ${tier.name.en}`}
                    value={tier.threshold}
                    onInput={(e) => setTier(i, { threshold: Number(e.currentTarget.value) })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`${m.nameEn} ${tier.id}`}
                    value={tier.name.en}
                    onInput={(e) =>
                      setTier(i, { name: { ...tier.name, en: e.currentTarget.value } })
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`${m.nameZh} ${tier.id}`}
                    value={tier.name.zh}
                    onInput={(e) =>
                      setTier(i, { name: { ...tier.name, zh: e.currentTarget.value } })
                    }
                  />
                </td>
                <td>
                  <input
                    aria-label={`${m.reward} ${tier.id}`}
                    value={tier.reward}
                    onInput={(e) => setTier(i, { reward: e.currentTarget.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <CustomMetricsFields
        metrics={customMetrics}
        saved={new Set(settings.customMetrics.map((x) => x.id))}
        onChange={setCustomMetrics}
      />
      <label>
        {m.holidays}
        <textarea
          name="holidays"
          rows={3}
          value={holidays}
          onInput={(e) => setHolidays(e.currentTarget.value)}
        />
      </label>
      <div class="actions">
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
  );
}

export function TeamAdmin() {
  const profile = me.value;
  if (!profile) return null;
  return (
    <main class="admin">
      <div class="admin-grid">
        <Invites />
        <Members />
        <Settings settings={profile.org.settings} />
        <TvLinks />
      </div>
    </main>
  );
}
