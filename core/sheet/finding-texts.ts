/**
 * A report's findings said once per distinct content. A 100 000-row plan holds about 300 000 findings
 * in 70 000 objects but only 5 000 distinct texts (the same conflict, the same candidate, row after
 * row); describing and screening each object cost a fifth of writing the report.
 */
import type { Lang } from '../i18n/catalogue.ts';
import { describeFinding } from '../rules/describe.ts';
import type { Finding } from '../rules/findings.ts';
import { MEMO_CAP } from './memo.ts';

/**
 * A step of the walk from a message key through each param's name and value (in the params' order)
 * to the text those make. Values are map keys as they are, so 1000, "1000" and 1000n stay apart, and
 * no text a cell holds can pass for two params. Keys already hashed (names, cell texts) make a walk
 * cheaper than one key built from the whole content, which had to be joined and hashed each time.
 */
interface ContentStep<T> {
  text: T | undefined;
  byName: Map<string, Map<unknown, ContentStep<T>>> | undefined;
}

/** Every step made with both fields, so that a walk meets one shape of step only. */
function newStep<T>(): ContentStep<T> {
  return { text: undefined, byName: undefined };
}

/** The step after `step` for a param, made where it is missing and `grow` allows (else undefined). */
function stepAfter<T>(step: ContentStep<T>, name: string, value: unknown, grow: boolean): ContentStep<T> | undefined {
  let byValue = step.byName?.get(name);
  if (byValue === undefined) {
    if (!grow) return undefined;
    (step.byName ??= new Map()).set(name, (byValue = new Map()));
  }
  let next = byValue.get(value);
  if (next === undefined && grow) byValue.set(value, (next = newStep()));
  return next;
}

/** Findings remembered by identity at most (a 100 000-row plan: 65 000 objects). */
const IDENTITY_CAP = 1 << 18;

/** The text of each content, walked to from a finding's message key and params. */
function contentTexts<T>(lang: Lang, shape: (text: string) => T, cap: number): (f: Finding) => T {
  const byKey = new Map<string, ContentStep<T>>();
  let kept = 0;
  return (f) => {
    const grow = kept < cap;
    let step = byKey.get(f.messageKey);
    if (step === undefined && grow) byKey.set(f.messageKey, (step = newStep()));
    for (const name in f.params) {
      if (step === undefined) break;
      step = stepAfter(step, name, f.params[name], grow);
    }
    if (step?.text !== undefined) return step.text;
    const text = shape(describeFinding(lang, f));
    if (step !== undefined && grow) {
      step.text = text;
      kept++;
    }
    return text;
  };
}

/**
 * `shape` (quoting, screening) of each finding's text in `lang`, made once per distinct content for
 * as long as the writer lives; past `cap` contents a new one is simply made again.
 */
export function findingTexts<T>(lang: Lang, shape: (text: string) => T, cap = MEMO_CAP): (f: Finding) => T {
  const ofContent = contentTexts(lang, shape, cap);
  // Most findings are objects many rows share (a split-purchase window's): one lookup by identity.
  // The texts are shared per content, so remembering each object costs only its entry.
  const byFinding = new Map<Finding, T>();
  return (f) => {
    let text = byFinding.get(f);
    if (text === undefined) {
      text = ofContent(f);
      if (byFinding.size < IDENTITY_CAP) byFinding.set(f, text);
    }
    return text;
  };
}
