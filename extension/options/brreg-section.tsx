/**
 * "Build from Enhetsregisteret": choose counties and municipalities, fetch, see the count, the notes
 * and the provenance, then import; the stored query can be run again later.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { shelteredWorkCodes, todayIso, type Translate } from '../../core/index.ts';
import type { BrregBuildSummary } from '../shared/messages.ts';
import { sendMessage } from '../shared/messaging.ts';

const PROGRESS_KEY = 'brregProgress';

interface Progress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

function codes(text: string): string[] {
  return text.split(/[\s,;]+/).filter((s) => s !== '');
}

export function BrregSection({ t, onChange }: { t: Translate; onChange: () => void }) {
  const [counties, setCounties] = useState('');
  const [municipalities, setMunicipalities] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [build, setBuild] = useState<BrregBuildSummary | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [stored, setStored] = useState<{ counties: string[]; municipalities: string[]; url: string } | null>(null);
  const standard = shelteredWorkCodes(todayIso());

  const loadStored = () => void sendMessage({ type: 'brreg/stored' }).then((a) => setStored(a.ok ? a.query : null));
  useEffect(loadStored, []);
  useEffect(() => {
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
      if (area === 'session' && PROGRESS_KEY in changes) setProgress((changes[PROGRESS_KEY]?.newValue as Progress | undefined) ?? null);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);

  const fetchArea = async (area: { counties: string[]; municipalities: string[] }) => {
    const bad = [...area.counties.filter((c) => !/^\d{2}$/.test(c)), ...area.municipalities.filter((m) => !/^\d{4}$/.test(m))];
    if (bad.length > 0) return setMessage({ ok: false, text: t('extension.options.brreg.bad-area', { value: bad[0] }) });
    setBusy(true);
    setBuild(null);
    setMessage(null);
    const answer = await sendMessage({ type: 'brreg/build', ...area });
    setBusy(false);
    setProgress(null);
    if (answer.ok) setBuild(answer.build);
    else if (answer.code === 'brreg') setMessage({ ok: false, text: t(answer.messageKey, answer.params) });
    else setMessage({ ok: false, text: t('extension.error.internal') });
  };

  const importBuild = async () => {
    const answer = await sendMessage({ type: 'brreg/import' });
    setMessage(answer.ok ? { ok: true, text: t('extension.options.brreg.imported', { count: answer.entries }) } : { ok: false, text: t(answer.code === 'storage' ? 'extension.options.import.storage' : 'extension.error.internal') });
    if (answer.ok) setBuild(null);
    loadStored();
    onChange();
  };

  return (
    <section aria-labelledby="brreg-heading" data-testid="brreg-section">
      <h2 id="brreg-heading">{t('extension.options.brreg.heading')}</h2>
      <p class="muted">{t('extension.options.brreg.help', { codes: standard?.codes.join(', ') ?? '', standard: standard?.standard.id ?? '' })}</p>
      <label for="brreg-counties">{t('extension.options.brreg.counties')}</label>
      <input id="brreg-counties" type="text" inputMode="numeric" value={counties} onInput={(e) => setCounties(e.currentTarget.value)} />
      <label for="brreg-municipalities">{t('extension.options.brreg.municipalities')}</label>
      <input id="brreg-municipalities" type="text" inputMode="numeric" value={municipalities} onInput={(e) => setMunicipalities(e.currentTarget.value)} />
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void fetchArea({ counties: codes(counties), municipalities: codes(municipalities) })}>
          {t('extension.options.brreg.fetch')}
        </button>
        {stored && (
          <button type="button" class="secondary" disabled={busy} onClick={() => void fetchArea(stored)}>
            {t('extension.options.brreg.refresh')}
          </button>
        )}
      </div>
      {stored && <p class="muted" data-testid="brreg-stored">{t('extension.options.brreg.stored', { query: [stored.url, ...stored.counties, ...stored.municipalities].join(' · ') })}</p>}
      <div role="status" data-testid="brreg-outcome">
        {busy && progress && <p>{t('cli.registry.progress', { stage: t(`registry.build.stage.${progress.stage}`), done: progress.done, total: progress.total })}</p>}
        {message && <p class={message.ok ? 'ok' : 'error'}>{message.text}</p>}
        {build && (
          <div>
            <p>
              <strong>{t('extension.options.brreg.found', { count: build.counts.suppliers, units: build.counts.units, subUnits: build.counts.subUnits })}</strong>
            </p>
            <p>{t('extension.registry.source', { source: build.provenance.source })}</p>
            <p class="muted">{build.provenance.url}</p>
            <p>{t('registry.build.candidates')}</p>
            {build.notes.map((n, i) => (
              <p key={i} class="error">
                {t(n.messageKey, n.params)}
              </p>
            ))}
          </div>
        )}
      </div>
      {build && build.counts.suppliers > 0 && (
        <button type="button" onClick={() => void importBuild()}>
          {t('extension.options.brreg.import', { count: build.counts.suppliers })}
        </button>
      )}
    </section>
  );
}
