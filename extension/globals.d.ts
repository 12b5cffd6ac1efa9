/** Set at build time from PACER_API_ORIGINS (wxt.config.ts). */
declare const __PACER_DEFAULT_SERVER__: string;
/** 'closed', or 'open' in test builds (PACER_TEST_OPEN_SHADOW_ROOTS=1; wxt.config.ts). */
declare const __PACER_SHADOW_ROOT_MODE__: ShadowRootMode;
/** True in test builds (PACER_TEST_CLOCK=1; wxt.config.ts): the rhythm's clock can be pinned (platform/clock.ts). */
declare const __PACER_TEST_CLOCK__: boolean;
/** The extension's version, as in its manifest (wxt.config.ts). */
declare const __PACER_VERSION__: string;
