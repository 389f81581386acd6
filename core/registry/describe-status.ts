/**
 * What the front ends say next to a registry supplier beyond its membership: its register status
 * with the date it was looked up, and that it is only a candidate when it came from an industry code.
 */
import type { Translate } from '../i18n/index.ts';
import type { Supplier } from './types.ts';

export function describeSupplierStatus(t: Translate, supplier: Pick<Supplier, 'status' | 'candidate'>): string[] {
  const lines: string[] = [];
  if (supplier.status) lines.push(t('registry.status.line', { state: t(`registry.status.${supplier.status.state}`), checked: supplier.status.checked }));
  if (supplier.candidate) lines.push(t('registry.candidate'));
  return lines;
}
