/**
 * The org's settings for managers: one draft (`draft.ts`) edited by small parts, saved with one
 * PATCH; the answer (the org as stored) replaces the profile's copy, so every view follows.
 */
import { useState } from 'preact/hooks';
import type { OrgSettings } from '../../../../../shared/api/index.ts';
import { me } from '../../app/session.ts';
import { t } from '../../i18n/index.ts';
import { saveOrgSettings } from '../api.ts';
import { CalendarFields, HolidaysField } from './CalendarFields.tsx';
import { CategoryFields } from './CategoryFields.tsx';
import { CustomMetricsFields } from './CustomMetricsFields.tsx';
import { changeOf, draftOf, type SettingsDraft } from './draft.ts';
import { PointsWeightFields, TierFields } from './PointsFields.tsx';
import { AnnouncementFields, GoalFields, PrivacyFields } from './RuleFields.tsx';

export function SettingsForm({ settings }: { settings: OrgSettings }) {
  const m = t.value.admin;
  const [draft, setDraft] = useState(() => draftOf(settings));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (patch: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const org = await saveOrgSettings(changeOf(draft, settings));
      if (me.value) me.value = { ...me.value, org };
      setStatus({ ok: true, text: m.saved });
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form class="card settings" onSubmit={save} aria-labelledby="settings-title">
      <h2 id="settings-title">{m.settings}</h2>
      <PrivacyFields privacy={draft.privacy} onChange={(privacy) => set({ privacy })} />
      <GoalFields
        dailyPointsGoal={draft.dailyPointsGoal}
        manualLogPointsPercent={draft.manualLogPointsPercent}
        onChange={set}
      />
      <AnnouncementFields
        rules={draft.announcements}
        onChange={(announcements) => set({ announcements })}
      />
      <CalendarFields calendar={draft.calendar} onChange={(calendar) => set({ calendar })} />
      <PointsWeightFields
        settings={settings}
        points={draft.points}
        onChange={(points) => set({ points })}
      />
      <TierFields tiers={draft.tiers} onChange={(tiers) => set({ tiers })} />
      <CustomMetricsFields
        metrics={draft.customMetrics}
        saved={new Set(settings.customMetrics.map((x) => x.id))}
        onChange={(customMetrics) => set({ customMetrics })}
      />
      <CategoryFields
        categories={draft.productCategories}
        saved={new Set((settings.productCategories ?? []).map((x) => x.id))}
        onChange={(productCategories) => set({ productCategories })}
      />
      <HolidaysField holidays={draft.holidays} onChange={(holidays) => set({ holidays })} />
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
