/**
 * A site adapter: everything Pacer knows about one web app, in one module. Adding a site means
 * one file exporting a SiteAdapter (its selectors in one place, a pure `readRecord`) plus its
 * fixture test; the generic runner (run-site.ts) handles SPA navigation, buttons and cleanup.
 */
export interface PageContact {
  name?: string;
  email?: string;
}

/** The thread or record open on the page. */
export interface PageRecord {
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
  /** Reads the open record, or null when none is open. Must be cheap: it runs on DOM changes. */
  readRecord(doc: Document, location: Location): PageRecord | null;
}
