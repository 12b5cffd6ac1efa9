/** The panel's bundle renders the panel with its own Preact (see ../panel-host.ts). */
import { render } from 'preact';
// Preact's signals integration, for its side effect: a component re-renders when a signal it
// read (the store's, shared with the content script) changes.
import '@preact/signals';
import type { PanelProps } from '../panel-host.ts';
import { Panel } from './Panel.tsx';

export function mountPanel(container: HTMLElement, props: PanelProps): () => void {
  render(<Panel store={props.store} app={props.app} />, container);
  return () => render(null, container);
}
