/**
 * A team built for the screen tests through the public API (never the demo seed): a manager, a
 * sub-team with `size` reps (English and Chinese names, one long), a month target split over
 * them (40 % of it to come from new customers), logs with contacts and evidence on the days of
 * this month up to today (the last three reps have none yet), a won deal this month with a new
 * customer, customers classed A, B and C (every third rep also has an A customer last visited 40
 * days ago, before this month's figures, so it is overdue, and a customer who bought then and
 * again this month), a running contest and a TV link.
 */
import type { CreateOrgResponse } from '../../../shared/api/orgs.ts';
import { addDays, localDateOf } from '../../../shared/domain/dates.ts';
import { api } from '../page/support.ts';

const TIMEZONE = 'Asia/Shanghai';
const GIVEN = ['Li', 'Wang', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu'];
const FAMILY = ['Lei', 'Fang', 'Min', 'Jing', 'Wei', 'Yan', 'Tao', 'Qiang', 'Na', 'Jun'];
const CHINESE = ['李娜', '王芳', '张伟', '刘洋', '陈静', '杨帆', '赵敏', '黄磊', '周杰', '吴昊'];

export interface BuiltTeam {
  org: CreateOrgResponse;
  managerToken: string;
  teamId: string;
  reps: { id: string; name: string; token: string }[];
  tvUrl: string;
}

const repName = (i: number) =>
  i === 4
    ? 'Alexandra Montgomery-Castellanos'
    : i % 3 === 2
      ? (CHINESE[i % CHINESE.length] as string)
      : `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 7) % FAMILY.length]}`;

/** The rep's customers named and classed: their client's company by `i`, an old account A. */
async function classCustomers(base: string, token: string, i: number) {
  const { customers } = await api<{ customers: { id: string; key: string }[] }>(
    base,
    'GET',
    '/customers',
    token,
  );
  for (const c of customers) {
    const old = c.key.startsWith('domain:account');
    await api(base, 'PATCH', `/customers/${c.id}`, token, {
      name: old ? `Account ${i}` : `Client ${i} Trading`,
      class: old ? 'A' : (['A', 'B', 'C'] as const)[i % 3],
    });
  }
}

export async function buildTeam(base: string, size: number): Promise<BuiltTeam> {
  const org = await api<CreateOrgResponse>(base, 'POST', '/orgs', undefined, {
    name: 'Acme Trading 华东',
    timezone: TIMEZONE,
    currency: 'CNY',
    manager: { name: 'Zhang Wei', email: 'zhang.wei@example.cn' },
  });
  const managerToken = org.token;
  const sub = await api<{ team: { id: string } }>(base, 'POST', '/teams', managerToken, {
    name: 'East China Sales',
    parentId: org.team.id,
  });
  const teamId = sub.team.id;
  const today = localDateOf(Date.now(), TIMEZONE);
  const monthStart = `${today.slice(0, 8)}01`;
  const reps: BuiltTeam['reps'] = [];
  for (let i = 0; i < size; i++) {
    const invite = await api<{ code: string }>(base, 'POST', '/invites', managerToken, { teamId });
    const name = repName(i);
    const joined = await api<{ member: { id: string }; token: string }>(
      base,
      'POST',
      '/join',
      undefined,
      { code: invite.code, name, email: `rep${i}@example.cn`, timezone: TIMEZONE },
    );
    reps.push({ id: joined.member.id, name, token: joined.token });
    const events: unknown[] = [];
    for (let day = monthStart; day <= today && i < size - 3; day = addDays(day, 1)) {
      // 10:xx in Shanghai: inside the day wherever the test runs.
      const at = `${day}T02:${String(10 + (i % 40)).padStart(2, '0')}:00Z`;
      const contact = { name: `Client ${i}`, email: `client${i}@example.com` };
      const source = {
        app: 'gmail',
        url: `https://mail.google.com/mail/u/0/#inbox/t${i}`,
        title: 'Quote',
      };
      const log = (metric: string, quantity: number) => ({
        id: crypto.randomUUID(),
        metric,
        quantity,
        occurredAt: at,
        contact,
        source,
      });
      events.push(log('calls', 1 + (i % 4)), log('revenue', (size - i) * 150_000));
      if (i % 2 === 0) events.push(log('visits', 1));
    }
    // Won deals: this month with a new customer (its first deal), and, for every third rep,
    // with a customer who also bought before this month (an existing customer).
    const dealThisMonth = new Date(
      Math.min(Date.parse(`${monthStart}T02:05:00Z`), Date.now()),
    ).toISOString();
    const deal = (amount: number, occurredAt: string, email: string) => ({
      id: crypto.randomUUID(),
      metric: 'deals',
      quantity: 1,
      amount,
      occurredAt,
      contact: { name: 'Buyer', email },
    });
    if (i < size - 3) {
      events.push(deal((size - i) * 10_000 * 100, dealThisMonth, `buyer@client${i}.example`));
    }
    if (i < size - 3 && i % 3 === 1) {
      const before = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000).toISOString();
      events.push(
        {
          id: crypto.randomUUID(),
          metric: 'visits',
          quantity: 1,
          occurredAt: before,
          contact: { name: 'Buyer', email: `buyer@account${i}.example` },
        },
        deal(200_000 * 100, before, `buyer@partner${i}.example`),
        deal(300_000 * 100, dealThisMonth, `buyer@partner${i}.example`),
      );
    }
    for (let k = 0; k < events.length; k += 100) {
      await api(base, 'POST', '/events', joined.token, { events: events.slice(k, k + 100) });
    }
    await classCustomers(base, joined.token, i);
  }
  // ¥1.2M per rep for the month (minor units), split equally; 40 % of it from new customers.
  await api(base, 'PUT', '/targets', managerToken, {
    scope: 'team',
    teamId,
    metric: 'revenue',
    period: { kind: 'month', start: monthStart },
    value: size * 1_200_000 * 100,
    split: { mode: 'equal' },
    breakdown: {
      by: 'customer',
      parts: [
        { segment: 'new', value: size * 480_000 * 100 },
        { segment: 'existing', value: size * 720_000 * 100 },
      ],
    },
  });
  await api(base, 'POST', '/contests', managerToken, {
    name: 'Call sprint',
    teamId,
    metric: 'calls',
    start: monthStart,
    end: addDays(today, 6),
    prize: 'Team dinner',
  });
  const link = await api<{ url: string }>(base, 'POST', '/tv-links', managerToken, { teamId });
  return { org, managerToken, teamId, reps, tvUrl: link.url };
}
