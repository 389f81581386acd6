/** What the content script found on the current page. */
import type { Translate } from '../../core/index.ts';
import type { PageCounts } from '../shared/messages.ts';

export function PageSection({ counts, t }: { counts: PageCounts | null; t: Translate }) {
  return (
    <section aria-labelledby="page-heading">
      <h2 id="page-heading">{t('extension.popup.page.heading')}</h2>
      {counts ? (
        <dl class="counts" data-testid="page-counts">
          <dt>{t('extension.popup.page.reserved')}</dt>
          <dd data-count="reserved">{counts.reserved}</dd>
          <dt>{t('extension.popup.page.suppliers')}</dt>
          <dd data-count="suppliers">{counts.suppliers}</dd>
          <dt>{t('extension.popup.page.registry-matches')}</dt>
          <dd data-count="registryMatches">{counts.registryMatches}</dd>
        </dl>
      ) : (
        <p class="muted" data-testid="page-none">{t('extension.popup.page.none')}</p>
      )}
    </section>
  );
}
