/**
 * "Build from Enhetsregisteret" in the task pane: core's build through core's polite client with the
 * pane's fetch (data.brreg.no is declared in the manifest's AppDomains and answers CORS requests).
 * The count and the provenance are shown before anything is imported. Where the Office host refuses
 * the request, the pane says so and points to the CLI.
 */
import { useState } from 'preact/hooks';
import { BRREG_API_URL, BrregError, brregClient, buildFromBrreg, shelteredWorkCodes, todayIso, type BrregBuild, type Registry, type Translate } from '../../core/index.ts';

interface Props {
  readonly t: Translate;
  readonly onImport: (registry: Registry) => void;
}

function codes(text: string): string[] {
  return text.split(/[\s,;]+/).filter((s) => s !== '');
}

export function BrregBuildSection({ t, onImport }: Props) {
  const [area, setArea] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState('');
  const [built, setBuilt] = useState<BrregBuild | null>(null);
  const [error, setError] = useState<{ text: string; cli: boolean } | null>(null);
  const standard = shelteredWorkCodes(todayIso());

  const fetchArea = async () => {
    const chosen = codes(area);
    const bad = chosen.find((c) => !/^\d{2}(?:\d{2})?$/.test(c));
    if (bad !== undefined) return setError({ text: t('extension.options.brreg.bad-area', { value: bad }), cli: false });
    if (!standard) return setError({ text: t('cli.registry.no-standard', { date: todayIso() }), cli: true });
    setBusy(true);
    setBuilt(null);
    setError(null);
    const get = brregClient({ fetch: (url, init) => fetch(url, init), wait: (ms) => new Promise((r) => setTimeout(r, ms)), now: () => Date.now() });
    try {
      const query = { industryCodes: standard.codes, counties: chosen.filter((c) => c.length === 2), municipalities: chosen.filter((c) => c.length === 4), orgForms: [] };
      setBuilt(
        await buildFromBrreg(query, {
          baseUrl: BRREG_API_URL,
          get,
          retrieved: todayIso(),
          onProgress: (p) => setProgress(t('cli.registry.progress', { stage: t(`registry.build.stage.${p.stage}`), done: p.done, total: p.total })),
        }),
      );
    } catch (failure) {
      if (!(failure instanceof BrregError)) throw failure;
      setError({ text: t(`registry.brreg.error.${failure.code}`, { url: failure.url, status: failure.status ?? '', ...failure.detail }), cli: failure.code === 'network' });
    } finally {
      setBusy(false);
      setProgress('');
    }
  };

  return (
    <div id="brreg-build">
      <label for="brreg-area">{t('addin.registry.brreg-area')}</label>
      <input id="brreg-area" type="text" inputMode="numeric" value={area} onInput={(e) => setArea(e.currentTarget.value)} aria-describedby="brreg-help" />
      <p id="brreg-help" class="hint">
        {t('extension.options.brreg.help', { codes: standard?.codes.join(', ') ?? '', standard: standard?.standard.id ?? '' })}
      </p>
      <button type="button" id="brreg-fetch" disabled={busy} onClick={() => void fetchArea()}>
        {t('extension.options.brreg.fetch')}
      </button>
      <div role="status" id="brreg-outcome">
        {busy && progress && <p>{progress}</p>}
        {error && <p class="problems error">{error.text}</p>}
        {error?.cli && <p class="hint">{t('addin.registry.brreg-cli')}</p>}
        {built && (
          <>
            <p>{t('extension.options.brreg.found', { count: built.counts.suppliers, units: built.counts.units, subUnits: built.counts.subUnits })}</p>
            <p>{t('extension.registry.source', { source: built.registry.provenance.source })}</p>
            <p class="hint">{built.registry.provenance.url}</p>
            <p class="hint">{t('registry.build.candidates')}</p>
            {built.notes.map((n, i) => (
              <p key={i} class="problems error">
                {t(n.messageKey, n.params)}
              </p>
            ))}
          </>
        )}
      </div>
      {built && built.counts.suppliers > 0 && (
        <button
          type="button"
          id="brreg-import"
          onClick={() => {
            onImport(built.registry);
            setBuilt(null);
          }}
        >
          {t('extension.options.brreg.import', { count: built.counts.suppliers })}
        </button>
      )}
    </div>
  );
}
