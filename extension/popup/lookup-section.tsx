/** Quick organisation-number lookup: validity (core), registry membership, and Enhetsregisteret for Norway. */
import { useState } from 'preact/hooks';
import { formatOrgnr, parseOrgnr, type Translate } from '../../core/index.ts';
import type { BrregEntity, ResponseOf } from '../shared/messages.ts';
import { sendMessage } from '../shared/messaging.ts';

interface LookupResult {
  readonly problem: string | null;
  readonly registry: ResponseOf<'registry/lookup'> | null;
  readonly brreg: ResponseOf<'brreg/lookup'> | null;
}

function employees(entity: BrregEntity, t: Translate): string {
  const range = entity.employees;
  if (!range) return t('extension.brreg.employees-unknown');
  if (range.max === 0) return t('extension.brreg.employees-none');
  if (range.max === null) return t('extension.brreg.employees-over', { min: range.min });
  return t('extension.brreg.employees-range', { min: range.min, max: range.max });
}

function BrregFacts({ entity, t }: { entity: BrregEntity; t: Translate }) {
  return (
    <div data-testid="brreg-facts">
      <h3>{t('extension.brreg.heading')}</h3>
      <p>
        <strong>{entity.name}</strong> ({formatOrgnr(entity.orgnr, 'NO')})
      </p>
      <p class={entity.status === 'active' ? 'ok' : 'error'} data-status={entity.status}>
        {t(`extension.brreg.status.${entity.status}`)}
      </p>
      {entity.legalForm && <p>{t('extension.brreg.legal-form', entity.legalForm)}</p>}
      {entity.industry && <p>{t('extension.brreg.industry', entity.industry)}</p>}
      <p>{employees(entity, t)}</p>
      <p class="muted">{t('extension.brreg.source', { retrieved: entity.retrieved })}</p>
    </div>
  );
}

export function LookupSection({ t }: { t: Translate }) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LookupResult | null>(null);

  const lookup = async (event: Event) => {
    event.preventDefault();
    const parsed = parseOrgnr(value);
    if (parsed.problem !== null || parsed.digits === null) {
      setResult({ problem: t(`orgnr.problem.${parsed.problem ?? 'empty'}`, { raw: value }), registry: null, brreg: null });
      return;
    }
    setBusy(true);
    const [registry, brreg] = await Promise.all([
      sendMessage({ type: 'registry/lookup', orgnr: parsed.digits }),
      parsed.jurisdiction === 'NO' ? sendMessage({ type: 'brreg/lookup', orgnr: parsed.digits }) : Promise.resolve(null),
    ]);
    setResult({ problem: null, registry, brreg });
    setBusy(false);
  };

  return (
    <section aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">{t('extension.lookup.heading')}</h2>
      <form class="row" onSubmit={(e) => void lookup(e)}>
        <label for="orgnr-input">{t('extension.lookup.label')}</label>
        <input id="orgnr-input" type="text" inputMode="numeric" autoComplete="off" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        <button type="submit" disabled={busy}>
          {t('extension.lookup.button')}
        </button>
      </form>
      <div aria-live="polite" data-testid="lookup-result">
        {result?.problem && <p class="error">{result.problem}</p>}
        {result?.registry && <RegistryAnswer answer={result.registry} t={t} />}
        {result?.brreg && (result.brreg.ok ? <BrregFacts entity={result.brreg.entity} t={t} /> : <p class="error">{brregError(result.brreg.code, t)}</p>)}
        {result && !result.problem && result.brreg === null && <p class="muted">{t('extension.brreg.only-norway')}</p>}
      </div>
    </section>
  );
}

function brregError(code: string, t: Translate): string {
  return code === 'bad-message' || code === 'internal' ? t('extension.error.internal') : t(`extension.brreg.error.${code}`);
}

function RegistryAnswer({ answer, t }: { answer: ResponseOf<'registry/lookup'>; t: Translate }) {
  if (!answer.ok) return <p class="error">{t('extension.error.internal')}</p>;
  if (!answer.hasRegistry) return <p class="muted">{t('extension.lookup.no-registry')}</p>;
  if (!answer.supplier) return <p data-testid="lookup-registry">{t('extension.lookup.not-in-registry')}</p>;
  const { supplier } = answer;
  return (
    <div data-testid="lookup-registry">
      {supplier.provenance.demo && <p class="demo">{t('label.demo-data')}</p>}
      <p>{t('extension.lookup.in-registry', { name: supplier.name })}</p>
      <p class="muted">{t('registry.provenance', { source: supplier.provenance.source, retrieved: supplier.provenance.retrieved })}</p>
      <p class="muted">{t('registry.indicator')}</p>
    </div>
  );
}
