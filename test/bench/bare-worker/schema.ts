/** The bare worker's only table (created by the bench before it starts the bare worker). */
export const BARE_TABLE_SQL = `CREATE TABLE IF NOT EXISTS bare_events (
  id TEXT PRIMARY KEY NOT NULL, member_id TEXT NOT NULL, metric TEXT NOT NULL,
  quantity INTEGER NOT NULL, occurred_at TEXT NOT NULL, details TEXT NOT NULL)`;
