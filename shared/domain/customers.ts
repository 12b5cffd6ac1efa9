import type {
  Cadence,
  CustomerClass,
  CustomerDue,
  CustomerSettings,
  LocalDate,
  OrgSettings,
} from '../api/index.ts';
import { isWorkday, memoForCalendar, periodContaining, type WorkCalendar } from './calendar.ts';
import { addDays, daysBetween, localDateOf } from './dates.ts';

// Customers (docs/architecture.md, "Customers"): which customer a log was with, derived from the
// evidence it already carries, and when each classified customer is next due for a follow-up in
// the team calendar. Pure rules: the worker links logs at ingest with them, the sidebar shows
// their answers.

/**
 * Mail providers where an address is a person, not a company: each address is its own customer.
 * Hand-kept on purpose: the published lists either count company domains as free mail
 * (alibaba.com, facebook.com, zoho.com) or run to 140–270 KB, too big for the content bundle.
 */
export const PERSONAL_EMAIL_DOMAINS: ReadonlySet<string> = new Set([
  // International
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'hotmail.co.uk',
  'hotmail.fr',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.uk',
  'yahoo.co.jp',
  'yahoo.com.hk',
  'yahoo.com.tw',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'yandex.ru',
  'mail.ru',
  'zoho.com',
  'naver.com',
  'hanmail.net',
  // Mainland China
  'qq.com',
  'vip.qq.com',
  'foxmail.com',
  '163.com',
  'vip.163.com',
  '126.com',
  'vip.126.com',
  'yeah.net',
  '188.com',
  'sina.com',
  'sina.cn',
  'vip.sina.com',
  'sohu.com',
  '139.com',
  '189.cn',
  'wo.cn',
  'aliyun.com',
  'tom.com',
  '21cn.com',
]);

/** The evidence of a log (or of the page on screen) that identifies its customer. */
export type CustomerEvidence = {
  url?: string | undefined;
  email?: string | undefined;
  name?: string | undefined;
};

/** A customer identity: `key` is unique per owner; `name` is what a new customer is called. */
export type CustomerIdentity = {
  key: string;
  name: string;
  via: 'crm' | 'domain' | 'email' | 'contact';
};

const SALESFORCE_LIGHTNING = /^\/lightning\/r\/(\w+)\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})\/view/;
const SALESFORCE_CLASSIC = /^\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})(?:\/|$)/;
const HUBSPOT_RECORD = /^\/contacts\/(\d+)\/(?:record\/(0-[123])|(contact|company|deal))\/(\d+)/;
const HUBSPOT_TYPES: Record<string, string> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
  contact: 'contact',
  company: 'company',
  deal: 'deal',
};
const PIPEDRIVE_RECORD = /^\/(person|organization|deal)\/(\d+)(?:\/|$)/;
const ZOHO_TAB = /^\/crm\/(?:[\w-]+\/)?tab\/(\w+)\/(\d+)(?:\/|$)/;
/** Zoho calls deals "Potentials" in older URLs. */
const ZOHO_MODULES: Record<string, string> = {
  Contacts: 'Contacts',
  Leads: 'Leads',
  Accounts: 'Accounts',
  Deals: 'Deals',
  Potentials: 'Deals',
};

const hostIs = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * The CRM record a URL names, as `crm:<crm>:…`, or null. Salesforce keys on the record id's first
 * 15 characters (the 18-character form only adds a case checksum), so Lightning and Classic links
 * to one record meet; HubSpot and Pipedrive ids are per account, so the account is part of the key.
 */
export function crmRecordKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname;
  if (hostIs(host, 'force.com') || hostIs(host, 'salesforce.com')) {
    const id = SALESFORCE_LIGHTNING.exec(path)?.[2] ?? SALESFORCE_CLASSIC.exec(path)?.[1];
    return id ? `crm:salesforce:${id.slice(0, 15)}` : null;
  }
  if (hostIs(host, 'hubspot.com')) {
    const m = HUBSPOT_RECORD.exec(path);
    const type = HUBSPOT_TYPES[m?.[2] ?? m?.[3] ?? ''];
    return m && type ? `crm:hubspot:${m[1]}:${type}:${m[4]}` : null;
  }
  if (hostIs(host, 'pipedrive.com')) {
    const m = PIPEDRIVE_RECORD.exec(path);
    const account = host.slice(0, -'.pipedrive.com'.length);
    return m && account ? `crm:pipedrive:${account}:${m[1]}:${m[2]}` : null;
  }
  const zoho = /^crm\.zoho\.(com|com\.cn)$/.exec(host);
  if (zoho) {
    const tab = ZOHO_TAB.exec(path);
    const query = parsed.searchParams;
    const [module, id] = tab
      ? [tab[1] ?? '', tab[2] ?? '']
      : path.endsWith('/EntityInfo.do')
        ? [query.get('module') ?? '', query.get('id') ?? '']
        : ['', ''];
    const known = ZOHO_MODULES[module];
    return known && /^\d+$/.test(id) ? `crm:zoho:${zoho[1]}:${known}:${id}` : null;
  }
  return null;
}

/** `name` with runs of white space made one space and trimmed; null when nothing is left. */
function tidy(name: string | undefined): string | null {
  const text = name?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text;
}

/**
 * The customer a log's evidence names: the CRM record in its URL; else the contact's company by
 * their email's domain, or the address itself at a personal mail provider (each address a person);
 * else the contact's name. Null when the evidence names nobody (a +1 with no thread or record).
 */
export function customerIdentity(evidence: CustomerEvidence): CustomerIdentity | null {
  const name = tidy(evidence.name);
  const email = tidy(evidence.email)?.toLowerCase() ?? null;
  const crm = evidence.url ? crmRecordKey(evidence.url) : null;
  if (crm) return { key: crm, name: name ?? email ?? crm, via: 'crm' };
  const at = email ? email.lastIndexOf('@') : -1;
  if (email && at > 0 && at < email.length - 1) {
    const domain = email.slice(at + 1);
    if (PERSONAL_EMAIL_DOMAINS.has(domain)) {
      return { key: `email:${email}`, name: name ?? email, via: 'email' };
    }
    return { key: `domain:${domain}`, name: domain, via: 'domain' };
  }
  if (name) return { key: `contact:${name.toLowerCase()}`, name, via: 'contact' };
  return null;
}

/** A's 2 follow-ups a week, B's one a week, C's one a month; calls, visits, meetings, emails count. */
export const DEFAULT_CUSTOMER_SETTINGS: Readonly<CustomerSettings> = Object.freeze({
  cadence: {
    A: { times: 2, per: 'week' },
    B: { times: 1, per: 'week' },
    C: { times: 1, per: 'month' },
  },
  followUpMetrics: ['calls', 'visits', 'meetings', 'emails'],
});

/** The team's customer rules: its own when a manager saved them, else the defaults. */
export function customerSettingsOf(settings: Pick<OrgSettings, 'customers'>): CustomerSettings {
  return settings.customers ?? structuredClone(DEFAULT_CUSTOMER_SETTINGS);
}

/** Longest stretch searched for a workday; a calendar with none at all counts every day. */
const MAX_SEARCH_DAYS = 400;

/** The `n`-th workday after `date` (n ≥ 1); plain days when the calendar has no workday. */
export function addWorkdays(date: LocalDate, n: number, cal: WorkCalendar): LocalDate {
  let day = date;
  let left = n;
  for (let i = 0; i < MAX_SEARCH_DAYS * Math.max(1, n); i++) {
    day = addDays(day, 1);
    if (isWorkday(day, cal) && --left === 0) return day;
  }
  return addDays(date, n);
}

/**
 * Workdays in (from, to]: 0 when `to` is not after `from`. Memoised per calendar: a report
 * computes it for thousands of customers over a few distinct days.
 */
export function workdaysAfter(from: LocalDate, to: LocalDate, cal: WorkCalendar): number {
  return memoForCalendar(cal, `customers:after:${from}:${to}`, () => {
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (isWorkday(day, cal)) count++;
    }
    return count;
  });
}

/**
 * Workdays between two follow-ups at this cadence, measured on the period holding the last one:
 * its workdays divided by `times`, rounded down so the period always gets its follow-ups
 * (A, 2 a week on a Mon–Fri week: every 2 workdays; B: every 5; C: every 21 in a 21-workday month).
 */
export function followUpInterval(cadence: Cadence, last: LocalDate, cal: WorkCalendar): number {
  const period = periodContaining(cadence.per, last, cal);
  let workdays = 0;
  for (let day = period.start; day <= period.end; day = addDays(day, 1)) {
    if (isWorkday(day, cal)) workdays++;
  }
  if (workdays === 0) workdays = daysBetween(period.start, period.end) + 1;
  return Math.max(1, Math.floor(workdays / cadence.times));
}

export type DueInput = {
  class: CustomerClass | null;
  /** The last follow-up's day and metric, if any. */
  last: { date: LocalDate; metric: string } | null;
  /**
   * Days with a follow-up in the cadence period holding `last`, its day included (two logs on
   * one day are one follow-up). Left out: 1, which is exact for a cadence of once per period.
   */
  followUps?: number | undefined;
  /** The day the customer appeared (its first log): a classified customer never followed up is due then. */
  since: LocalDate;
  today: LocalDate;
  settings: CustomerSettings;
  cal: WorkCalendar;
};

/** Longest run of periods without a workday that is skipped (a calendar with none at all). */
const MAX_EMPTY_PERIODS = 60;

/** The `n`-th last workday of `period` (n ≥ 1), or null when it has fewer workdays. */
function nthLastWorkday(
  period: { start: LocalDate; end: LocalDate },
  n: number,
  cal: WorkCalendar,
): LocalDate | null {
  let left = n;
  for (let day = period.end; day >= period.start; day = addDays(day, -1)) {
    if (isWorkday(day, cal) && --left === 0) return day;
  }
  return null;
}

/** The first workday of `period`, or null when it has none. */
function firstWorkday(period: { start: LocalDate; end: LocalDate }, cal: WorkCalendar) {
  for (let day = period.start; day <= period.end; day = addDays(day, 1)) {
    if (isWorkday(day, cal)) return day;
  }
  return null;
}

// Local dates compare as strings (YYYY-MM-DD), so no Math.min / Math.max.
const earlier = (a: LocalDate, b: LocalDate) => (a < b ? a : b);
const later = (a: LocalDate, b: LocalDate) => (a < b ? b : a);

/**
 * The day the next follow-up is due after one on `last`, the `followUps`-th of its period:
 * - the period still wants more (fewer than `times`) and has a workday left after `last`: the
 *   spacing day ({@link followUpInterval} workdays on), but no later than the last day the
 *   remaining ones still fit on distinct workdays (A, 2 a week, visited once on Thursday: due
 *   Friday, not Monday);
 * - the period has its follow-ups (or no workday left): in the next period with a workday, on
 *   the spacing day but not before that period starts nor after the day its follow-ups must start
 *   (A visited Monday and Tuesday: due next Monday, not Thursday; C once a month, visited
 *   January 30: due by February's last workday, never skipping February).
 */
export function nextFollowUpDue(
  cadence: Cadence,
  last: LocalDate,
  followUps: number,
  cal: WorkCalendar,
): LocalDate {
  // Memoised per calendar: thousands of customers share a few hundred (day, count) pairs.
  return memoForCalendar(
    cal,
    `customers:next:${cadence.per}:${cadence.times}:${last}:${followUps}`,
    () => computeNextDue(cadence, last, followUps, cal),
  );
}

function computeNextDue(
  cadence: Cadence,
  last: LocalDate,
  followUps: number,
  cal: WorkCalendar,
): LocalDate {
  const spacing = addWorkdays(last, followUpInterval(cadence, last, cal), cal);
  const period = periodContaining(cadence.per, last, cal);
  const nextWorkday = addWorkdays(last, 1, cal);
  if (followUps < cadence.times && nextWorkday <= period.end) {
    const fits = nthLastWorkday(period, cadence.times - followUps, cal);
    return earlier(spacing, fits !== null && fits > last ? fits : nextWorkday);
  }
  let next = periodContaining(cadence.per, addDays(period.end, 1), cal);
  for (let i = 0; i < MAX_EMPTY_PERIODS; i++) {
    const start = firstWorkday(next, cal);
    if (start !== null) {
      const fits = nthLastWorkday(next, cadence.times, cal) ?? start;
      return later(earlier(spacing, fits), start);
    }
    next = periodContaining(cadence.per, addDays(next.end, 1), cal);
  }
  return spacing;
}

/**
 * Where a customer stands today. The next follow-up is due on {@link nextFollowUpDue} (a customer
 * never followed up: on its first workday); it is `due` on that day and on the days off right
 * after, `overdue` once a workday has passed it.
 */
export function customerDue(input: DueInput): CustomerDue {
  const { last, today, cal } = input;
  const lastContact = last?.date ?? null;
  const lastMetric = last?.metric ?? null;
  const followUps = last ? Math.max(1, input.followUps ?? 1) : 0;
  if (input.class === null) {
    return { state: 'none', lastContact, lastMetric, followUps, nextDue: null, overdueDays: 0 };
  }
  const cadence = input.settings.cadence[input.class];
  const nextDue = last
    ? nextFollowUpDue(cadence, last.date, followUps, cal)
    : isWorkday(input.since, cal)
      ? input.since
      : addWorkdays(input.since, 1, cal);
  if (today < nextDue) {
    return { state: 'ok', lastContact, lastMetric, followUps, nextDue, overdueDays: 0 };
  }
  const overdueDays = workdaysAfter(nextDue, today, cal);
  return {
    state: overdueDays > 0 ? 'overdue' : 'due',
    lastContact,
    lastMetric,
    followUps,
    nextDue,
    overdueDays,
  };
}

/** The last follow-up among per-metric last days: the latest day of a follow-up metric. */
export function lastFollowUp(
  perMetric: ReadonlyArray<{ metric: string; lastDate: LocalDate | null }>,
  followUpMetrics: readonly string[],
): { date: LocalDate; metric: string } | null {
  let best: { date: LocalDate; metric: string } | null = null;
  for (const row of perMetric) {
    if (row.lastDate === null || !followUpMetrics.includes(row.metric)) continue;
    if (best === null || row.lastDate > best.date)
      best = { date: row.lastDate, metric: row.metric };
  }
  return best;
}

/** A log made on this device that the server's answer may not reflect yet. */
export type LocalFollowUp = {
  metric: string;
  occurredAt: string;
  source?: { url?: string | undefined } | undefined;
  contact?: { name?: string | undefined; email?: string | undefined } | undefined;
};

/**
 * Every identity a customer answers to, each once: the one it was first derived from, those
 * merged into it (`keys`), and the one on screen when the sidebar looked it up by that.
 */
export function identitiesOf(customer: { key: string; keys?: readonly string[] | undefined }) {
  return [...new Set([customer.key, ...(customer.keys ?? [])])];
}

/**
 * The last follow-up with this device's own new logs applied (the sidebar's overlay, like
 * shared/domain/overlay.ts for the counters): a follow-up log naming the customer moves the last
 * contact to its day, so a visit logged on an overdue customer clears it in the same frame.
 * `keys`: every identity the customer answers to (a merged customer has several: the view's
 * `keys`), or just the one on screen.
 */
export function lastWithLocalLogs(
  last: { date: LocalDate; metric: string } | null,
  keys: string | readonly string[],
  logs: readonly LocalFollowUp[],
  followUpMetrics: readonly string[],
  timeZone: string,
): { date: LocalDate; metric: string } | null {
  return withLocalFollowUps(
    { last, followUps: last ? 1 : 0 },
    keys,
    logs,
    followUpMetrics,
    timeZone,
  ).last;
}

/**
 * {@link lastWithLocalLogs} keeping the count of follow-up days in the last one's period too
 * (the server's `due.followUps`), so the overlay's next due day is the server's rule
 * ({@link nextFollowUpDue}): a later day in the same period adds one, a later period starts at 1.
 * `cadence`: the customer's class's (null: no class, only the last contact moves).
 */
export function withLocalFollowUps(
  server: { last: { date: LocalDate; metric: string } | null; followUps: number },
  keys: string | readonly string[],
  logs: readonly LocalFollowUp[],
  followUpMetrics: readonly string[],
  timeZone: string,
  cadence: { cadence: Cadence; cal: WorkCalendar } | null = null,
): { last: { date: LocalDate; metric: string } | null; followUps: number } {
  const wanted = new Set(typeof keys === 'string' ? [keys] : keys);
  const days = logs
    .filter((log) => followUpMetrics.includes(log.metric))
    .filter((log) => {
      const identity = customerIdentity({
        url: log.source?.url,
        email: log.contact?.email,
        name: log.contact?.name,
      });
      return identity !== null && wanted.has(identity.key);
    })
    .map((log) => ({ date: localDateOf(log.occurredAt, timeZone), metric: log.metric }))
    .sort((a, b) => a.date.localeCompare(b.date));
  let { last, followUps } = server;
  for (const day of days) {
    if (last !== null && day.date < last.date) continue;
    if (last === null || day.date > last.date) {
      const samePeriod =
        last !== null &&
        cadence !== null &&
        periodContaining(cadence.cadence.per, day.date, cadence.cal).start ===
          periodContaining(cadence.cadence.per, last.date, cadence.cal).start;
      followUps = samePeriod ? followUps + 1 : 1;
    }
    last = day;
  }
  return { last, followUps };
}

/** Due list order: overdue first (longest first), then due, then by next due day and name. */
export function byUrgency<T extends { name: string; due: CustomerDue }>(a: T, b: T): number {
  const rank = (d: CustomerDue) => (d.state === 'overdue' ? 0 : d.state === 'due' ? 1 : 2);
  return (
    rank(a.due) - rank(b.due) ||
    b.due.overdueDays - a.due.overdueDays ||
    (a.due.nextDue ?? '').localeCompare(b.due.nextDue ?? '') ||
    a.name.localeCompare(b.name)
  );
}

/** Whether the customer was followed up in the current period of its class's cadence (coverage). */
export function coveredThisPeriod(
  cls: CustomerClass,
  lastContact: LocalDate | null,
  today: LocalDate,
  settings: CustomerSettings,
  cal: WorkCalendar,
): boolean {
  if (lastContact === null) return false;
  const period = periodContaining(settings.cadence[cls].per, today, cal);
  return lastContact >= period.start && lastContact <= period.end;
}
