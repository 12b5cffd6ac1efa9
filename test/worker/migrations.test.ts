/**
 * Data migrations run on rows written in the old shape. The schema changes themselves are
 * exercised by every other worker test (they run on the migrated database); here the statements
 * that rewrite stored data are replayed, as written in the migration, on rows put back in the
 * shape the previous version stored.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { call, createOrg } from './helpers.ts';

const migration = (prefix: string) => {
  const found = env.TEST_MIGRATIONS.find((m) => m.name.startsWith(prefix));
  if (!found) throw new Error(`no migration ${prefix}`);
  return found;
};

/** The migration's statements that rewrite rows (not the table and index changes). */
const dataStatements = (prefix: string) =>
  migration(prefix).queries.filter((q) => /^UPDATE\b/im.test(q.replace(/^--.*$/gm, '').trim()));

describe('0015: "contest" in stored kinds and settings', () => {
  it('renames the announcement kind and field and the setting, keeping their values', async () => {
    const off = await createOrg();
    const on = await createOrg();
    // As the previous version stored them (an org without announcement settings keeps none).
    const stored = (won: boolean) =>
      JSON.stringify({
        dealAmountAtLeast: 100_000,
        tierReached: true,
        streakRecord: false,
        milestoneReached: true,
        competitionWon: won,
      });
    const setOld = env.DB.prepare(
      `UPDATE orgs SET settings = json_set(settings, '$.announcements', json(?)) WHERE id = ?`,
    );
    await env.DB.batch([
      setOld.bind(stored(false), off.orgId),
      setOld.bind(stored(true), on.orgId),
    ]);
    const untouched = await createOrg();
    const insert = env.DB.prepare(
      `INSERT INTO announcements (org_id, key, kind, member_id, team_id, member_name, payload, created_at)
       VALUES (?, ?, ?, 'm', 't', 'Ada', ?, '2026-11-30T10:00:00Z')`,
    );
    await env.DB.batch([
      insert.bind(
        off.orgId,
        'won:old',
        'competition_won',
        '{"competition":"Sprint","teamName":"East"}',
      ),
      insert.bind(off.orgId, 'big:old', 'big_deal', '{"metric":"revenue","amount":5}'),
    ]);
    const before = await env.DB.prepare('SELECT id, version, config_version FROM orgs WHERE id = ?')
      .bind(off.orgId)
      .first<{ version: number; config_version: number }>();

    const statements = dataStatements('0015_');
    expect(statements.length).toBeGreaterThan(0);
    for (const sql of statements) await env.DB.prepare(sql).run();

    const settingsOf = async (orgId: string) =>
      JSON.parse(
        (
          await env.DB.prepare('SELECT settings FROM orgs WHERE id = ?').bind(orgId).first<{
            settings: string;
          }>()
        )?.settings ?? '{}',
      ).announcements;
    expect(await settingsOf(off.orgId)).toEqual({
      dealAmountAtLeast: 100_000,
      tierReached: true,
      streakRecord: false,
      milestoneReached: true,
      contestWon: false,
    });
    expect(await settingsOf(on.orgId)).toMatchObject({ contestWon: true });
    expect(await settingsOf(untouched.orgId)).toBeUndefined();
    // The API reads the migrated setting (not its default, true).
    const org = await call('GET', '/org', { token: off.managerToken });
    expect(org.body.org.settings.announcements.contestWon).toBe(false);

    const rows = await env.DB.prepare(
      'SELECT key, kind, payload FROM announcements WHERE org_id = ? ORDER BY key',
    )
      .bind(off.orgId)
      .all<{ key: string; kind: string; payload: string }>();
    expect(rows.results.map((r) => ({ ...r, payload: JSON.parse(r.payload) }))).toEqual([
      { key: 'big:old', kind: 'big_deal', payload: { metric: 'revenue', amount: 5 } },
      { key: 'won:old', kind: 'contest_won', payload: { contest: 'Sprint', teamName: 'East' } },
    ]);
    // Every change token moves, so clients holding old-shaped answers fetch them again.
    const after = await env.DB.prepare('SELECT version, config_version FROM orgs WHERE id = ?')
      .bind(off.orgId)
      .first<{ version: number; config_version: number }>();
    expect(after?.version).toBeGreaterThan(before?.version ?? Infinity);
    expect(after?.config_version).toBeGreaterThan(before?.config_version ?? Infinity);
  });
});
