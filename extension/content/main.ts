/**
 * The content script: on a portal page (or a site the user enabled) it runs one Inkludo session
 * (session.ts) over the page messages. Whatever fails, the page keeps working.
 */
import { sendPageMessage } from '../shared/page-send.ts';
import { portalForHost } from './portals/index.ts';
import { startSession } from './session.ts';

// Frames are left alone; only https pages (the manifest asks for nothing else).
if (window.top === window && location.protocol === 'https:' && document.body) {
  startSession(sendPageMessage, portalForHost(new URL(location.href))).catch((error: unknown) => console.warn('inkludo: content script', error));
}
