/**
 * A search for written forms of a number (an organisation or personal identity number, with its
 * prefixes, separators and boundaries) that costs what a search for plain digit runs costs: the
 * forms' pattern, with its lookbehinds, alternatives and optional prefixes, is slow to search for
 * through a long text (a page's text nodes read together), and a run of digits every form holds is
 * fast to find. The forms are tried only in the few places before each run.
 */

/**
 * The forms in `text`, leftmost first and each after the last, exactly as `form` with the global flag
 * finds them, provided every match of `form` holds a match of `run` that starts at most `reach`
 * characters after its own start. `run` needs the global flag, `form` the sticky flag.
 */
export function formsNearRuns(text: string, run: RegExp, form: RegExp, reach: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (;;) {
    run.lastIndex = from;
    const found = run.exec(text);
    if (found === null) return out;
    // The leftmost form from `from` starts no earlier than `reach` before the leftmost run.
    let match: RegExpExecArray | null = null;
    for (let at = Math.max(from, found.index - reach); at <= found.index && match === null; at++) {
      form.lastIndex = at;
      match = form.exec(text);
    }
    if (match === null) {
      // No form starts at or before this run: one further on holds a later run.
      from = found.index + 1;
      continue;
    }
    out.push(match);
    from = match.index + match[0].length;
  }
}
