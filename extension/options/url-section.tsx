/**
 * The organisation's registry URL. Saving asks for the host permission of its origin first: without
 * it the background cannot fetch the file.
 */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Lang, Translate } from '../../core/index.ts';
import { settingsSchema, type RegistryStatus, type Settings } from '../shared/messages.ts';
import { sendMessage } from '../shared/messaging.ts';
import { formatTimestamp } from '../ui/dates.ts';
import { IssueList } from '../ui/issue-list.tsx';

function reason(error: string, t: Translate): string {
  const http = /^http-(\d+)$/.exec(error);
  if (http) return t('extension.options.refresh.reason.http', { status: http[1] });
  return t(`extension.options.refresh.reason.${error}`);
}

interface Props {
  readonly settings: Settings;
  readonly status: RegistryStatus;
  readonly lang: Lang;
  readonly t: Translate;
  readonly onChange: () => void;
}

export function UrlSection({ settings, status, lang, t, onChange }: Props) {
  const [value, setValue] = useState(settings.registryUrl ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    const url = settingsSchema.shape.registryUrl.safeParse(value.trim());
    if (!url.success || url.data === null) return setMessage({ ok: false, text: t('extension.options.url.invalid') });
    const origin = new URL(url.data).origin;
    const granted = await browser.permissions.request({ origins: [`${origin}/*`] });
    if (!granted) return setMessage({ ok: false, text: t('extension.options.url.declined', { origin }) });
    const answer = await sendMessage({ type: 'settings/set', settings: { registryUrl: url.data } });
    setMessage(answer.ok ? { ok: true, text: t('extension.options.url.saved') } : { ok: false, text: t('extension.error.internal') });
    if (answer.ok) await sendMessage({ type: 'registry/refresh' });
    onChange();
  };

  const remove = async () => {
    await sendMessage({ type: 'settings/set', settings: { registryUrl: null } });
    setValue('');
    setMessage({ ok: true, text: t('extension.options.url.removed') });
    onChange();
  };

  const refreshNow = async () => {
    await sendMessage({ type: 'registry/refresh' });
    onChange();
  };

  const refresh = status.refresh;
  return (
    <section aria-labelledby="url-heading">
      <h2 id="url-heading">{t('extension.options.url.heading')}</h2>
      <form onSubmit={(e) => void save(e)}>
        <label for="registry-url">{t('extension.options.url.label')}</label>
        <input id="registry-url" type="url" value={value} placeholder="https://" onInput={(e) => setValue(e.currentTarget.value)} aria-describedby="registry-url-help" />
        <p id="registry-url-help" class="muted">{t('extension.options.url.help')}</p>
        <div class="row">
          <button type="submit">{t('extension.options.url.save')}</button>
          {settings.registryUrl && (
            <>
              <button type="button" class="secondary" onClick={() => void refreshNow()}>
                {t('extension.options.url.refresh')}
              </button>
              <button type="button" class="secondary" onClick={() => void remove()}>
                {t('extension.options.url.remove')}
              </button>
            </>
          )}
        </div>
      </form>
      <div role="status" data-testid="url-outcome">
        {message && <p class={message.ok ? 'ok' : 'error'}>{message.text}</p>}
      </div>
      {settings.registryUrl && refresh && (
        <div data-testid="refresh-status">
          {refresh.ok ? (
            <p class="ok">{t('extension.options.refresh.ok', { at: formatTimestamp(lang, refresh.at) })}</p>
          ) : (
            <p class="error">{t('extension.options.refresh.failed', { at: formatTimestamp(lang, refresh.at), reason: reason(refresh.error ?? 'network', t) })}</p>
          )}
          <IssueList issues={refresh.errors} t={t} label={t('extension.options.import.problems')} />
        </div>
      )}
    </section>
  );
}
