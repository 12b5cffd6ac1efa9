/**
 * Imported first by each content script, so the mark is set by the first line of the bundle
 * that runs: the bench's sidebar start then includes the evaluation of everything else (the
 * bundle's libraries, tables and components), not only what main() does.
 */
performance.mark('pacer:script-start');
