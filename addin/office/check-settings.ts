import { z } from 'zod';
import { BUYER_KINDS, COLUMN_ROLES, isIsoDate, type BuyerKind, type ColumnRole, type SheetCheckOptions, type ValueBasis } from '../../core/index.ts';

/** How the value column is read: as the check detects it from the header, or as the user says. */
export const VALUE_BASIS_CHOICES = ['detected', 'total', 'yearly', 'monthly'] as const satisfies readonly ('detected' | ValueBasis)[];
export type ValueBasisChoice = (typeof VALUE_BASIS_CHOICES)[number];

/**
 * The user's choices for the check. They belong to the workbook (a Swedish plan stays Swedish for
 * whoever opens it), so they live in Office's document settings, saved with the file.
 */
export interface CheckSettings {
  readonly jurisdiction: SheetCheckOptions['jurisdiction'];
  /** The rules date; null means "today" at each check. */
  readonly date: string | null;
  /** The buyer type for every row, or 'detected': from a buyer column, the sheet's titles or tab name, else municipal (the report says which). */
  readonly buyer: BuyerKind | 'detected';
  readonly headerRow: number | null;
  readonly mapping: Partial<Record<ColumnRole, number | null>>;
  readonly valueBasis: ValueBasisChoice;
}

const SETTINGS_KEY = 'inkludo.check';

const settingsSchema = z.object({
  jurisdiction: z.enum(['NO', 'SE']),
  date: z.string().refine(isIsoDate).nullable(),
  buyer: z.enum([...BUYER_KINDS, 'detected']),
  headerRow: z.number().int().min(1).nullable(),
  mapping: z.partialRecord(z.enum(COLUMN_ROLES), z.number().int().min(0).nullable()),
  // Workbooks saved before the choice existed read as "as detected".
  valueBasis: z.enum(VALUE_BASIS_CHOICES).default('detected'),
});

export function defaultSettings(jurisdiction: CheckSettings['jurisdiction']): CheckSettings {
  return { jurisdiction, date: null, buyer: 'detected', headerRow: null, mapping: {}, valueBasis: 'detected' };
}

/** What the workbook has saved, or the defaults when it has nothing usable (never a half-read value). */
export function loadSettings(fallback: CheckSettings): CheckSettings {
  const parsed = settingsSchema.safeParse(Office.context.document.settings.get(SETTINGS_KEY));
  return parsed.success ? parsed.data : fallback;
}

export function saveSettings(settings: CheckSettings): Promise<void> {
  Office.context.document.settings.set(SETTINGS_KEY, settings);
  return new Promise((resolve, reject) => {
    Office.context.document.settings.saveAsync((result) => (result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error.message))));
  });
}

