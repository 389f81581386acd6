/** The URL the development manifest points at (the local dev server of `npm run start:excel`). */
export const DEV_URL = 'https://localhost:3000';

/**
 * The production base URL from ADDIN_BASE_URL (default: the dev URL), without a trailing slash.
 * Office loads add-ins over https only, so anything else is refused.
 */
export function addinBaseUrl(value: string | undefined): string {
  const url = (value ?? DEV_URL).replace(/\/+$/, '');
  if (!/^https:\/\/[^\s"'<>&]+$/.test(url)) throw new Error(`ADDIN_BASE_URL must be an https URL, got "${url}"`);
  return url;
}

/** The manifest with every dev URL pointing at `baseUrl` instead. */
export function manifestForBaseUrl(xml: string, baseUrl: string): string {
  return xml.replaceAll(DEV_URL, baseUrl);
}
