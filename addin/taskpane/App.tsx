import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { todayIso, translator, type Lang, type PackSourceState, type Registry, type RulePack, type SheetReport } from '../../core/index.ts';
import { defaultSettings, loadSettings, saveSettings, type CheckSettings } from '../office/check-settings.ts';
import { checkWorkbook } from '../office/check-workbook.ts';
import type { CheckProgress as Progress } from '../office/progress.ts';
import { REQUIRED_EXCEL_API, excelApiSupported } from '../office/requirements.ts';
import { selectSourceRow } from '../office/select-row.ts';
import { CheckProgress } from './CheckProgress.tsx';
import { CreateDocuments } from './CreateDocuments.tsx';
import { FollowupDates } from './FollowupDates.tsx';
import { JurisdictionBar } from './JurisdictionBar.tsx';
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

/**
 * The task pane, top-down: whose rules, the one primary action, its progress and outcome, the summary
 * in words, then the settings in collapsed sections (one component each).
 */
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
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<{ report: SheetReport; sheetName: string } | null>(null);
  const running = useRef<AbortController | null>(null);

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
    const controller = new AbortController();
    running.current = controller;
    setStatus({ text: t('addin.check.running'), error: false });
    setProgress({ phase: 'read', done: 0, total: 0 });
    try {
      const outcome = await checkWorkbook(settings, registry, rulesWith(packs, sources), lang, today, result?.sheetName ?? null, {
        signal: controller.signal,
        onProgress: setProgress,
      });
      if (outcome.ok) {
        setResult({ report: outcome.report, sheetName: outcome.sheetName });
        setStatus({ text: t('addin.check.done', { rows: outcome.report.summary.rowsChecked, sheet: outcome.sheetName }), error: false });
      } else {
        if (outcome.reason !== 'cancelled') setResult(outcome.report && outcome.sheetName ? { report: outcome.report, sheetName: outcome.sheetName } : null);
        setStatus({ text: t(`addin.check.error.${outcome.reason}`, { row: settings.headerRow ?? outcome.report?.headerRow }), error: outcome.reason !== 'cancelled' });
      }
    } catch (e) {
      fail(e);
    } finally {
      running.current = null;
      setProgress(null);
    }
  };

  return (
    <main>
      <header class="pane-header">
        <h1>{t('addin.title')}</h1>
        <p class="intro">{t('addin.intro')}</p>
      </header>
      {!supported && (
        <p class="message error" role="alert">
          {t('addin.requirements.missing', { version: REQUIRED_EXCEL_API })}
        </p>
      )}
      <JurisdictionBar settings={settings} today={today} t={t} onChange={updateSettings} />
      {/* While a check runs the button stays focusable (aria-disabled, not disabled): keyboard focus is not
          lost, and the next Tab reaches Cancel. */}
      <button
        type="button"
        id="check"
        class="primary"
        disabled={!supported}
        aria-disabled={progress !== null}
        aria-describedby="status"
        onClick={() => progress === null && void check()}
      >
        {t('addin.check.button')}
      </button>
      {progress && <CheckProgress progress={progress} t={t} onCancel={() => running.current?.abort()} />}
      <p id="status" role="status" aria-live="polite" class={status?.error ? 'message error' : 'message'}>
        {status?.text ?? ''}
      </p>
      {result && result.report.headerRow > 0 && (
        <Summary report={result.report} lang={lang} t={t} onSelectRow={(row) => void selectSourceRow(result.sheetName, row).catch(fail)} />
      )}
      <div class="sections">
        <RulesForm settings={settings} today={today} t={t} onChange={updateSettings} />
        <MappingEditor settings={settings} report={result?.report ?? null} t={t} onChange={updateSettings} />
        <RulePackPanel packs={packs} sources={sources} sourcesBusy={fetchingPacks} lang={lang} t={t} onChange={updatePacks} onSourcesChange={updateSources} />
        <RegistryPanel registry={registry} t={t} onChange={updateRegistry} />
        <CreateDocuments report={result?.report ?? null} sheetName={result?.sheetName ?? null} registry={registry} rules={rulesWith(packs, sources)} settings={settings} lang={lang} today={today} t={t} />
        <FollowupDates settings={settings} registry={registry} rules={rulesWith(packs, sources)} lang={lang} today={today} lastChecked={result?.sheetName ?? null} t={t} />
        {/* Each further section is one component that renders a <Section> (see Section.tsx). */}
      </div>
    </main>
  );
}
