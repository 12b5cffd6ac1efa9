/** Set at build time from PACER_API_ORIGINS (wxt.config.ts). */
declare const __PACER_DEFAULT_SERVER__: string;
