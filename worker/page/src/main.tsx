import { render } from 'preact';
import { App } from './app/App.tsx';
import { locale } from './i18n/index.ts';
import './styles.css';
import { TvApp } from './tv/TvApp.tsx';

document.documentElement.lang = locale.value;
const root = document.getElementById('app');
if (!root) throw new Error('missing #app');
// `/tv/<token>` is the read-only TV board; everything else is the signed-in page.
const tvToken = /^\/tv\/([A-Za-z0-9_-]{20,100})\/?$/.exec(location.pathname)?.[1];
render(tvToken ? <TvApp token={tvToken} /> : <App />, root);
