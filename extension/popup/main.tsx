import '../shared/zod-config.ts';
import { render } from 'preact';
import { Popup } from './popup.tsx';

const root = document.getElementById('app');
if (root) render(<Popup />, root);
