/**
 * CSV exports write amounts in the currency's major units with its own decimals (ISO 4217 via
 * shared/domain/money.ts): 0 for yen, 3 for Bahraini dinar, 2 for yuan. Counts stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { localDateOf } from '../../shared/domain/dates.ts';
import { addMember, call, createOrg, event } from './helpers.ts';

/** The CSV's rows as header-keyed records (the exported names and codes hold no commas). */
function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  const keys = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((key, i) => [key, cells[i] ?? '']));
  });
}

/** An org in `currency` whose one rep logged `revenue` (minor units) and 3 calls a minute ago. */
async function orgWithRevenue(currency: string, revenue: number) {
  const org = await createOrg({ currency });
  const rep = await addMember(org.managerToken, org.rootTeamId, { name: `Rep ${currency}` });
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  const logged = await call('POST', '/events', {
    token: rep.token,
    body: {
      events: [
        event({ metric: 'revenue', quantity: revenue, occurredAt }),
        event({ metric: 'calls', quantity: 3, occurredAt }),
      ],
    },
  });
  expect(logged.body.results.map((r: { status: string }) => r.status)).toEqual([
    'created',
    'created',
  ]);
  const day = localDateOf(new Date(occurredAt), 'Europe/Berlin');
  return { org, rep, day };
}

async function exported(token: string, path: string): Promise<Record<string, string>[]> {
  const res = await call('GET', path, { token });
  expect(res.status).toBe(200);
  return rows(res.body as string);
}

describe('CSV exports: money in the currency’s own units', () => {
  for (const [currency, minor, shown, zero] of [
    ['JPY', 1500, '1500', '0'],
    ['BHD', 1_234_567, '1234.567', '0.000'],
    ['CNY', 125_050, '1250.50', '0.00'],
  ] as const) {
    it(`${currency}: events and leaderboard write ${minor} minor units as ${shown}`, async () => {
      const { org, rep, day } = await orgWithRevenue(currency, minor);
      const events = await exported(
        org.managerToken,
        `/export/events.csv?team=${org.rootTeamId}&from=${day}&to=${day}`,
      );
      const revenue = events.find((e) => e.metric === 'revenue');
      const calls = events.find((e) => e.metric === 'calls');
      expect(revenue).toMatchObject({ quantity: shown, currency });
      expect(calls).toMatchObject({ quantity: '3', currency: '' });

      const board = await exported(
        org.managerToken,
        `/export/leaderboard.csv?team=${org.rootTeamId}&period=month&date=${day}`,
      );
      const row = board.find((e) => e.member_id === rep.id);
      expect(row).toMatchObject({ achieved: shown, target: zero, currency });
      const byRevenue = await exported(
        org.managerToken,
        `/export/leaderboard.csv?team=${org.rootTeamId}&period=month&date=${day}&by=revenue`,
      );
      expect(byRevenue.find((e) => e.member_id === rep.id)).toMatchObject({
        value_revenue: shown,
      });
      const byCalls = await exported(
        org.managerToken,
        `/export/leaderboard.csv?team=${org.rootTeamId}&period=month&date=${day}&by=calls`,
      );
      expect(byCalls.find((e) => e.member_id === rep.id)).toMatchObject({ value_calls: '3' });
    });
  }
});
