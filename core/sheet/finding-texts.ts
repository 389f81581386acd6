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
interface ContentStep {
  text: DescribedFinding | undefined;
  byName: Map<string, Map<unknown, ContentStep>> | undefined;
}

/** Every step made with both fields, so that a walk meets one shape of step only. */
function newStep(): ContentStep {
  return { text: undefined, byName: undefined };
}

/** The step after `step` for a param, made where it is missing and `grow` allows (else undefined). */
function stepAfter(step: ContentStep, name: string, value: unknown, grow: boolean): ContentStep | undefined {
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

/** A finding's text in a language: one object per distinct content while the contents are kept. */
export interface DescribedFinding {
  readonly text: string;
  /** What each writer of the contents made of the text, in the writer's slot (findingTexts). */
  readonly shaped: unknown[];
}

/**
 * A report's findings by content, in `lang`: each distinct content described once (walked to from
 * its message key and params), and a finding met before found by identity. Writers of the same
 * report (its JSON lines and its results sheet) can share one, so that the walk is made once; past
 * `cap` contents a text is simply made again.
 */
export class FindingContents {
  private readonly byKey = new Map<string, ContentStep>();
  private readonly byFinding = new Map<Finding, DescribedFinding>();
  private kept = 0;
  private writers = 0;

  constructor(
    readonly lang: Lang,
    private readonly cap = MEMO_CAP,
  ) {}

  /** A slot for a writer's shapes of the texts (findingTexts). */
  newSlot(): number {
    return this.writers++;
  }

  of(f: Finding): DescribedFinding {
    let described = this.byFinding.get(f);
    if (described === undefined) {
      described = this.walk(f);
      if (this.byFinding.size < IDENTITY_CAP) this.byFinding.set(f, described);
    }
    return described;
  }

  private walk(f: Finding): DescribedFinding {
    const grow = this.kept < this.cap;
    let step = this.byKey.get(f.messageKey);
    if (step === undefined && grow) this.byKey.set(f.messageKey, (step = newStep()));
    for (const name in f.params) {
      if (step === undefined) break;
      step = stepAfter(step, name, f.params[name], grow);
    }
    if (step?.text !== undefined) return step.text;
    const described = { text: describeFinding(this.lang, f), shaped: [] };
    if (step !== undefined && grow) {
      step.text = described;
      this.kept++;
    }
    return described;
  }
}

/**
 * `shape` (quoting, screening) of each finding's text in the contents' language, made once per
 * distinct content for as long as the writer lives.
 */
export function findingTexts<T>(contents: FindingContents, shape: (text: string) => T): (f: Finding) => T {
  // Kept on the described text itself: one look-up per finding (by identity), not a second by content.
  const slot = contents.newSlot();
  return (f) => {
    const described = contents.of(f);
    let text = described.shaped[slot] as T | undefined;
    if (text === undefined) described.shaped[slot] = text = shape(described.text);
    return text;
  };
}
