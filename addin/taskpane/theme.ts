export type ThemeMode = 'light' | 'dark';

/** Relative luminance of a `#rrggbb` colour (WCAG), or null when it is not one. */
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Light or dark, as Office shows itself. `Office.context.officeTheme` is part of the common API (no
 * requirement set) but missing on some hosts and versions, and `isDarkTheme` is newer than the colours:
 * so the flag when there is one, else the body colour, else light.
 */
export function officeThemeMode(theme: Partial<Office.OfficeTheme> | undefined): ThemeMode {
  if (typeof theme?.isDarkTheme === 'boolean') return theme.isDarkTheme ? 'dark' : 'light';
  const l = theme?.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : null;
  return l !== null && l < 0.2 ? 'dark' : 'light';
}

/**
 * Switches the pane to Fluent's light or dark tokens (virtual:fluent-tokens.css holds both; the dark
 * ones apply under `data-theme="dark"`), and the browser's own controls with them.
 */
export function applyTheme(mode: ThemeMode, root: HTMLElement = document.documentElement): void {
  root.dataset['theme'] = mode;
  root.style.colorScheme = mode;
}
