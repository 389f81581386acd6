/** Where every piece of information comes from, with dates. */
import { DEFAULT_RULES, type Translate } from '../../core/index.ts';
import type { RegistryStatus } from '../shared/messages.ts';

export function SourcesSection({ status, t }: { status: RegistryStatus; t: Translate }) {
  const registry = status.registry?.provenance;
  return (
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('extension.options.sources.heading')}</h2>
      <ul data-testid="sources">
        <li>
          {registry ? t('extension.options.sources.registry', { source: registry.source, retrieved: registry.retrieved }) : t('extension.options.sources.no-registry')}
          {registry?.demo && <span class="demo"> {t('label.demo-data')}</span>}
        </li>
        {Object.values(DEFAULT_RULES).map((pack) => (
          <li key={pack.jurisdiction}>{t('extension.options.sources.rules', { title: pack.title, version: pack.version, published: pack.published })}</li>
        ))}
        <li>{t('extension.options.sources.brreg')}</li>
        <li>{t('extension.options.sources.ted')}</li>
      </ul>
    </section>
  );
}
