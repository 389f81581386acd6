/**
 * A report's findings said once per distinct content. A 100 000-row plan holds about 300 000 findings
 * in 70 000 objects but only 5 000 distinct texts (the same conflict, the same candidate, row after
 * row); describing and screening each object cost a fifth of writing the report.
 */
import type { Lang } from '../i18n/catalogue.ts';
import { describeFinding } from '../rules/describe.ts';
import type { Finding } from '../rules/findings.ts';
import { memoizedWhenShared } from '../shared-memo.ts';
import { MEMO_CAP } from './memo.ts';

/**
 * What a finding's text is made of: its message key and its params, each with its type and its
 * length, so that no text a cell holds (control characters included) reads as another param.
 */
function contentKey(f: Finding): string {
  let key = f.messageKey;
  for (const name in f.params) {
    const value = String(f.params[name]);
    key += `\u0000${name}\u0001${typeof f.params[name]}\u0001${value.length}:${value}`;
  }
  return key;
}

/**
 * `shape` (quoting, screening) of each finding's text in `lang`, made once per distinct content for
 * as long as the writer lives; past `cap` contents a text is simply made again.
 */
export function findingTexts<T>(lang: Lang, shape: (text: string) => T, cap = MEMO_CAP): (f: Finding) => T {
  const byContent = new Map<string, T>();
  // A finding shared by many rows skips even the key (a long key costs its flattening and hashing).
  return memoizedWhenShared((f: Finding) => {
    const key = contentKey(f);
    let text = byContent.get(key);
    if (text === undefined) {
      text = shape(describeFinding(lang, f));
      if (byContent.size < cap) byContent.set(key, text);
    }
    return text;
  });
}
