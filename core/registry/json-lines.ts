/**
 * Finds the line of a value inside a JSON text by its path (`["suppliers", 12, "orgnr"]`), so an
 * import issue can point at "line 57" rather than "entry 12". JSON.parse gives no positions, hence
 * this small scanner; it runs only on text that JSON.parse has already accepted.
 */

const MAX_DEPTH = 4;

interface Frame {
  readonly kind: 'object' | 'array';
  /** Null below MAX_DEPTH: nothing there is looked up, and copying ever longer paths would cost depth². */
  readonly path: readonly (string | number)[] | null;
  index: number;
  key: string | null;
  expectKey: boolean;
}

function pathKey(path: readonly (string | number)[]): string {
  return path.join('\u0001');
}

function scan(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const stack: Frame[] = [];
  let line = 1;
  const record = (path: readonly (string | number)[] | null) => {
    if (path && path.length <= MAX_DEPTH && !lines.has(pathKey(path))) lines.set(pathKey(path), line);
  };
  // The path of a value starting now; object values were recorded at their key.
  const valueStarts = (): readonly (string | number)[] | null => {
    const top = stack.at(-1);
    if (!top) return [];
    if (!top.path || top.path.length >= MAX_DEPTH) return null;
    if (top.kind === 'array') {
      const path = [...top.path, top.index];
      record(path);
      return path;
    }
    return [...top.path, top.key ?? ''];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '{' || c === '[') {
      const path = valueStarts();
      stack.push({ kind: c === '{' ? 'object' : 'array', path, index: 0, key: null, expectKey: c === '{' });
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'array') top.index++;
      else if (top) top.expectKey = true;
    } else if (c === ':') {
      const top = stack.at(-1);
      if (top) top.expectKey = false;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        if (top.path && top.path.length < MAX_DEPTH) {
          top.key = JSON.parse(text.slice(i, end + 1)) as string;
          record([...top.path, top.key]);
        }
      } else valueStarts();
      i = end;
    } else if (c !== undefined && !/\s/.test(c)) {
      valueStarts();
      while (i + 1 < text.length && !/[\s,\]}]/.test(text[i + 1] ?? '')) i++;
    }
  }
  return lines;
}

/** A lookup from a path to its line; falls back to the nearest enclosing value that has one. */
export function jsonLineFinder(text: string): (path: readonly PropertyKey[]) => number | undefined {
  let lines: Map<string, number> | null = null;
  return (path) => {
    lines ??= scan(text);
    const parts = path.filter((p): p is string | number => typeof p !== 'symbol');
    for (let n = Math.min(parts.length, MAX_DEPTH); n > 0; n--) {
      const found = lines.get(pathKey(parts.slice(0, n)));
      if (found !== undefined) return found;
    }
    return undefined;
  };
}
