import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/tokens';

/** The Fluent token names a stylesheet or component uses, from its `var(--token)` references. */
export function usedTokens(sources: readonly string[]): Set<string> {
  const used = new Set<string>();
  for (const source of sources) for (const m of source.matchAll(/var\(--([A-Za-z][A-Za-z0-9]*)\)/g)) used.add(m[1] ?? '');
  return used;
}

/**
 * Fluent 2's light and dark web themes (Microsoft's @fluentui/tokens) as CSS custom properties, only
 * those the pane uses: light on :root, dark under `data-theme="dark"` (set from Office's theme). Made
 * at build time, so the pane ships a few hundred bytes of CSS instead of both theme objects in its script.
 * A name that is not a Fluent token fails the build rather than leaving a colour unset.
 */
export function fluentTokenCss(used: ReadonlySet<string>): string {
  const unknown = [...used].filter((name) => !(name in webLightTheme));
  if (unknown.length > 0) throw new Error(`not Fluent tokens: ${unknown.join(', ')}`);
  const block = (theme: Theme) => [...used].sort().map((name) => `--${name}:${String(theme[name as keyof Theme])};`).join('');
  return `:root{${block(webLightTheme)}}\n:root[data-theme='dark']{${block(webDarkTheme)}}\n`;
}
