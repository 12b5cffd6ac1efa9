/** Options: default server, language, theme, notifications, the morning plan's notification time, sound, sidebar side, sites on/off. Saved as changed. */
import { browser } from 'wxt/browser';
import { type LanguageSetting, resolveLanguage, translator } from '../i18n/index.ts';
import { type Prefs, withDefaults } from '../platform/prefs.ts';
import { stored } from '../platform/storage.ts';
import { OtherSites } from '../site-access/SiteAccessControls.tsx';
import { BUILTIN_SITES } from '../sites/catalog.ts';
import { storedSignal } from '../ui/use-stored.ts';

const lifetime = new AbortController();
const prefs = storedSignal(stored.prefs(), lifetime.signal);

function save(change: Partial<Prefs>): void {
  void stored.prefs().setValue({ ...withDefaults(prefs.value), ...change });
}

/** The morning plan's notification times offered, local time on workdays. */
const PLAN_TIMES = [
  '07:00',
  '07:30',
  '08:00',
  '08:30',
  '09:00',
  '09:30',
  '10:00',
  '10:30',
  '11:00',
];

const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
const checked = (e: Event) => (e.currentTarget as HTMLInputElement).checked;

export function Options() {
  const p = withDefaults(prefs.value);
  const t = translator(resolveLanguage(p.language, browser.i18n.getUILanguage()));
  return (
    <main>
      <h1>
        {t('appName')} · {t('options')}
      </h1>
      <label>
        <span>{t('server')}</span>
        <input
          type="url"
          name="server"
          placeholder={__PACER_DEFAULT_SERVER__}
          value={p.server}
          onChange={(e) => save({ server: value(e).trim() })}
        />
      </label>
      <label>
        <span>{t('language')}</span>
        <select
          name="language"
          value={p.language}
          onChange={(e) => save({ language: value(e) as LanguageSetting })}
        >
          <option value="auto">{t('languageAuto')}</option>
          <option value="en">English</option>
          <option value="zh_CN">简体中文</option>
        </select>
      </label>
      <label>
        <span>{t('theme')}</span>
        <select
          name="theme"
          value={p.theme}
          onChange={(e) => save({ theme: value(e) as Prefs['theme'] })}
        >
          <option value="auto">{t('themeAuto')}</option>
          <option value="light">{t('themeLight')}</option>
          <option value="dark">{t('themeDark')}</option>
        </select>
      </label>
      <label>
        <span>{t('sidebarSide')}</span>
        <select
          name="side"
          value={p.side}
          onChange={(e) => save({ side: value(e) as Prefs['side'] })}
        >
          <option value="right">{t('right')}</option>
          <option value="left">{t('left')}</option>
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="notifications"
          checked={p.notifications}
          onChange={(e) => save({ notifications: checked(e) })}
        />
        {t('notifications')}
      </label>
      <label>
        <span>{t('planReminder')}</span>
        <select
          name="planReminder"
          value={p.planReminder ?? ''}
          onChange={(e) => save({ planReminder: value(e) || null })}
        >
          <option value="">{t('planReminderOff')}</option>
          {PLAN_TIMES.map((time) => (
            <option key={time} value={time}>
              {time}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="teamNews"
          checked={p.teamNews}
          onChange={(e) => save({ teamNews: checked(e) })}
        />
        {t('teamNews')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="sound"
          checked={p.sound}
          onChange={(e) => save({ sound: checked(e) })}
        />
        {t('soundOnLog')}
      </label>
      <h2>{t('sites')}</h2>
      {BUILTIN_SITES.map((site) => (
        <label class="check" key={site.id}>
          <input
            type="checkbox"
            name={`site-${site.id}`}
            checked={p.sites[site.id] !== false}
            onChange={(e) => save({ sites: { ...p.sites, [site.id]: checked(e) } })}
          />
          {site.name}
        </label>
      ))}
      <OtherSites t={t} />
    </main>
  );
}
