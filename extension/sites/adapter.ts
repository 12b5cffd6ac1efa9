/**
 * A site adapter: everything Pacer knows about one web app (where it runs, its selectors in one
 * place, a pure `readRecord`), in one folder with its fixtures and tests. The catalog
 * (catalog.ts) turns each built-in adapter into a content script; the runner
 * (content/run-site.ts) handles SPA navigation, buttons and cleanup.
 */
export interface PageContact {
  name?: string;
  email?: string;
}

/** The thread or record open on the page. */
export interface PageRecord {
  /**
   * The thread or record itself, whoever wrote last in it: what the double-log guard keys on
   * (Gmail's thread id, Outlook's item id, a CRM's `<kind>/<id>`).
   */
  id: string;
  /** Identity of what is shown (thread + latest sender); buttons are rebuilt when it changes. */
  key: string;
  subject: string;
  contact: PageContact;
  /** Link to the thread or record: the log's evidence. */
  url: string;
  /** The log buttons go right after this element. */
  anchor: Element;
}

export interface SiteAdapter {
  /** Stable id, also the event's `source.app` and the key of the per-site on/off setting. */
  id: string;
  name: string;
  /**
   * Manifest match patterns of the pages it runs on: the content script's `matches` and the
   * host permissions asked at install. Empty for the generic adapter (enabled per origin).
   */
  matches: readonly string[];
  /** Reads the open record, or null when none is open. Must be cheap: it runs on DOM changes. */
  readRecord(doc: Document, location: Location): PageRecord | null;
}
