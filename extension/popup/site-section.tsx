/**
 * Enable on this site: asks for the origin's host permission; the background then registers the
 * content script there (background/site-scripts.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Translate } from '../../core/index.ts';
import { sitePattern } from '../shared/site-pattern.ts';
import { disableSite, enableSite, enabledSites, isPortal } from '../shared/sites.ts';

type SiteState = 'unsupported' | 'portal' | 'off' | 'on' | 'declined';

export function SiteSection({ url, t }: { url: string | undefined; t: Translate }) {
  const pattern = url ? sitePattern(url) : null;
  const site = url && pattern ? new URL(url).host : '';
  const [state, setState] = useState<SiteState | null>(null);

  useEffect(() => {
    if (!url || !pattern) return setState('unsupported');
    if (isPortal(url)) return setState('portal');
    void Promise.all([enabledSites(), browser.permissions.contains({ origins: [pattern] })]).then(([sites, granted]) =>
      setState(sites.includes(pattern) && granted ? 'on' : 'off'),
    );
  }, [url, pattern]);

  const enable = async () => {
    if (pattern) setState((await enableSite(pattern)) ? 'on' : 'declined');
  };
  const disable = async () => {
    if (!pattern) return;
    await disableSite(pattern);
    setState('off');
  };

  return (
    <section aria-labelledby="site-heading">
      <h2 id="site-heading">{t('extension.popup.site.heading')}</h2>
      {state === 'unsupported' && <p class="muted">{t('extension.popup.site.unsupported')}</p>}
      {state === 'portal' && <p>{t('extension.popup.site.portal', { site })}</p>}
      {(state === 'off' || state === 'declined') && (
        <>
          {state === 'declined' && <p role="status">{t('extension.popup.site.declined', { site })}</p>}
          <button type="button" onClick={() => void enable()}>
            {t('extension.popup.site.enable', { site })}
          </button>
        </>
      )}
      {state === 'on' && (
        <>
          <p role="status">
            {t('extension.popup.site.enabled', { site })} {t('extension.popup.site.reload')}
          </p>
          <button type="button" class="secondary" onClick={() => void disable()}>
            {t('extension.popup.site.disable', { site })}
          </button>
        </>
      )}
    </section>
  );
}
