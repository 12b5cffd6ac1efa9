// The domain core: pure rules shared by the worker (authoritative), the leaderboard page and the
// extension (offline, optimistic). ES2023 + Intl only; docs/architecture.md walks through them.
export * from './allocation.ts';
export * from './announcements.ts';
export * from './calendar.ts';
export * from './contests.ts';
export * from './dates.ts';
export * from './defaults.ts';
export * from './errors.ts';
export * from './funnel.ts';
export * from './language.ts';
export * from './leaderboard.ts';
export * from './membership.ts';
export * from './metrics.ts';
export * from './milestones.ts';
export * from './money.ts';
export * from './overlay.ts';
export * from './own.ts';
export * from './pace.ts';
export * from './points.ts';
export * from './progress.ts';
export * from './quotas.ts';
export * from './ratios.ts';
export * from './rounding.ts';
export * from './streaks.ts';
export * from './targets.ts';
export * from './teams.ts';
export * from './tiers.ts';
