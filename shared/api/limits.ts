// The longest text the API takes in each free-text field of a log, in UTF-16 code units (what
// JavaScript's `length` counts). The contract (events.ts) enforces them; the site adapters and
// the manual-log form cut what they read from a page to them, so a long subject or name is
// shortened instead of making the log invalid. Plain numbers, no zod: content scripts import
// this file without pulling the contract's schemas into their bundle.
export const FIELD_LIMITS = Object.freeze({
  /** The app a log was made in ("gmail", "salesforce"). */
  sourceApp: 40,
  /** The thread or record a log was made from: its evidence. */
  sourceUrl: 2048,
  /** The thread's subject or the record's title. */
  sourceTitle: 300,
  contactName: 200,
  /** RFC 5321's longest address. */
  contactEmail: 254,
  note: 500,
});
