/**
 * The org's team tree as this isolate last read it, keyed by the org's config counter: every team
 * write bumps that counter in its own batch (worker/orgs/version.ts), so teams read under the
 * counter a request sees are that counter's teams. A board that finds them here knows its
 * subtree before anything is read and reads its people and their cached figures at once,
 * instead of first waiting for the tree (worker/leaderboard/service.ts).
 */
import type { TeamRow } from './queries.ts';

/** Orgs remembered per isolate; the oldest is forgotten first. */
const MAX_ORGS = 64;
const known = new Map<string, { configVersion: number; teams: TeamRow[] }>();

/** The org's teams if read under this config counter, else undefined. */
export function knownTeams(orgId: string, configVersion: number): TeamRow[] | undefined {
  const entry = known.get(orgId);
  return entry?.configVersion === configVersion ? entry.teams : undefined;
}

/** Remembers `teams`, read under `configVersion` (a request's counter, read before them). */
export function rememberTeams(orgId: string, configVersion: number, teams: TeamRow[]): TeamRow[] {
  known.delete(orgId);
  known.set(orgId, { configVersion, teams });
  if (known.size > MAX_ORGS) {
    const oldest = known.keys().next().value;
    if (oldest !== undefined) known.delete(oldest);
  }
  return teams;
}
