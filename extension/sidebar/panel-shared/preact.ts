/** `preact` inside the panel's bundle: the content script's (see ../panel-host.ts). */
import { panelHost } from '../panel-host.ts';

export const { Fragment } = panelHost().preact;
