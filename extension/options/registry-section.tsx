/** Import, export, demo data and removal of the registry. */
import { useState } from 'preact/hooks';
import type { Translate } from '../../core/index.ts';
import demoRegistryCsv from '../../samples/registry.demo.csv?raw';
import type { LineIssueMessage, RegistryStatus } from '../shared/messages.ts';
import { sendMessage } from '../shared/messaging.ts';
import { IssueList } from '../ui/issue-list.tsx';
import { RegistrySummary } from '../ui/registry-summary.tsx';
import { downloadText } from './download.ts';

const MAX_FILE_BYTES = 50_000_000;

interface Outcome {
  readonly ok: boolean;
  readonly message: string;
  readonly errors: readonly LineIssueMessage[];
  readonly warnings: readonly LineIssueMessage[];
  /** A refused plain list whose errors are all single lines: offered as "Import the N valid lines". */
  readonly retry?: { readonly text: string; readonly filename: string; readonly validLines: number };
}

export function RegistrySection({ status, t, onChange }: { status: RegistryStatus; t: Translate; onChange: () => void }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const [source, setSource] = useState('');
  const [retrieved, setRetrieved] = useState('');
  const [pasted, setPasted] = useState('');

  const importText = async (text: string, filename: string, demo: boolean, validLinesOnly = false) => {
    const list = { ...(source.trim() !== '' ? { source: source.trim() } : {}), ...(/^\d{4}-\d{2}-\d{2}$/.test(retrieved) ? { retrieved } : {}) };
    const answer = await sendMessage({ type: 'registry/import', text, filename, demo, ...(demo ? {} : list), validLinesOnly });
    if (answer.ok && answer.skipped?.length) {
      const count = new Set(answer.skipped.map((s) => s.line)).size;
      setOutcome({ ok: true, message: t('extension.options.import.skipped', { entries: answer.entries, filename, count }), errors: answer.skipped, warnings: answer.warnings });
    } else if (answer.ok) {
      setOutcome({ ok: true, message: t('extension.options.import.ok', { entries: answer.entries, filename }), errors: [], warnings: answer.warnings });
    } else if (answer.code === 'invalid-registry') {
      const retry = answer.validLines ? { text, filename, validLines: answer.validLines } : undefined;
      setOutcome({ ok: false, message: t('extension.options.import.failed', { filename, count: answer.errors.length }), errors: answer.errors, warnings: [], ...(retry ? { retry } : {}) });
    } else {
      const message = answer.code === 'storage' ? t('extension.options.import.storage') : t('extension.error.internal');
      setOutcome({ ok: false, message, errors: [], warnings: [] });
    }
    onChange();
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setOutcome({ ok: false, message: t('extension.options.import.too-large'), errors: [], warnings: [] });
    } else await importText(await file.text(), file.name, false);
    input.value = '';
  };

  const exportAs = async (format: 'csv' | 'json') => {
    const answer = await sendMessage({ type: 'registry/export', format });
    if (answer.ok) downloadText(answer.text, answer.filename, format === 'csv' ? 'text/csv' : 'application/json');
  };

  const clear = async () => {
    const answer = await sendMessage({ type: 'registry/clear' });
    setOutcome({ ok: answer.ok, message: answer.ok ? t('extension.options.cleared') : t('extension.error.internal'), errors: [], warnings: [] });
    onChange();
  };

  return (
    <section aria-labelledby="registry-heading">
      <h2 id="registry-heading">{t('extension.options.registry.heading')}</h2>
      <RegistrySummary status={status} t={t} />
      <label for="registry-file">{t('extension.options.import.label')}</label>
      <input id="registry-file" type="file" accept=".csv,.json,.txt,text/csv,application/json" onChange={(e) => void importFile(e.currentTarget)} aria-describedby="registry-file-help" />
      <p id="registry-file-help" class="muted">{t('extension.options.import.help')}</p>
      <label for="registry-source">{t('extension.options.import.source')}</label>
      <input id="registry-source" type="text" value={source} onInput={(e) => setSource(e.currentTarget.value)} aria-describedby="registry-source-help" />
      <label for="registry-retrieved">{t('extension.options.import.retrieved')}</label>
      <input id="registry-retrieved" type="date" value={retrieved} onInput={(e) => setRetrieved(e.currentTarget.value)} aria-describedby="registry-source-help" />
      <p id="registry-source-help" class="muted">{t('extension.options.import.source-help')}</p>
      <label for="registry-paste">{t('extension.options.import.paste')}</label>
      <textarea id="registry-paste" rows={4} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
      <button type="button" class="secondary" disabled={pasted.trim() === ''} onClick={() => void importText(pasted, 'list', false)}>
        {t('extension.options.import.paste-button')}
      </button>
      <div role="status" data-testid="import-outcome">
        {outcome && <p class={outcome.ok ? 'ok' : 'error'}>{outcome.message}</p>}
      </div>
      {outcome && <IssueList issues={outcome.errors} t={t} label={t('extension.options.import.problems')} />}
      {outcome?.retry && (
        <button type="button" onClick={() => outcome.retry && void importText(outcome.retry.text, outcome.retry.filename, false, true)}>
          {t('extension.options.import.valid-lines', { count: outcome.retry.validLines })}
        </button>
      )}
      {outcome && <IssueList issues={outcome.warnings} t={t} label={t('extension.options.import.warnings')} />}
      <div class="row">
        <button type="button" class="secondary" disabled={!status.registry} onClick={() => void exportAs('csv')}>
          {t('extension.options.export.csv')}
        </button>
        <button type="button" class="secondary" disabled={!status.registry} onClick={() => void exportAs('json')}>
          {t('extension.options.export.json')}
        </button>
        <button type="button" class="secondary" onClick={() => void importText(demoRegistryCsv, 'registry.demo.csv', true)}>
          {t('extension.options.demo.load')}
        </button>
        <button type="button" class="secondary" disabled={!status.registry} onClick={() => void clear()}>
          {t('extension.options.clear')}
        </button>
      </div>
    </section>
  );
}
