/** The flag next to page text that states a reservation (recognised from the text, no notice XML). */
import type { Translate } from '../../../core/index.ts';
import type { FlagKind } from '../scan/scanner.ts';
import { createHost, el } from './host.ts';

const CSS = `
.flag{font:600 11px/1.4 system-ui,sans-serif;border-radius:4px;padding:1px 6px;margin:0 4px;display:inline-block}
.work-integration,.sheltered-execution{background:#14532d;color:#fff}
.public-service-mission{background:#e7f0fb;color:#153e75;border:1px solid #6b8fc4}
`;

/**
 * `data-reservation` tells the kinds apart: `work-integration` (res-ws wording, the 30 % rule),
 * `sheltered-execution` (BT-736 yes), `public-service-mission` (res-pub-ser wording, which is not a
 * sheltered-workshop reservation and is styled differently).
 */
export function reservedFlag(kind: FlagKind, phrase: string, t: Translate, doc: Document = document): HTMLElement {
  const { host, shadow } = createHost('inkludo-flag', 'reserved', CSS, doc);
  host.setAttribute('data-reservation', kind);
  host.setAttribute('data-phrase', phrase);
  const flag = el(doc, 'span', { class: `flag ${kind}`, role: 'note' }, t(`content.reserved.${kind}`));
  flag.title = t('content.reserved.from-text');
  shadow.append(flag);
  return host;
}
