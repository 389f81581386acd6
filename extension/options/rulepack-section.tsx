/**
 * The organisation's rule pack addresses, one per country. Saving asks for the host permission of the
 * address's origin (the background fetches it daily) and fetches at once; each address shows its
 * pack's provenance ("Rules: Norway, organisation pack from …, verified by …, fetched …") or why the
 * last fetch failed, with the last good pack kept.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PackSourceState, packSourceView, type Lang, type Translate } from '../../core/index.ts';
import { readPackSources, refreshRulePacks, setPackSource } from '../background/rule-pack-refresh.ts';

const COUNTRIES = ['NO', 'SE'] as const;
type Country = (typeof COUNTRIES)[number];

export function RulePackSection({ lang, t }: { lang: Lang; t: Translate }) {
  const [sources, setSources] = useState<PackSourceState[] | null>(null);
  const [country, setCountry] = useState<Country>('NO');
  const [url, setUrl] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void readPackSources().then(setSources), []);

  const run = async (action: () => Promise<PackSourceState[]>) => {
    setBusy(true);
    try {
      setSources(await action());
    } finally {
      setBusy(false);
    }
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = PackSourceState.shape.url.safeParse(url.trim());
    if (!parsed.success) return setMessage(t('rulepack.source.invalid-url'));
    const origin = new URL(parsed.data).origin;
    if (!(await browser.permissions.request({ origins: [`${origin}/*`] }))) return setMessage(t('rulepack.source.declined', { origin }));
    setMessage(null);
    setUrl('');
    await run(async () => {
      await setPackSource(country, parsed.data);
      return refreshRulePacks(true);
    });
  };

  return (
    <section aria-labelledby="rulepack-heading">
      <h2 id="rulepack-heading">{t('rulepack.source.legend')}</h2>
      <p class="muted">{t('rulepack.source.help')}</p>
      <form onSubmit={(e) => void save(e)}>
        <label for="rulepack-country">{t('rulepack.source.country')}</label>
        <select id="rulepack-country" value={country} onChange={(e) => setCountry(e.currentTarget.value as Country)}>
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {t(`rulepack.country.${c}`)}
            </option>
          ))}
        </select>
        <label for="rulepack-url">{t('rulepack.source.url')}</label>
        <input id="rulepack-url" type="url" placeholder="https://" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <div class="row">
          <button type="submit" disabled={busy}>
            {t('rulepack.source.save')}
          </button>
        </div>
      </form>
      <div role="status" data-testid="rulepack-outcome">
        {message && <p class="error">{message}</p>}
      </div>
      <ul data-testid="rulepack-sources">
        {(sources ?? []).map((s) => {
          const view = packSourceView(lang, s);
          return (
            <li key={s.jurisdiction} data-jurisdiction={s.jurisdiction}>
              <p>{view.provenance}</p>
              <p class={view.failed ? 'error' : 'ok'}>{view.attempt}</p>
              {view.issues.length > 0 && (
                <ul>
                  {view.issues.map((issue, i) => (
                    <li key={i}>{issue}</li>
                  ))}
                </ul>
              )}
              <div class="row">
                <button type="button" class="secondary" disabled={busy} onClick={() => void run(() => refreshRulePacks(true))}>
                  {t('rulepack.source.refresh')}
                </button>
                <button type="button" class="secondary" disabled={busy} onClick={() => void run(() => setPackSource(s.jurisdiction ?? 'NO', null))}>
                  {t('rulepack.source.remove', { country: view.country })}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
