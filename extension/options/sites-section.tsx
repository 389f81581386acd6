/** The sites the user enabled from the popup, each with a way to turn it off again. */
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../../core/index.ts';
import { disableSite, enabledSites } from '../shared/sites.ts';

export function SitesSection({ t }: { t: Translate }) {
  const [sites, setSites] = useState<string[]>([]);
  const reload = () => void enabledSites().then(setSites);
  useEffect(reload, []);
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('extension.options.sites.heading')}</h2>
      {sites.length === 0 ? (
        <p class="muted">{t('extension.options.sites.none')}</p>
      ) : (
        <ul>
          {sites.map((pattern) => {
            const site = pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
            return (
              <li key={pattern}>
                {site}{' '}
                <button type="button" class="secondary" onClick={() => void disableSite(pattern).then(reload)}>
                  {t('extension.options.sites.remove', { site })}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
