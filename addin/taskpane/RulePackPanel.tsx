import { useState } from 'preact/hooks';
import { FilePicker } from './FilePicker.tsx';
import { Section } from './Section.tsx';
import { RulePackSources } from './RulePackSources.tsx';
import { describePackIssue, parseOrganisationPack, type Lang, type PackIssue, type PackSourceState, type RulePack, type Translate } from '../../core/index.ts';

interface Props {
  readonly packs: readonly RulePack[];
  readonly sources: readonly PackSourceState[];
  readonly sourcesBusy: boolean;
  readonly lang: Lang;
  readonly t: Translate;
  /** The organisation's packs after an import or a removal. */
  readonly onChange: (packs: readonly RulePack[]) => void;
  readonly onSourcesChange: (sources: readonly PackSourceState[], fetch: boolean) => void;
}

/**
 * An organisation's own rule pack (same format as the bundled ones) replaces the bundled pack of its
 * jurisdiction. An invalid file changes nothing and says where it is wrong.
 */
export function RulePackPanel({ packs, sources, sourcesBusy, lang, t, onChange, onSourcesChange }: Props) {
  const [issues, setIssues] = useState<readonly PackIssue[] | null>(null);

  const onFile = async (file: File) => {
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      setIssues([{ path: '', message: detail, messageKey: 'rulepack.issue.schema', params: { path: file.name, detail } }]);
      return;
    }
    const parsed = parseOrganisationPack(data, null);
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    setIssues(null);
    onChange([...packs.filter((p) => p.jurisdiction !== parsed.pack.jurisdiction), parsed.pack]);
  };

  return (
    <Section id="rulepack-section" title={t('addin.rulepack.legend')}>
      {packs.length === 0 ? (
        <p id="rulepack-state">{t('addin.rulepack.bundled')}</p>
      ) : (
        <ul id="rulepack-state">
          {packs.map((p) => (
            <li key={p.jurisdiction}>
              {t('addin.rulepack.loaded', { jurisdiction: p.jurisdiction, title: p.title, version: p.version, published: p.published })}{' '}
              <button type="button" onClick={() => onChange(packs.filter((x) => x !== p))}>
                {t('addin.rulepack.remove', { jurisdiction: p.jurisdiction })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FilePicker id="rulepack-file" label={t('addin.rulepack.file')} t={t} accept=".json,application/json" onFile={onFile} />
      {issues && (
        <div role="alert" class="problems error" id="rulepack-problems">
          <p>{t('addin.rulepack.failed')}</p>
          <ul>
            {issues.slice(0, 10).map((issue, i) => (
              <li key={i}>{describePackIssue(lang, issue)}</li>
            ))}
          </ul>
        </div>
      )}
      <RulePackSources sources={sources} lang={lang} t={t} busy={sourcesBusy} onChange={onSourcesChange} />
    </Section>
  );
}
