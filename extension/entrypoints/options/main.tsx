import { render } from 'preact';
import { Options } from '../../options/Options.tsx';
import '../../ui/pages.css';

render(<Options />, document.getElementById('app') as HTMLElement);
