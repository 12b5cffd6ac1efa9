/**
 * The mode of Pacer's shadow roots in the page (the sidebar's and the log buttons'): closed, so
 * the page's scripts cannot reach in (`host.shadowRoot` is null for them) to read the rep's
 * recent logs and progress or to press Pacer's buttons. Test builds made with
 * PACER_TEST_OPEN_SHADOW_ROOTS=1 (wxt.config.ts) open them, so browser tests can find elements by
 * test id; the hostile-page test runs the closed build as shipped.
 */
export const SHADOW_ROOT_MODE: ShadowRootMode = __PACER_SHADOW_ROOT_MODE__;
