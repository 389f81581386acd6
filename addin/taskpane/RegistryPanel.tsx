import { useState } from 'preact/hooks';
import { BrregBuildSection } from './BrregBuild.tsx';
import { FilePicker } from './FilePicker.tsx';
import { Section } from './Section.tsx';
import { describeLineIssue, importRegistry, isIsoDate, type ImportOptions, type LineIssue, type Registry, type Translate } from '../../core/index.ts';

interface Props {
  readonly registry: Registry | null;
  readonly t: Translate;
  /** A successful import, or null to remove the registry; false when it could not be stored (the previous one is kept). */
  readonly onChange: (registry: Registry | null) => boolean;
}

interface Problems {
  readonly kind: 'failed' | 'warnings' | 'skipped' | 'storage-full';
  readonly issues: readonly LineIssue[];
  /** A failed import whose errors are all single lines: how many lines could be imported on request. */
  readonly validLines?: number;
  readonly imported?: number;
}

/**
 * Import of the supplier registry: a registry file, or a plain list (a file or pasted text) with its
 * source and date typed in. A failed import changes nothing and lists the lines to fix; importing
 * just the valid lines is a button the user presses after seeing that list.
 */
export function RegistryPanel({ registry, t, onChange }: Props) {
  const [problems, setProblems] = useState<Problems | null>(null);
  const [source, setSource] = useState('');
  const [retrieved, setRetrieved] = useState('');
  const [pasted, setPasted] = useState('');
  // The input of the last failed import, kept only to offer its valid lines.
  const [pending, setPending] = useState<Uint8Array | string | null>(null);

  const options = (): ImportOptions => ({
    ...(source.trim() !== '' ? { source: source.trim() } : {}),
    ...(isIsoDate(retrieved) ? { retrieved } : {}),
  });

  const run = (input: Uint8Array | string, validLinesOnly: boolean) => {
    const imported = importRegistry(input, { ...options(), validLinesOnly });
    if (imported.ok) {
      // Browser storage full: the previous registry is kept, and the pane says so.
      if (!onChange(imported.registry)) {
        setProblems({ kind: 'storage-full', issues: [] });
        return;
      }
      setPending(null);
      const skipped = imported.skipped ?? [];
      if (skipped.length > 0) setProblems({ kind: 'skipped', issues: [...skipped, ...imported.warnings], imported: imported.registry.suppliers.length });
      else setProblems(imported.warnings.length > 0 ? { kind: 'warnings', issues: imported.warnings } : null);
    } else {
      setPending(imported.validLines ? input : null);
      setProblems({ kind: 'failed', issues: imported.errors, ...(imported.validLines ? { validLines: imported.validLines } : {}) });
    }
  };

  const onFile = async (file: File) => run(new Uint8Array(await file.arrayBuffer()), false);

  return (
    <Section id="registry-section" title={t('addin.registry.legend')}>
      <p id="registry-state">
        {registry
          ? t('addin.registry.loaded', { count: registry.suppliers.length, source: registry.provenance.source, retrieved: registry.provenance.retrieved })
          : t('addin.registry.none')}
      </p>
      {registry?.provenance.demo && <p class="demo">{t('label.demo-data')}</p>}
      <label for="registry-source">{t('addin.registry.source')}</label>
      <input id="registry-source" type="text" value={source} onInput={(e) => setSource(e.currentTarget.value)} aria-describedby="registry-source-help" />
      <label for="registry-retrieved">{t('addin.registry.retrieved')}</label>
      <input id="registry-retrieved" type="date" value={retrieved} onInput={(e) => setRetrieved(e.currentTarget.value)} aria-describedby="registry-source-help" />
      <p id="registry-source-help" class="hint">{t('addin.registry.source-help')}</p>
      <FilePicker id="registry-file" label={t('addin.registry.file')} t={t} accept=".csv,.json,.txt,text/csv,text/plain,application/json" onFile={onFile} />
      <label for="registry-paste">{t('addin.registry.paste')}</label>
      <textarea id="registry-paste" rows={4} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} />
      <button type="button" id="registry-paste-import" disabled={pasted.trim() === ''} onClick={() => run(pasted, false)}>
        {t('addin.registry.import-pasted')}
      </button>
      {problems && (
        <div role={problems.kind === 'failed' || problems.kind === 'storage-full' ? 'alert' : undefined} class={problems.kind === 'failed' || problems.kind === 'storage-full' ? 'problems error' : 'problems'} id="registry-problems">
          <p>
            {problems.kind === 'storage-full' ? t('addin.registry.storage-full')
            : problems.kind === 'failed' ? t('addin.registry.failed')
            : problems.kind === 'skipped' ? t('addin.registry.skipped', { count: problems.imported ?? 0 })
            : t('addin.registry.warnings')}
          </p>
          <ul>
            {problems.issues.map((issue, i) => (
              <li key={i}>{describeLineIssue(t, issue)}</li>
            ))}
          </ul>
          {problems.validLines && pending !== null && (
            <button type="button" id="registry-valid-lines" onClick={() => run(pending, true)}>
              {t('addin.registry.valid-lines', { count: problems.validLines })}
            </button>
          )}
        </div>
      )}
      <p class="hint">{t('addin.registry.kept')}</p>
      <BrregBuildSection t={t} onImport={(built) => {
        onChange(built);
        setProblems(null);
      }} />
      {registry && (
        <button type="button" onClick={() => onChange(null)}>
          {t('addin.registry.clear')}
        </button>
      )}
      <p class="note">{t('note.equal-treatment')}</p>
    </Section>
  );
}
