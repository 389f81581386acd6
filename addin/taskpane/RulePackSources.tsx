import { useState } from 'preact/hooks';
import { PackSourceState, newPackSource, packSourceView, type Lang, type Translate } from '../../core/index.ts';

const COUNTRIES = ['NO', 'SE'] as const;

interface Props {
  readonly sources: readonly PackSourceState[];
  readonly lang: Lang;
  readonly t: Translate;
  readonly busy: boolean;
  /** New sources (saved or removed); `fetch` asks for an immediate fetch of them. */
  readonly onChange: (sources: readonly PackSourceState[], fetch: boolean) => void;
}

/**
 * The organisation's rule pack addresses, one per country, fetched once a day: each shows where its
 * pack came from, who verified it and when it was fetched, or why the last fetch failed.
 */
export function RulePackSources({ sources, lang, t, busy, onChange }: Props) {
  const [country, setCountry] = useState<(typeof COUNTRIES)[number]>('NO');
  const [url, setUrl] = useState('');
  const [invalid, setInvalid] = useState(false);

  const save = (event: Event) => {
    event.preventDefault();
    const parsed = PackSourceState.shape.url.safeParse(url.trim());
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    setUrl('');
    onChange([...sources.filter((s) => s.jurisdiction !== country), newPackSource(country, parsed.data)], true);
  };

  return (
    <div id="rulepack-sources">
      <p>
        <strong>{t('rulepack.source.legend')}</strong>
      </p>
      <p class="hint">{t('rulepack.source.help')}</p>
      <form onSubmit={save}>
        <label for="rulepack-source-country">{t('rulepack.source.country')}</label>
        <select id="rulepack-source-country" value={country} onChange={(e) => setCountry(e.currentTarget.value as (typeof COUNTRIES)[number])}>
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {t(`rulepack.country.${c}`)}
            </option>
          ))}
        </select>
        <label for="rulepack-source-url">{t('rulepack.source.url')}</label>
        <input id="rulepack-source-url" type="url" placeholder="https://" value={url} onInput={(e) => setUrl(e.currentTarget.value)} aria-invalid={invalid} />
        <button type="submit" disabled={busy}>
          {t('rulepack.source.save')}
        </button>
        {invalid && (
          <p role="alert" class="error">
            {t('rulepack.source.invalid-url')}
          </p>
        )}
      </form>
      <ul>
        {sources.map((s) => {
          const view = packSourceView(lang, s);
          return (
            <li key={s.jurisdiction} data-jurisdiction={s.jurisdiction} class="rulepack-source">
              <p class="provenance">{view.provenance}</p>
              <p role="status" class={view.failed ? 'error' : undefined}>
                {view.attempt}
              </p>
              {view.issues.length > 0 && (
                <ul class="problems">
                  {view.issues.map((issue, i) => (
                    <li key={i}>{issue}</li>
                  ))}
                </ul>
              )}
              <button type="button" disabled={busy} onClick={() => onChange(sources, true)}>
                {t('rulepack.source.refresh')}
              </button>{' '}
              <button type="button" disabled={busy} onClick={() => onChange(sources.filter((x) => x !== s), false)}>
                {t('rulepack.source.remove', { country: view.country })}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
