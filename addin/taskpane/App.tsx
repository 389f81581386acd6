import { useEffect, useMemo, useState } from 'preact/hooks';
import { todayIso, translator, type Lang, type PackSourceState, type Registry, type RulePack, type SheetReport } from '../../core/index.ts';
import { defaultSettings, loadSettings, saveSettings, type CheckSettings } from '../office/check-settings.ts';
import { checkWorkbook } from '../office/check-workbook.ts';
import { REQUIRED_EXCEL_API, excelApiSupported } from '../office/requirements.ts';
import { selectSourceRow } from '../office/select-row.ts';
import { CreateDocuments } from './CreateDocuments.tsx';
import { FollowupDates } from './FollowupDates.tsx';
import { MappingEditor } from './MappingEditor.tsx';
import { RegistryPanel } from './RegistryPanel.tsx';
import { RulePackPanel } from './RulePackPanel.tsx';
import { RulesForm } from './RulesForm.tsx';
import { Summary } from './Summary.tsx';
import { forgetRegistry, loadStoredRegistry, storeRegistry } from './registry-store.ts';
import { loadPackSources, loadStoredPacks, refreshPackSources, rulesWith, storePackSources, storePacks } from './rule-pack-store.ts';

type Status = { readonly text: string; readonly error: boolean };

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function App({ lang }: { lang: Lang }) {
  const t = useMemo(() => translator(lang), [lang]);
  const today = useMemo(() => todayIso(), []);
  const supported = useMemo(excelApiSupported, []);
  const [settings, setSettings] = useState<CheckSettings>(() => loadSettings(defaultSettings(lang === 'sv' ? 'SE' : 'NO')));
  const [registry, setRegistry] = useState<Registry | null>(loadStoredRegistry);
  const [packs, setPacks] = useState<readonly RulePack[]>(loadStoredPacks);
  const [sources, setSources] = useState<readonly PackSourceState[]>(loadPackSources);
  const [fetchingPacks, setFetchingPacks] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ report: SheetReport; sheetName: string } | null>(null);

  const fail = (e: unknown) => setStatus({ text: t('addin.check.error.office', { detail: errorText(e) }), error: true });

  const updateSettings = (next: CheckSettings) => {
    setSettings(next);
    saveSettings(next).catch(fail);
  };

  /** False when the browser could not store `next`: the previous registry stays, in storage and on screen. */
  const updateRegistry = (next: Registry | null): boolean => {
    if (next) {
      if (!storeRegistry(next)) return false;
    } else forgetRegistry();
    setRegistry(next);
    return true;
  };

  const updatePacks = (next: readonly RulePack[]) => {
    storePacks(next);
    setPacks(next);
  };

  /** Saves the pack addresses and, when asked (or once a day), fetches them; the last good packs stay. */
  const updateSources = (next: readonly PackSourceState[], force: boolean) => {
    storePackSources(next);
    setSources(next);
    setFetchingPacks(true);
    void refreshPackSources(next, force)
      .then((fetched) => {
        // A source removed or replaced while its fetch ran stays removed or replaced.
        setSources((current) => {
          const merged = current.map((c) => fetched.find((f) => f.url === c.url && f.jurisdiction === c.jurisdiction) ?? c);
          storePackSources(merged);
          return merged;
        });
      })
      .finally(() => setFetchingPacks(false));
  };
  useEffect(() => updateSources(sources, false), []);

  const check = async () => {
    setBusy(true);
    setStatus({ text: t('addin.check.running'), error: false });
    try {
      const outcome = await checkWorkbook(settings, registry, rulesWith(packs, sources), lang, today, result?.sheetName ?? null);
      if (outcome.ok) {
        setResult({ report: outcome.report, sheetName: outcome.sheetName });
        setStatus({ text: t('addin.check.done', { rows: outcome.report.summary.rowsChecked, sheet: outcome.sheetName }), error: false });
      } else {
        setResult(outcome.report && outcome.sheetName ? { report: outcome.report, sheetName: outcome.sheetName } : null);
        setStatus({ text: t(`addin.check.error.${outcome.reason}`), error: true });
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <h1>{t('addin.title')}</h1>
      <p>{t('addin.intro')}</p>
      {!supported && (
        <p class="error" role="alert">
          {t('addin.requirements.missing', { version: REQUIRED_EXCEL_API })}
        </p>
      )}
      <button type="button" id="check" class="primary" disabled={busy || !supported} aria-describedby="status" onClick={() => void check()}>
        {t('addin.check.button')}
      </button>
      <p id="status" role="status" aria-live="polite" class={status?.error ? 'error' : undefined}>
        {status?.text ?? ''}
      </p>
      {result && result.report.headerRow > 0 && (
        <Summary report={result.report} t={t} onSelectRow={(row) => void selectSourceRow(result.sheetName, row).catch(fail)} />
      )}
      <CreateDocuments report={result?.report ?? null} sheetName={result?.sheetName ?? null} registry={registry} rules={rulesWith(packs)} settings={settings} lang={lang} today={today} t={t} />
      <FollowupDates settings={settings} registry={registry} rules={rulesWith(packs)} lang={lang} today={today} lastChecked={result?.sheetName ?? null} t={t} />
      <RulesForm settings={settings} today={today} t={t} onChange={updateSettings} />
      <RulePackPanel packs={packs} sources={sources} sourcesBusy={fetchingPacks} lang={lang} t={t} onChange={updatePacks} onSourcesChange={updateSources} />
      <MappingEditor settings={settings} report={result?.report ?? null} t={t} onChange={updateSettings} />
      <RegistryPanel registry={registry} t={t} onChange={updateRegistry} />
    </main>
  );
}
