import { exportRegistryJson, importRegistry, type Registry } from '../../core/index.ts';

/**
 * The imported registry is kept in the task pane's localStorage: it belongs to the organisation, not
 * to one workbook (document settings would copy it into every file and share it with whoever gets
 * the file), and OfficeRuntime.storage exists only in shared runtimes, which this add-in does not
 * use. localStorage survives restarts of Excel; its ~5 MB holds tens of thousands of suppliers.
 * What is stored is re-validated on load, like any other import.
 */
const KEY = 'inkludo.registry';

export function loadStoredRegistry(): Registry | null {
  const text = localStorage.getItem(KEY);
  if (text === null) return null;
  const imported = importRegistry(text, { format: 'json' });
  return imported.ok ? imported.registry : null;
}

/**
 * Stores the registry in place of the previous one. False when the browser refuses (storage full,
 * QuotaExceededError, or blocked): setItem then changes nothing, so the previous registry is kept.
 */
export function storeRegistry(registry: Registry): boolean {
  try {
    localStorage.setItem(KEY, exportRegistryJson(registry));
    return true;
  } catch {
    return false;
  }
}

export function forgetRegistry(): void {
  localStorage.removeItem(KEY);
}
