// The API contract: every request and response body of /api/v1, shared by the worker
// (validation, OpenAPI) and the extension and page (typed client).
export * from './announcements.ts';
export * from './chat.ts';
export * from './common.ts';
export * from './contests.ts';
export * from './customers.ts';
export * from './events.ts';
export * from './honours.ts';
export * from './limits.ts';
export * from './orgs.ts';
export * from './page.ts';
export * from './passkeys.ts';
export * from './progress.ts';
export * from './quotas.ts';
export * from './reviews.ts';
export * from './settings.ts';
export * from './target-history.ts';
export * from './targets.ts';
