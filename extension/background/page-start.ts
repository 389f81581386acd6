/**
 * `page/start`: what a content script needs before it scans: the user's language and only the
 * messages a page can show in it (so the content script carries no catalogue), the name keys of the
 * registry (hashes of first words, never words or names) and whether the user collapsed the panel on this site.
 */
import { CATALOGUES, nameKeyIndex, type Lang } from '../../core/index.ts';
import { hashesToText } from '../shared/match-text.ts';
import type { PageResponse } from '../shared/page-send.ts';
import type { LoadedRegistry } from './registry-store.ts';

const PAGE_KEY_PREFIX = 'content.';

const pageMessages = new Map<Lang, Record<string, string>>();

/** The `content.*` messages of one language, built once per language. */
export function pageMessagesOf(lang: Lang): Record<string, string> {
  let messages = pageMessages.get(lang);
  if (!messages) {
    messages = Object.fromEntries(Object.entries(CATALOGUES[lang]).filter(([key]) => key.startsWith(PAGE_KEY_PREFIX)));
    pageMessages.set(lang, messages);
  }
  return messages;
}

/** The registry's name keys as the page gets them, hashed once per loaded registry. */
const keyText = new WeakMap<LoadedRegistry, string>();
function nameKeyText(loaded: LoadedRegistry): string {
  let text = keyText.get(loaded);
  if (text === undefined) {
    const { firstWords, maxWords } = loaded.index.nameKeys;
    text = hashesToText(nameKeyIndex(firstWords, maxWords).hashes);
    keyText.set(loaded, text);
  }
  return text;
}

export function pageStart(lang: Lang, loaded: LoadedRegistry | null, collapsed: boolean): PageResponse<'page/start'> {
  return {
    ok: true,
    lang,
    messages: pageMessagesOf(lang),
    hasRegistry: loaded !== null,
    nameKeys: loaded ? { hashes: nameKeyText(loaded), maxWords: loaded.index.nameKeys.maxWords } : { hashes: '', maxWords: 0 },
    collapsed,
  };
}
