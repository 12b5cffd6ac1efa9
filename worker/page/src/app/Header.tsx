/** The top bar: org, the tabs the viewer may open, language and sign-out. */
import { type Locale, locale, setLocale, t } from '../i18n/index.ts';
import { isManager, me, signOut, type Tab, tab } from './session.ts';

export function Header() {
  const m = t.value;
  const profile = me.value;
  if (!profile) return null;
  const tabs: Tab[] = isManager.value
    ? ['overview', 'contests', 'targets', 'team']
    : ['overview', 'contests'];
  return (
    <header class="top">
      <div class="brand">
        <span class="logo" aria-hidden="true">
          ▲
        </span>
        <span>{m.appName}</span>
        <span class="org">{profile.org.name}</span>
      </div>
      <nav class="tabs" aria-label="Pacer">
        {tabs.map((name) => (
          <a
            key={name}
            href={`#/${name}`}
            class={tab.value === name ? 'active' : undefined}
            aria-current={tab.value === name ? 'page' : undefined}
          >
            {m.nav[name]}
          </a>
        ))}
      </nav>
      <div class="who">
        <label class="inline">
          <span class="sr-only">{m.language}</span>
          <select
            value={locale.value}
            onChange={(e) => setLocale(e.currentTarget.value as Locale)}
            aria-label={m.language}
          >
            <option value="en">English</option>
            <option value="zh-CN">简体中文</option>
          </select>
        </label>
        <span class="name">{profile.member.name}</span>
        <button type="button" onClick={() => void signOut()}>
          {m.signOut}
        </button>
      </div>
    </header>
  );
}
