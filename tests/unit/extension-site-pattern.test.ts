import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PORTAL_MATCHES } from '../../manifests/extension.manifest.ts';
import { sitePattern } from '../../extension/shared/site-pattern.ts';

describe('site pattern for "enable on this site"', () => {
  it('asks for the page origin only, whatever the path, query or port', () => {
    expect(sitePattern('https://innkjop.kommune.example/anbud/123?side=2#lot-1')).toBe('https://innkjop.kommune.example/*');
    expect(sitePattern('https://example.org:8443/x')).toBe('https://example.org:8443/*');
    expect(sitePattern('https://user:secret@example.org/')).toBe('https://example.org/*');
  });

  it('offers nothing for plain http, extension pages, files or non-URLs', () => {
    for (const url of ['http://example.org/', 'chrome-extension://abc/popup.html', 'moz-extension://abc/x', 'file:///tmp/a.html', 'about:blank', 'not a url', '']) {
      expect(sitePattern(url)).toBeNull();
    }
  });

  it('gives the same pattern the manifest uses for every supported portal', () => {
    for (const match of PORTAL_MATCHES) expect(sitePattern(match.replace('*', 'some/page'))).toBe(match);
  });

  it('never throws, and any pattern it gives is an https origin pattern', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl()), (url) => {
        const pattern = sitePattern(url);
        if (pattern !== null) expect(pattern).toMatch(/^https:\/\/[^/]+\/\*$/);
      }),
    );
  });
});
