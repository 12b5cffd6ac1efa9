/** `preact/jsx-runtime` (and `preact/jsx-dev-runtime`) inside the panel's bundle: the content script's (see ../panel-host.ts). */
import { panelHost } from '../panel-host.ts';

export const { Fragment, jsx, jsxDEV, jsxs } = panelHost().jsxRuntime;
