import { render } from 'preact';
import { Popup } from '../../popup/Popup.tsx';
import '../../ui/pages.css';

render(<Popup />, document.getElementById('app') as HTMLElement);
