/** The member's display preferences, in storage.local (no secret; content scripts read them). */
import type { LanguageSetting } from '../i18n/index.ts';

export interface Prefs {
  language: LanguageSetting;
  theme: 'auto' | 'light' | 'dark';
  notifications: boolean;
  /** Teammates' announcements (big deals, tiers, records) as toasts in the sidebar. */
  teamNews: boolean;
  side: 'left' | 'right';
  /** Site adapter id → enabled. Missing means enabled. */
  sites: Record<string, boolean>;
  collapsed: boolean;
  /** The pill's distance from the top of the window, in px. */
  top: number;
  /** The server the sign-in form suggests ('' = the build's default). */
  server: string;
  /** A short sound on each log (ui/sound.ts); off unless the member turns it on. */
  sound: boolean;
  /** A browser notification with the morning plan at this local time (HH:MM) on workdays; null: off. */
  planReminder: string | null;
  /** The daily rhythm's cards (sidebar/rhythm.ts): the local date each last opened the sidebar by itself, and was dismissed. */
  rhythm: RhythmSeen;
}

export interface RhythmSeen {
  planOpened?: string;
  planDismissed?: string;
  reviewOpened?: string;
  reviewDismissed?: string;
}

export const DEFAULT_PREFS: Prefs = {
  language: 'auto',
  theme: 'auto',
  notifications: true,
  teamNews: true,
  side: 'right',
  sites: {},
  collapsed: true,
  top: 160,
  server: '',
  sound: false,
  planReminder: null,
  rhythm: {},
};

export function withDefaults(stored: Partial<Prefs> | undefined): Prefs {
  return { ...DEFAULT_PREFS, ...stored };
}
