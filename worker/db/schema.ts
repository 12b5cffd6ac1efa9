// Every table, for drizzle-kit and for typed queries.
export * from './activity.ts';
export * from './announcements.ts';
export * from './auth.ts';
export * from './chat.ts';
export * from './contests.ts';
export * from './customer-sales.ts';
export * from './customers.ts';
export * from './honours.ts';
export * from './membership.ts';
export * from './orgs.ts';
export * from './passkeys.ts';
export * from './quotas.ts';
export * from './reviews.ts';
export * from './sessions.ts';
export * from './targets.ts';
