// The domain core (spec §2): pure rules shared by the worker (authoritative) and the extension
// (offline, optimistic). ES2023 + Intl only.
export * from './announcements.ts';
export * from './calendar.ts';
export * from './competitions.ts';
export * from './dates.ts';
export * from './defaults.ts';
export * from './errors.ts';
export * from './funnel.ts';
export * from './leaderboard.ts';
export * from './metrics.ts';
export * from './milestones.ts';
export * from './own.ts';
export * from './points.ts';
export * from './progress.ts';
export * from './rounding.ts';
export * from './streaks.ts';
export * from './targets.ts';
export * from './tiers.ts';
