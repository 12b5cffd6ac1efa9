// The domain core (spec §2): pure rules shared by the worker (authoritative) and the extension
// (offline, optimistic). ES2023 + Intl only.
export * from './calendar.ts';
export * from './dates.ts';
export * from './rounding.ts';
export * from './targets.ts';
