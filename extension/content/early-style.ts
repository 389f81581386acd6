/** Runs at document_start on the same pages as main.ts: adopts the document style while it costs nothing. */
import { documentStyle } from './ui/highlight-style.ts';

if (window.top === window && location.protocol === 'https:') documentStyle(document);
