/**
 * The sidebar's state as signals, and the actions its controls call. Logging shows at once
 * (local changes) and is committed by the background, which owns the outbox and the token; its
 * code (local-logging.ts) arrives on the member's first intent to log, so a page load does not
 * evaluate it.
 */
import { batch, computed, effect, signal } from '@preact/signals-core';
import type { ActivityEvent, EventContact } from '../../shared/api/events.ts';
import type { OnScreenCustomer } from '../../shared/domain/breakdown.ts';
import type { CustomerEvidence, CustomerIdentity } from '../../shared/domain/customers.ts';
import { inLanguage, intlLocale } from '../../shared/domain/language.ts';
import {
  type Dictionaries,
  type Dictionary,
  type Language,
  resolveLanguage,
  type Translate,
  translatorFor,
} from '../i18n/translate.ts';
import type { MessageReply, PageMessage } from '../platform/messages.ts';
import type { Prefs } from '../platform/prefs.ts';
import type { NewsItem, RecentLog, SidebarView } from '../platform/view.ts';
import { formatValue } from '../ui/format.ts';
import { recordGuard } from './double-log.ts';
import type { createLocalLogging, LocalLogging } from './local-logging.ts';
import type { LocalChanges } from './optimistic.ts';
import { createRhythm } from './rhythm.ts';

export interface Toast {
  id: number;
  text: string;
  /** Offers Undo for this log id. */
  undoId?: string;
  /** Asks first (double-log guard, hide on this site); `yes` names the confirming button. */
  confirm?: () => void;
  yes?: string;
  /** Offers Undo that shows the sidebar again on this site (adapter id). */
  restoreSite?: string;
  /** Points the log earned today ("+2 pts"), when it earned any. */
  points?: number;
}

export interface LogRequest {
  metric: string;
  quantity: number;
  /** A won deal's value (minor units): the one log counts the deal and its revenue. */
  amount?: number;
  /** A won deal's product category (one of the org's). */
  category?: string;
  /** On a collection: the deal log it pays (sidebar/components/Collection.tsx). */
  deal?: string;
  contact?: EventContact;
  source: NonNullable<ActivityEvent['source']>;
  /**
   * The page record logged from (thread or CRM record id), for the double-log guard; absent for
   * the panel's own +1 buttons, where repeated clicks are deliberate counting.
   */
  record?: string;
}

/**
 * The customer card's word on the customer on screen, with the rule that names a deal's customer
 * (shared/domain/customers.ts `customerIdentity`): the card brings that rule with the panel, so
 * the content script, which only needs it once the card has looked a customer up, does not carry it.
 */
export type CustomerOnScreen = OnScreenCustomer & {
  identify: (evidence: CustomerEvidence) => CustomerIdentity | null;
};

/** What the customer card needs of the record on screen (sites/adapter.ts `PageRecord`). */
export interface OnScreenRecord {
  id: string;
  app: string;
  url: string;
  subject: string;
  contact: EventContact;
}

export interface SidebarDeps {
  send(message: PageMessage): Promise<MessageReply>;
  savePrefs(prefs: Prefs): void;
  browserLanguage: string;
  /** The UI text (content scripts: as the background published it, background/text.ts). */
  text: Partial<Dictionaries>;
  /** A language's text that `text` lacks, read when the member switches to it. */
  loadText?: (language: Language) => Promise<Dictionary | null>;
  now?: () => number;
  uuid?: () => string;
  /**
   * Logging's code (local-logging.ts): `createLocalLogging` itself where it is in hand (tests),
   * or how to load it (the content script asks the background to run its bundle).
   */
  logging:
    | { create: typeof createLocalLogging }
    | { load: () => Promise<typeof createLocalLogging> };
}

/** A teammate's moment in one line: "🎉 Wang Fang: big deal, CN¥8,000". */
export function newsText(
  t: Translate,
  item: NewsItem,
  view: Pick<SidebarView, 'currency' | 'tier'>,
  language: Language,
): string {
  if (item.kind === 'big_deal') {
    const amount = formatValue(item.amount ?? 0, 'amount', view.currency, intlLocale(language));
    return t('newsBigDeal', { name: item.name, amount });
  }
  if (item.kind === 'tier_reached') {
    const rung = view.tier?.ladder.find((r) => r.id === item.tier);
    const tier = rung ? inLanguage(rung.name, language) : (item.tier ?? '');
    return t('newsTier', { name: item.name, tier });
  }
  if (item.kind === 'milestone')
    return t('newsMilestone', { name: item.name, percent: item.percent ?? 0 });
  if (item.kind === 'contest_won') {
    const contest = item.teamName
      ? `${item.contest ?? ''} · ${item.teamName}`
      : (item.contest ?? '');
    return t('newsWon', { name: item.name, contest });
  }
  return t('newsStreak', { name: item.name, days: item.days ?? 0 });
}

const TOAST_MS = 6_000;

export type SidebarStore = ReturnType<typeof createSidebarStore>;

export function createSidebarStore(view: SidebarView, prefs: Prefs, deps: SidebarDeps) {
  const now = deps.now ?? Date.now;
  const uuid = deps.uuid ?? (() => crypto.randomUUID());
  const published = signal(view);
  const prefsState = signal(prefs);
  const changes = signal<LocalChanges>({ logs: [], undone: [] });
  const toasts = signal<Toast[]>([]);
  const celebration = signal<string | null>(null);
  /** A "Won deal" being entered in the panel, with the page record it comes from, if any. */
  const dealDraft = signal<Pick<LogRequest, 'contact' | 'source' | 'record'> | null>(null);
  /** Set when the panel closes from inside, so the pill takes the keyboard focus back. */
  const focusPill = signal(false);
  // Only a panel the member just opened takes focus: one shown expanded as the page loads must
  // not pull focus away from the page (Gmail's search box, a form being filled).
  const focusPanel = signal(false);
  let toastSeq = 0;
  /** The thread or CRM record on screen (run-site.tsx sets it), for the customer card. */
  const record = signal<OnScreenRecord | null>(null);
  /** Logs made in this page and the ones undone here: the customer card's local overlay. */
  const loggedHere = signal<ActivityEvent[]>([]);
  const undoneHere = signal<string[]>([]);
  /** What the customer card's lookup says of the customer on screen: a won deal's segment. */
  const customerOnScreen = signal<CustomerOnScreen | null>(null);

  // What the sidebar displays. The revision and the numbers' basis are left out (they only settle
  // and compute local changes, read from `published`), so a republished view that shows nothing new (the background republishes with
  // a new revision after every write of its state) keeps the same object and re-renders nothing.
  let shownKey = '';
  let lastShown: SidebarView | undefined;
  /** Logging's code, once it is here: until then no log was made here, so nothing to add. */
  const logging = signal<LocalLogging | null>(null);
  const shown = computed(() => {
    const local = logging.value;
    const {
      revision: _r,
      basis: _b,
      ...next
    } = local ? local.apply(published.value, changes.value, now()) : published.value;
    const key = JSON.stringify(next);
    if (lastShown === undefined || key !== shownKey) {
      shownKey = key;
      lastShown = next;
    }
    return lastShown;
  });
  const language = computed<Language>(() =>
    resolveLanguage(prefsState.value.language, deps.browserLanguage),
  );
  const texts = signal<Partial<Dictionaries>>(deps.text);
  // Until a language switched to is read, the text in hand stays (one storage read away).
  const t = computed<Translate>(() =>
    translatorFor(
      texts.value[language.value] ?? Object.values(texts.value)[0] ?? {},
      language.value,
    ),
  );
  effect(() => {
    const wanted = language.value;
    if (texts.peek()[wanted] || !deps.loadText) return;
    void deps.loadText(wanted).then((dictionary) => {
      if (dictionary) texts.value = { ...texts.peek(), [wanted]: dictionary };
    });
  });

  function toast(item: Omit<Toast, 'id'>): void {
    toastSeq += 1;
    const id = toastSeq;
    toasts.value = [...toasts.value.slice(-2), { ...item, id }];
    setTimeout(() => dismiss(id), TOAST_MS);
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((x) => x.id !== id);
  }

  // News already in the first view is old for this page: only later ones become toasts.
  let newsSeen = Math.max(0, ...(view.news ?? []).map((n) => n.id));

  function tellNews(items: readonly NewsItem[]): void {
    const fresh = items.filter((n) => n.id > newsSeen);
    newsSeen = Math.max(newsSeen, ...fresh.map((n) => n.id));
    if (!prefsState.value.teamNews) return;
    for (const item of fresh)
      toast({ text: newsText(t.value, item, published.value, language.value) });
  }

  function publish(next: SidebarView): void {
    batch(() => {
      published.value = next;
      const local = logging.peek();
      if (local) changes.value = local.settle(next, changes.value);
    });
    tellNews(next.news ?? []);
  }

  function setPrefs(change: Partial<Prefs>): void {
    prefsState.value = { ...prefsState.value, ...change };
    deps.savePrefs(prefsState.value);
  }

  const records = recordGuard();

  /** Logging's code (the loader runs its bundle once, and again only after a failed load). */
  function loadLogging(): Promise<LocalLogging> {
    const loaded = logging.peek();
    if (loaded) return Promise.resolve(loaded);
    const from = deps.logging;
    return ('create' in from ? Promise.resolve(from.create) : from.load()).then(startLogging);
  }

  /** Hands logging the store's state, once: callers of the same load get the same logging. */
  function startLogging(create: typeof createLocalLogging): LocalLogging {
    const local =
      logging.peek() ??
      create({
        published,
        shown,
        changes,
        loggedHere,
        undoneHere,
        customerOnScreen,
        prefs: prefsState,
        t,
        language,
        toast,
        send: deps.send,
        batch,
        now,
        uuid,
        loggedOnRecord: (record, metric, at) => records.logged(record, metric, at),
      });
    logging.value = local;
    return local;
  }

  /** Runs `act` with logging's code: at once when it is here, else once it is loaded. */
  function withLogging(act: (local: LocalLogging) => void): void {
    const local = logging.peek();
    if (local) {
      act(local);
      return;
    }
    loadLogging().then(act, (error: unknown) =>
      toast({
        text: t.value('error', { message: error instanceof Error ? error.message : String(error) }),
      }),
    );
  }

  /**
   * Logs at once, or asks first when it looks like an accidental double; the second click of a
   * double click on a record's button does nothing (double-log.ts). The guard hears the click
   * here, at once, even while logging's code is still on its way.
   */
  function log(
    request: LogRequest,
    metricName: string,
    /** Told the points the log earned once it is logged (not when the member declines). */
    onLogged?: (points: number) => void,
    /**
     * When the member clicked: a click the content script heard before this code was loaded
     * is logged at its own time, so the double-log guard sees the clicks as they were made.
     */
    at = now(),
  ): void {
    if (!published.value.signedIn) {
      toast({ text: t.value('signedOut') });
      return;
    }
    const onRecord = request.record ? records.click(request.record, request.metric, at) : null;
    if (onRecord?.kind === 'ignore') return;
    withLogging((local) => local.log(request, metricName, onRecord, at, onLogged));
  }

  /**
   * "Hide on this site": asks once, then hides the sidebar and the log buttons here and offers
   * Undo for a while (run-site.ts keeps the toasts on screen until then), so a slip of the
   * finger next to "×" costs nothing.
   */
  function hideOnSite(app: string): void {
    toast({
      text: t.value('hideConfirm'),
      yes: t.value('close'),
      confirm: () => {
        setPrefs({ sites: { ...prefsState.value.sites, [app]: false }, collapsed: true });
        toast({ text: t.value('hiddenOnSite'), restoreSite: app });
      },
    });
  }

  function showOnSite(app: string): void {
    setPrefs({ sites: { ...prefsState.value.sites, [app]: true } });
  }

  function undo(id: string): void {
    withLogging((local) => local.undo(id));
  }

  /** The morning plan and the evening review: which is due, shown, dismissed. */
  const rhythm = createRhythm({
    view: published,
    prefs: prefsState,
    setPrefs,
  });

  if ('create' in deps.logging) startLogging(deps.logging.create);

  return {
    published,
    shown,
    rhythm,
    /** Asks the background (the review card's review and reflection). */
    send: deps.send,
    prefs: prefsState,
    toasts,
    celebration,
    dealDraft,
    language,
    t,
    publish,
    setPrefs,
    log,
    undo,
    /** The member is about to log (pointing at a log button): logging's code is loaded ahead. */
    prepareLogging: (): Promise<void> => loadLogging().then(() => undefined),
    hideOnSite,
    showOnSite,
    dismiss,
    record,
    loggedHere,
    undoneHere,
    customerOnScreen,
    /** Asks the background (customer reads and edits); the reply's `data` is the server's body. */
    ask: (message: PageMessage) => deps.send(message),
    /** A message for the member (a toast). */
    notify: (text: string) => toast({ text }),
    focusPill,
    focusPanel,
    /**
     * The pill's click: always opens. A panel remembered as open shows the pill until its code
     * is loaded; a click then must not close it.
     */
    expand: () => {
      focusPanel.value = true;
      if (prefsState.value.collapsed) setPrefs({ collapsed: false });
    },
    /** `fromPanel`: the panel's own close button or Escape, so focus goes back to the pill. */
    toggle: (fromPanel = false) => {
      focusPill.value = fromPanel && !prefsState.value.collapsed;
      focusPanel.value = prefsState.value.collapsed;
      setPrefs({ collapsed: !prefsState.value.collapsed });
    },
    /** Moments close together (a won deal, the tier it reached) share one celebration. */
    celebrate: (text: string) => {
      const lines = celebration.value?.split(' · ') ?? [];
      const next = (lines.includes(text) ? lines : [...lines, text]).join(' · ');
      celebration.value = next;
      setTimeout(() => {
        if (celebration.value === next) celebration.value = null;
      }, 4_000);
    },
  };
}

export type { RecentLog };
