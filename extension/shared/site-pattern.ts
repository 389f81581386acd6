/** `https://example.org/*` for a page address; null for anything but an https page. */
export function sitePattern(pageUrl: string): string | null {
  if (!URL.canParse(pageUrl)) return null;
  const url = new URL(pageUrl);
  return url.protocol === 'https:' ? `${url.origin}/*` : null;
}
