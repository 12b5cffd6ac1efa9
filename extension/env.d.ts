// Build-time globals (import.meta.env.BROWSER, ?inline CSS imports) that WXT's Vite build defines.
/// <reference types="wxt/vite-builder-env" />
