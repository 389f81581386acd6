/** The registry's size, source, age and DEMO label, shown in the popup and on the options page. */
import { daysBetween, todayIso, type Translate } from '../../core/index.ts';
import type { RegistryStatus } from '../shared/messages.ts';

export function RegistrySummary({ status, t }: { status: RegistryStatus; t: Translate }) {
  const registry = status.registry;
  if (!registry) return <p data-testid="registry-none">{t('extension.registry.none')}</p>;
  const { provenance } = registry;
  const today = todayIso();
  return (
    <div data-testid="registry-summary">
      {provenance.demo && <p class="demo">{t('label.demo-data')}</p>}
      <p>
        <strong>{t('extension.registry.entries', { entries: registry.entries })}</strong>
      </p>
      <p>{t('extension.registry.source', { source: provenance.source })}</p>
      <p>{t('extension.registry.retrieved', { retrieved: provenance.retrieved, days: Math.max(0, daysBetween(provenance.retrieved, today)) })}</p>
      {provenance.expires !== null &&
        (provenance.expires < today ? (
          <p class="error">{t('extension.registry.expired', { expires: provenance.expires })}</p>
        ) : (
          <p>{t('extension.registry.expires', { expires: provenance.expires })}</p>
        ))}
      <p class="muted">{t(`extension.registry.origin.${registry.origin}`, { from: registry.from })}</p>
    </div>
  );
}
