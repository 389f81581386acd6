import { useState } from 'preact/hooks';
import { FilePicker } from './FilePicker.tsx';
import { describeLineIssue, importRegistry, type LineIssue, type Registry, type Translate } from '../../core/index.ts';

interface Props {
  readonly registry: Registry | null;
  readonly t: Translate;
  /** A successful import, or null to remove the registry; false when it could not be stored (the previous one is kept). */
  readonly onChange: (registry: Registry | null) => boolean;
}

/** Import of the supplier registry. A failed import changes nothing and lists the lines to fix. */
export function RegistryPanel({ registry, t, onChange }: Props) {
  const [problems, setProblems] = useState<{ failed: boolean; storageFull?: boolean; issues: readonly LineIssue[] } | null>(null);

  const onFile = async (file: File) => {
    const imported = importRegistry(new Uint8Array(await file.arrayBuffer()));
    if (!imported.ok) setProblems({ failed: true, issues: imported.errors });
    else if (!onChange(imported.registry)) setProblems({ failed: true, storageFull: true, issues: [] });
    else setProblems(imported.warnings.length > 0 ? { failed: false, issues: imported.warnings } : null);
  };

  return (
    <fieldset>
      <legend>{t('addin.registry.legend')}</legend>
      <p id="registry-state">
        {registry
          ? t('addin.registry.loaded', { count: registry.suppliers.length, source: registry.provenance.source, retrieved: registry.provenance.retrieved })
          : t('addin.registry.none')}
      </p>
      {registry?.provenance.demo && <p class="demo">{t('label.demo-data')}</p>}
      <FilePicker id="registry-file" label={t('addin.registry.file')} accept=".csv,.json,text/csv,application/json" onFile={onFile} />
      {problems && (
        <div role={problems.failed ? 'alert' : undefined} class={problems.failed ? 'problems error' : 'problems'} id="registry-problems">
          <p>{t(problems.storageFull ? 'addin.registry.storage-full' : problems.failed ? 'addin.registry.failed' : 'addin.registry.warnings')}</p>
          <ul>
            {problems.issues.map((issue, i) => (
              <li key={i}>{describeLineIssue(t, issue)}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="hint">{t('addin.registry.kept')}</p>
      {registry && (
        <button type="button" onClick={() => onChange(null)}>
          {t('addin.registry.clear')}
        </button>
      )}
      <p class="note">{t('note.equal-treatment')}</p>
    </fieldset>
  );
}
