import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  buildEvidencePack,
  buildRegistryIndex,
  classifyPurchase,
  parseAmount,
  parseOrgnr,
  purchaseFromRow,
  singlePurchase,
  supplierEligibility,
  type EvidencePurchase,
  type Lang,
  type Registry,
  type RuleSet,
  type SheetReport,
  type Translate,
} from '../../core/index.ts';
import type { CheckSettings } from '../office/check-settings.ts';
import { Section } from './Section.tsx';

interface Props {
  readonly report: SheetReport | null;
  readonly sheetName: string | null;
  readonly registry: Registry | null;
  readonly rules: RuleSet;
  readonly settings: CheckSettings;
  readonly lang: Lang;
  readonly today: string;
  readonly t: Translate;
}

interface Download {
  readonly name: string;
  readonly url: string;
}

type Outcome = { readonly purchase: EvidencePurchase } | { readonly error: string };

/**
 * "Create documents": the evidence pack (.docx) for a row of the checked sheet or for a purchase and
 * a supplier typed in. The file is offered as a download link; nothing is written to the workbook.
 */
export function CreateDocuments({ report, sheetName, registry, rules, settings, lang, today, t }: Props) {
  const index = useMemo(() => (registry ? buildRegistryIndex(registry) : null), [registry]);
  const rows = report?.rows ?? [];
  const [row, setRow] = useState<string>('');
  const [value, setValue] = useState('');
  const [orgnr, setOrgnr] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [downloads, setDownloads] = useState<readonly Download[]>([]);
  // Blob URLs hold their file in memory until revoked: a replaced one at once, the rest when the pane closes.
  const urls = useRef<Set<string>>(new Set());
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);
  const offer = (name: string, url: string) => {
    urls.current.add(url);
    setDownloads((prev) => {
      for (const old of prev.filter((d) => d.name === name)) {
        URL.revokeObjectURL(old.url);
        urls.current.delete(old.url);
      }
      return [{ name, url }, ...prev.filter((d) => d.name !== name)];
    });
  };

  const fromRow = (): Outcome | null => {
    const result = rows.find((r) => String(r.row) === row);
    if (!result || !sheetName || !report) return null;
    return { purchase: purchaseFromRow(result, { jurisdiction: settings.jurisdiction, sheet: sheetName, registry: index, report }) };
  };

  const fromForm = (): Outcome => {
    const jurisdiction = settings.jurisdiction;
    const amount = parseAmount(value, { defaultCurrency: jurisdiction === 'NO' ? 'NOK' : 'SEK', locale: jurisdiction === 'NO' ? 'nb' : 'sv' });
    if (!amount.ok) return { error: t('evidence.pane.error.value') };
    const parsed = parseOrgnr(orgnr);
    // A personal identity number is neither used nor shown back.
    if (parsed.problem === 'personal-number') return { error: t('evidence.pane.error.personal') };
    if (!parsed.digits || parsed.jurisdiction !== jurisdiction) return { error: t('evidence.pane.error.orgnr', { country: t(`evidence.country.${jurisdiction}`) }) };
    const date = settings.date ?? today;
    const defaults = { contractKind: 'services', buyer: 'municipal' } as const;
    const buyer = settings.buyer === 'detected' ? null : settings.buyer;
    const verdict = classifyPurchase({ jurisdiction, buyer: buyer ?? defaults.buyer, contractKind: defaults.contractKind, value: amount.value, vatIncluded: amount.vatIncluded, date }, rules);
    const entry = index?.byOrgnr(parsed.digits);
    const eligibility = entry ? supplierEligibility(entry, date, rules) : null;
    return {
      purchase: singlePurchase({
        jurisdiction,
        date,
        description: null,
        verdict,
        contractKind: null,
        buyer,
        defaults,
        cpv: [],
        supplierOrgnr: parsed.digits,
        registry: index,
        eligibility: eligibility ? { status: eligibility.status, findings: eligibility.findings, ruleIds: eligibility.ruleIds } : null,
      }),
    };
  };

  const create = async (outcome: Outcome | null) => {
    if (!outcome) return;
    if ('error' in outcome) {
      setStatus({ text: outcome.error, error: true });
      return;
    }
    setBusy(true);
    setStatus({ text: t('evidence.pane.creating'), error: false });
    try {
      const doc = buildEvidencePack(outcome.purchase, lang, today, rules);
      // The .docx writer is loaded only when a document is made: the pane opens without it.
      const { evidenceDocxBytes, DOCX_MIME } = await import('../../render/docx.ts');
      const bytes = await evidenceDocxBytes(doc);
      const name = `${doc.fileStem}.${lang}.docx`;
      offer(name, URL.createObjectURL(new Blob([bytes as BlobPart], { type: DOCX_MIME })));
      setStatus({ text: t('evidence.pane.created', { name }), error: false });
    } catch (e) {
      setStatus({ text: t('evidence.pane.error.failed', { detail: e instanceof Error ? e.message : String(e) }), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="documents-section" title={t('evidence.pane.heading')}>
      <p class="hint">{t('evidence.pane.intro')}</p>
      {rows.length > 0 ? (
        <div>
          <label for="documents-row">{t('evidence.pane.row-label')}</label>
          <select id="documents-row" value={row} onChange={(e) => setRow(e.currentTarget.value)}>
            <option value="">{t('evidence.pane.row-choose')}</option>
            {rows.map((r) => (
              <option key={r.row} value={String(r.row)}>
                {t('evidence.pane.row-option', { row: r.row, text: r.description ?? '', regime: r.regime })}
              </option>
            ))}
          </select>
          <button type="button" id="documents-row-create" disabled={busy || row === ''} onClick={() => void create(fromRow())}>
            {t('evidence.pane.button')}
          </button>
        </div>
      ) : (
        <p>{t('evidence.pane.no-report')}</p>
      )}
      <fieldset>
        <legend>{t('evidence.pane.single-legend')}</legend>
        <label for="documents-value">{t('evidence.pane.value')}</label>
        <input id="documents-value" type="text" inputMode="decimal" value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        <label for="documents-orgnr">{t('evidence.pane.orgnr')}</label>
        <input id="documents-orgnr" type="text" list="documents-suppliers" value={orgnr} onInput={(e) => setOrgnr(e.currentTarget.value)} />
        <datalist id="documents-suppliers">
          {registry?.suppliers
            .filter((s) => s.jurisdiction === settings.jurisdiction)
            .map((s) => (
              <option key={s.orgnr} value={s.orgnr}>
                {s.name}
              </option>
            ))}
        </datalist>
        <button type="button" id="documents-single-create" disabled={busy || value.trim() === '' || orgnr.trim() === ''} onClick={() => void create(fromForm())}>
          {t('evidence.pane.button')}
        </button>
      </fieldset>
      <p id="documents-status" role="status" aria-live="polite" class={status?.error ? 'error' : undefined}>
        {status?.text ?? ''}
      </p>
      {downloads.length > 0 && (
        <ul id="documents-downloads">
          {downloads.map((d) => (
            <li key={d.url}>
              <a href={d.url} download={d.name}>
                {t('evidence.pane.download', { name: d.name })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
