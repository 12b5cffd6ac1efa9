import { describe, expect, it } from 'vitest';
import { calendar } from '../../test/support/arbitraries.ts';
import {
  byUrgency,
  coveredThisPeriod,
  crmRecordKey,
  customerDue,
  customerIdentity,
  customerSettingsOf,
  DEFAULT_CUSTOMER_SETTINGS,
  type DueInput,
  eachDay,
  followUpInterval,
  identitiesOf,
  lastFollowUp,
  lastWithLocalLogs,
  nextFollowUpDue,
  withLocalFollowUps,
} from './index.ts';

describe('customerIdentity: the CRM record in the URL first', () => {
  it('Salesforce: Lightning and Classic links to one record meet on the 15-character id', () => {
    const lightning = crmRecordKey(
      'https://acme.lightning.force.com/lightning/r/Contact/003Ak00000AbCdEIAV/view',
    );
    expect(lightning).toBe('crm:salesforce:003Ak00000AbCdE');
    expect(crmRecordKey('https://acme.my.salesforce.com/003Ak00000AbCdE')).toBe(lightning);
    expect(
      crmRecordKey('https://acme.lightning.force.com/lightning/r/Account/001Ak00000XyZwvIAB/view'),
    ).toBe('crm:salesforce:001Ak00000XyZwv');
    // A list view is no record.
    expect(crmRecordKey('https://acme.lightning.force.com/lightning/o/Contact/list')).toBeNull();
  });

  it('HubSpot: contact, company and deal records, in both URL styles, per portal', () => {
    expect(crmRecordKey('https://app.hubspot.com/contacts/442211/record/0-1/5151')).toBe(
      'crm:hubspot:442211:contact:5151',
    );
    expect(crmRecordKey('https://app-eu1.hubspot.com/contacts/442211/contact/5151/')).toBe(
      'crm:hubspot:442211:contact:5151',
    );
    expect(crmRecordKey('https://app.hubspot.com/contacts/442211/record/0-2/77')).toBe(
      'crm:hubspot:442211:company:77',
    );
    expect(crmRecordKey('https://app.hubspot.com/contacts/442211/record/0-3/9')).toBe(
      'crm:hubspot:442211:deal:9',
    );
    expect(crmRecordKey('https://app.hubspot.com/contacts/442211/objects/0-1/views')).toBeNull();
  });

  it('Pipedrive: person, organization and deal, per company account', () => {
    expect(crmRecordKey('https://acme.pipedrive.com/person/42')).toBe(
      'crm:pipedrive:acme:person:42',
    );
    expect(crmRecordKey('https://acme.pipedrive.com/organization/7/')).toBe(
      'crm:pipedrive:acme:organization:7',
    );
    expect(crmRecordKey('https://other.pipedrive.com/deal/42')).toBe('crm:pipedrive:other:deal:42');
    expect(crmRecordKey('https://acme.pipedrive.com/pipeline/1')).toBeNull();
  });

  it('Zoho CRM: tab URLs and the classic EntityInfo page, .com and .com.cn, Potentials are Deals', () => {
    expect(crmRecordKey('https://crm.zoho.com/crm/org7788/tab/Contacts/4150868000000224005')).toBe(
      'crm:zoho:com:Contacts:4150868000000224005',
    );
    expect(crmRecordKey('https://crm.zoho.com.cn/crm/tab/Accounts/91')).toBe(
      'crm:zoho:com.cn:Accounts:91',
    );
    expect(crmRecordKey('https://crm.zoho.com/crm/EntityInfo.do?module=Potentials&id=12')).toBe(
      'crm:zoho:com:Deals:12',
    );
    expect(crmRecordKey('https://crm.zoho.com/crm/org1/tab/Reports/12')).toBeNull();
  });

  it('names a CRM customer after the record, whatever the contact’s email says', () => {
    expect(
      customerIdentity({
        url: 'https://acme.pipedrive.com/person/42',
        name: '  Ada   Lovelace ',
        email: 'ada@gmail.com',
      }),
    ).toEqual({ key: 'crm:pipedrive:acme:person:42', name: 'Ada Lovelace', via: 'crm' });
  });
});

describe('customerIdentity: else the email, by company domain or per personal address', () => {
  const gmailThread = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQ';

  it('a business address is its company: colleagues meet on the domain', () => {
    const ada = customerIdentity({ url: gmailThread, name: 'Ada', email: 'Ada@Northwind.example' });
    const bob = customerIdentity({ email: 'bob@northwind.example' });
    expect(ada).toEqual({
      key: 'domain:northwind.example',
      name: 'northwind.example',
      via: 'domain',
    });
    expect(bob?.key).toBe(ada?.key);
  });

  it('a personal address is its own customer, for every listed provider', () => {
    for (const domain of [
      'gmail.com',
      'googlemail.com',
      'outlook.com',
      'hotmail.com',
      'live.com',
      'yahoo.com',
      'icloud.com',
      'qq.com',
      '163.com',
      '126.com',
      'sina.com',
      'foxmail.com',
    ]) {
      const one = customerIdentity({ email: `wang@${domain}`, name: '王伟' });
      const two = customerIdentity({ email: `li@${domain}` });
      expect(one).toEqual({ key: `email:wang@${domain}`, name: '王伟', via: 'email' });
      expect(two?.key).toBe(`email:li@${domain}`);
    }
  });

  it('else the contact’s name; nothing at all names no customer', () => {
    expect(customerIdentity({ name: ' Grace  Hopper' })).toEqual({
      key: 'contact:grace hopper',
      name: 'Grace Hopper',
      via: 'contact',
    });
    expect(customerIdentity({ url: 'https://mail.google.com/mail/u/0/#inbox/x' })).toBeNull();
    expect(customerIdentity({ name: '   ' })).toBeNull();
  });
});

// China's National Day 2026: Oct 1–7 off (Thu–Wed), make-up workdays Sun Sep 27 and Sat Oct 10.
const holidays = calendar({
  timezone: 'Asia/Shanghai',
  holidays: eachDay('2026-10-01', '2026-10-07'),
  extraWorkdays: ['2026-09-27', '2026-10-10'],
});
const due = (over: Partial<DueInput>) =>
  customerDue({
    class: 'B',
    last: null,
    since: '2026-09-01',
    today: '2026-12-01',
    settings: customerSettingsOf({}),
    cal: holidays,
    ...over,
  });

describe('customerDue: the next follow-up in workdays of the team calendar', () => {
  it('A (2 a week): every 2 workdays on a Mon–Fri week', () => {
    const last = { date: '2026-11-30', metric: 'visits' };
    expect(due({ class: 'A', last, today: '2026-12-01' })).toEqual({
      state: 'ok',
      lastContact: '2026-11-30',
      lastMetric: 'visits',
      followUps: 1,
      nextDue: '2026-12-02',
      overdueDays: 0,
    });
    expect(due({ class: 'A', last, today: '2026-12-02' }).state).toBe('due');
    expect(due({ class: 'A', last, today: '2026-12-04' })).toMatchObject({
      state: 'overdue',
      overdueDays: 2,
    });
  });

  it('B (1 a week) over a weekend: due Friday stays "due" on Saturday, overdue on Monday', () => {
    const last = { date: '2026-11-27', metric: 'calls' };
    expect(due({ last, today: '2026-12-04' })).toMatchObject({
      state: 'due',
      nextDue: '2026-12-04',
    });
    expect(due({ last, today: '2026-12-05' })).toMatchObject({ state: 'due', overdueDays: 0 });
    expect(due({ last, today: '2026-12-07' })).toMatchObject({ state: 'overdue', overdueDays: 1 });
  });

  it('over the National Day holidays: the week has 3 workdays, due after the break, make-up Saturday counts', () => {
    const last = { date: '2026-09-28', metric: 'visits' };
    expect(followUpInterval({ times: 1, per: 'week' }, '2026-09-28', holidays)).toBe(3);
    expect(due({ last, today: '2026-10-05' })).toMatchObject({
      state: 'ok',
      nextDue: '2026-10-08',
    });
    expect(due({ last, today: '2026-10-09' })).toMatchObject({ state: 'overdue', overdueDays: 1 });
    expect(due({ last, today: '2026-10-10' })).toMatchObject({ overdueDays: 2 });
    expect(due({ last, today: '2026-10-11' })).toMatchObject({ overdueDays: 2 });
    expect(due({ last, today: '2026-10-12' })).toMatchObject({ overdueDays: 3 });
    // A, visited the Wednesday before: floor(3 / 2) = 1 workday, the first one after the break.
    expect(
      due({ class: 'A', last: { date: '2026-09-30', metric: 'calls' }, today: '2026-10-02' }),
    ).toMatchObject({ state: 'ok', nextDue: '2026-10-08' });
  });

  it('C (1 a month): October 2026 has 18 workdays, so due 18 workdays after Oct 9', () => {
    const last = { date: '2026-10-09', metric: 'meetings' };
    expect(followUpInterval({ times: 1, per: 'month' }, '2026-10-09', holidays)).toBe(18);
    expect(due({ class: 'C', last, today: '2026-11-02' })).toMatchObject({
      state: 'ok',
      nextDue: '2026-11-03',
    });
  });

  it('a classified customer never followed up is due on its first workday; no class, no cadence', () => {
    expect(due({ class: 'A', since: '2026-10-03', today: '2026-10-08' })).toMatchObject({
      state: 'due',
      nextDue: '2026-10-08',
      lastContact: null,
    });
    expect(due({ class: null, last: { date: '2026-01-05', metric: 'calls' } })).toEqual({
      state: 'none',
      lastContact: '2026-01-05',
      lastMetric: 'calls',
      followUps: 1,
      nextDue: null,
      overdueDays: 0,
    });
  });

  it('follows a cadence the manager changed', () => {
    const settings = {
      ...DEFAULT_CUSTOMER_SETTINGS,
      cadence: { ...DEFAULT_CUSTOMER_SETTINGS.cadence, A: { times: 5, per: 'week' as const } },
    };
    const last = { date: '2026-11-30', metric: 'calls' };
    expect(due({ class: 'A', last, settings, today: '2026-12-01' }).state).toBe('due');
  });
});

// Hand-checked on the calendar: Mon Nov 30 2026 starts a Mon–Fri week (Sat Dec 5, Sun Dec 6 off).
describe('several follow-ups a period: counted in the period of the last one', () => {
  const A = { times: 2, per: 'week' } as const;
  const C = { times: 1, per: 'month' } as const;
  const visit = (date: string) => ({ date, metric: 'visits' });

  it('A with 1 of 2 this week, on Thursday: due Friday (the spacing alone said Monday)', () => {
    expect(followUpInterval(A, '2026-12-03', holidays)).toBe(2);
    expect(nextFollowUpDue(A, '2026-12-03', 1, holidays)).toBe('2026-12-04');
    expect(
      due({ class: 'A', last: visit('2026-12-03'), followUps: 1, today: '2026-12-04' }),
    ).toMatchObject({ state: 'due', nextDue: '2026-12-04', followUps: 1 });
    // Due on Friday stays "due" over the weekend, overdue on Monday.
    expect(
      due({ class: 'A', last: visit('2026-12-03'), followUps: 1, today: '2026-12-06' }),
    ).toMatchObject({ state: 'due', overdueDays: 0 });
    expect(
      due({ class: 'A', last: visit('2026-12-03'), followUps: 1, today: '2026-12-07' }),
    ).toMatchObject({ state: 'overdue', overdueDays: 1 });
    // Wednesday: the spacing (Friday) is also the last day the second one fits.
    expect(nextFollowUpDue(A, '2026-12-02', 1, holidays)).toBe('2026-12-04');
    // Monday: every 2 workdays, Wednesday.
    expect(nextFollowUpDue(A, '2026-11-30', 1, holidays)).toBe('2026-12-02');
  });

  it('A with 2 of 2 by Tuesday: done for the week, due next Monday (the spacing alone said Thursday)', () => {
    expect(
      due({ class: 'A', last: visit('2026-12-01'), followUps: 2, today: '2026-12-03' }),
    ).toMatchObject({ state: 'ok', nextDue: '2026-12-07', followUps: 2 });
    // Thursday and Friday: next week, 2 workdays on (Tuesday).
    expect(nextFollowUpDue(A, '2026-12-04', 2, holidays)).toBe('2026-12-08');
    // Once on Friday: no workday left this week, so next week's rule, Tuesday too.
    expect(nextFollowUpDue(A, '2026-12-04', 1, holidays)).toBe('2026-12-08');
  });

  it('across the National Day week (Oct 1–7 off, make-up Saturday Oct 10)', () => {
    // Sep 28–Oct 4 has 3 workdays (Mon–Wed): once on Tuesday, the second fits Wednesday.
    expect(nextFollowUpDue(A, '2026-09-29', 1, holidays)).toBe('2026-09-30');
    // Once on Wednesday: none of this week is left, the first workday after the break.
    expect(nextFollowUpDue(A, '2026-09-30', 1, holidays)).toBe('2026-10-08');
    // Twice by Tuesday: done; next week's first workday is Thursday Oct 8, not Wednesday Sep 30.
    expect(nextFollowUpDue(A, '2026-09-29', 2, holidays)).toBe('2026-10-08');
    expect(
      due({ class: 'A', last: visit('2026-09-29'), followUps: 2, today: '2026-10-09' }),
    ).toMatchObject({ state: 'overdue', overdueDays: 1, nextDue: '2026-10-08' });
    // A week off entirely is skipped: due on the first workday of the week after.
    const closed = calendar({
      timezone: 'Asia/Shanghai',
      holidays: eachDay('2026-12-07', '2026-12-13'),
    });
    expect(nextFollowUpDue(A, '2026-12-01', 2, closed)).toBe('2026-12-14');
  });

  it('C once a month never skips a month: visited Fri Jan 29 2027, due by Fri Feb 26 (the spacing said Mar 1)', () => {
    const plain = calendar({ timezone: 'Asia/Shanghai' });
    expect(followUpInterval(C, '2027-01-29', plain)).toBe(21);
    expect(nextFollowUpDue(C, '2027-01-29', 1, plain)).toBe('2027-02-26');
    // Early in the month the spacing comes first: Jan 5 + 21 workdays.
    expect(nextFollowUpDue(C, '2027-01-05', 1, plain)).toBe('2027-02-03');
  });

  it('the sidebar counts its own new follow-ups like the server, and matches every identity of a merged customer', () => {
    const keys = ['domain:acme.example', 'crm:pipedrive:acme:person:42'];
    const logs = [
      {
        metric: 'visits',
        occurredAt: '2026-12-03T02:00:00Z',
        source: { url: 'https://acme.pipedrive.com/person/42' },
      },
    ];
    const server = { last: visit('2026-12-01'), followUps: 1 };
    const rules = { cadence: A, cal: holidays };
    const mine = withLocalFollowUps(server, keys, logs, ['visits'], 'Asia/Shanghai', rules);
    expect(mine).toEqual({ last: visit('2026-12-03'), followUps: 2 });
    expect(nextFollowUpDue(A, '2026-12-03', mine.followUps, holidays)).toBe('2026-12-07');
    // The first identity alone does not name this log's customer.
    expect(
      withLocalFollowUps(server, keys[0] as string, logs, ['visits'], 'Asia/Shanghai', rules),
    ).toEqual(server);
    // A later week starts counting again.
    const lastWeek = { last: visit('2026-11-24'), followUps: 2 };
    expect(withLocalFollowUps(lastWeek, keys, logs, ['visits'], 'Asia/Shanghai', rules)).toEqual({
      last: visit('2026-12-03'),
      followUps: 1,
    });
  });
});

describe('lastFollowUp, order and coverage', () => {
  it('takes the latest day among follow-up metrics only', () => {
    const rows = [
      { metric: 'calls', lastDate: '2026-11-20' },
      { metric: 'revenue', lastDate: '2026-11-29' },
      { metric: 'visits', lastDate: '2026-11-24' },
      { metric: 'emails', lastDate: null },
    ];
    expect(lastFollowUp(rows, ['calls', 'visits', 'emails'])).toEqual({
      date: '2026-11-24',
      metric: 'visits',
    });
    expect(lastFollowUp(rows, ['leads'])).toBeNull();
  });

  it('orders overdue (longest first), then due, then the rest', () => {
    const view = (name: string, state: 'ok' | 'due' | 'overdue', overdueDays = 0) => ({
      name,
      due: {
        state,
        overdueDays,
        lastContact: null,
        lastMetric: null,
        followUps: 0,
        nextDue: '2026-12-01',
      },
    });
    const sorted = [
      view('a', 'ok'),
      view('b', 'due'),
      view('c', 'overdue', 1),
      view('d', 'overdue', 4),
    ]
      .sort(byUrgency)
      .map((v) => v.name);
    expect(sorted).toEqual(['d', 'c', 'b', 'a']);
  });

  it('covers an A customer followed up this week, not one followed up last week', () => {
    const s = customerSettingsOf({});
    expect(coveredThisPeriod('A', '2026-11-30', '2026-12-02', s, holidays)).toBe(true);
    expect(coveredThisPeriod('A', '2026-11-27', '2026-12-02', s, holidays)).toBe(false);
    expect(coveredThisPeriod('C', '2026-11-27', '2026-11-30', s, holidays)).toBe(true);
    expect(coveredThisPeriod('A', null, '2026-12-02', s, holidays)).toBe(false);
  });
});

describe('lastWithLocalLogs: the sidebar applies its own new follow-ups', () => {
  const rec = 'https://acme.pipedrive.com/person/42';
  const follow = DEFAULT_CUSTOMER_SETTINGS.followUpMetrics;
  it('a visit logged on the customer’s record today clears "overdue" at once', () => {
    const server = { date: '2026-11-27', metric: 'calls' };
    const last = lastWithLocalLogs(
      server,
      ['crm:pipedrive:acme:person:42'],
      [
        { metric: 'visits', occurredAt: '2026-12-07T02:00:00Z', source: { url: rec } },
        // Another customer's log and a non-follow-up metric change nothing.
        {
          metric: 'visits',
          occurredAt: '2026-12-08T02:00:00Z',
          contact: { email: 'x@other.example' },
        },
        { metric: 'revenue', occurredAt: '2026-12-08T02:00:00Z', source: { url: rec } },
      ],
      follow,
      'Asia/Shanghai',
    );
    expect(last).toEqual({ date: '2026-12-07', metric: 'visits' });
    expect(
      due({ last: server, today: '2026-12-07', cal: calendar({ timezone: 'Asia/Shanghai' }) })
        .state,
    ).toBe('overdue');
    expect(
      due({ last, today: '2026-12-07', cal: calendar({ timezone: 'Asia/Shanghai' }) }).state,
    ).toBe('ok');
  });

  it('a merged customer: a log on any identity folded into it is a follow-up with it', () => {
    const merged = identitiesOf({
      key: 'domain:initech.example',
      keys: ['domain:initech.example', 'email:peter@gmail.com', 'crm:pipedrive:acme:person:42'],
    });
    expect(merged).toEqual([
      'domain:initech.example',
      'email:peter@gmail.com',
      'crm:pipedrive:acme:person:42',
    ]);
    // Without `keys` (an older server) only the first identity.
    expect(identitiesOf({ key: 'domain:initech.example' })).toEqual(['domain:initech.example']);
    const server = { date: '2026-11-27', metric: 'calls' };
    const at = (metric: string, contact: { email: string }) => ({
      metric,
      occurredAt: '2026-12-07T02:00:00Z',
      contact,
    });
    // The second identity's personal address, then the record: both count.
    expect(
      lastWithLocalLogs(server, merged, [at('calls', { email: 'Peter@gmail.com' })], follow, 'UTC'),
    ).toEqual({ date: '2026-12-07', metric: 'calls' });
    expect(
      lastWithLocalLogs(
        server,
        merged,
        [{ metric: 'visits', occurredAt: '2026-12-06T02:00:00Z', source: { url: rec } }],
        follow,
        'UTC',
      ),
    ).toEqual({ date: '2026-12-06', metric: 'visits' });
    // The first identity only: the log on the merged-in address is someone else's.
    expect(
      lastWithLocalLogs(
        server,
        ['domain:initech.example'],
        [at('calls', { email: 'peter@gmail.com' })],
        follow,
        'UTC',
      ),
    ).toEqual(server);
  });
});
