/**
 * The top bar: org, the tabs the viewer may open, language and sign-out. On a narrow screen the
 * tabs and the rest fold into a menu behind one button (styles.css shows it below 760 px).
 */
import { useEffect, useState } from 'preact/hooks';
import { type Locale, locale, setLocale, t } from '../i18n/index.ts';
import { isManager, me, signOut, type Tab, tab } from './session.ts';

export function Header() {
  const m = t.value;
  const profile = me.value;
  const [open, setOpen] = useState(false);
  // Another tab (a link, the back button) closes the menu.
  const current = tab.value;
  useEffect(() => setOpen(false), [current]);
  if (!profile) return null;
  const tabs: Tab[] = isManager.value
    ? ['overview', 'contests', 'review', 'targets', 'team']
    : ['overview', 'contests', 'review'];
  return (
    <header class={open ? 'top menu-open' : 'top'}>
      <div class="brand">
        <span class="logo" aria-hidden="true">
          ▲
        </span>
        <span>{m.appName}</span>
        <span class="org">{profile.org.name}</span>
      </div>
      <button
        type="button"
        class="menu-toggle"
        aria-expanded={open}
        aria-controls="top-menu"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">☰ </span>
        {m.menu}
      </button>
      <nav class="tabs" id="top-menu" aria-label="Pacer">
        {tabs.map((name) => (
          <a
            key={name}
            href={`#/${name}`}
            class={tab.value === name ? 'active' : undefined}
            aria-current={tab.value === name ? 'page' : undefined}
            onClick={() => setOpen(false)}
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
