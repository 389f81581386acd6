import { useState } from 'preact/hooks';
import type { Translate } from '../../core/index.ts';

interface Props {
  readonly id: string;
  readonly label: string;
  readonly accept: string;
  readonly t: Translate;
  /** Called with the chosen file; the input is cleared afterwards so the same file can be chosen again. */
  readonly onFile: (file: File) => Promise<void>;
}

/**
 * A file picker for imports (registry, rule pack) in the pane's language: the browser's own control
 * would say "Choose File / No file chosen" in the browser's language. The native input stays in the
 * tab order (visually hidden), its label is the visible button; a file can also be dropped on it.
 */
export function FilePicker({ id, label, accept, t, onFile }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [over, setOver] = useState(false);
  const take = (file: File | undefined, clear?: () => void) => {
    if (!file) return;
    setChosen(file.name);
    void onFile(file).finally(clear);
  };

  return (
    <div
      class={over ? 'file-picker drag-over' : 'file-picker'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files[0]);
      }}
    >
      <span class="file-label" id={`${id}-label`}>
        {label}
      </span>
      <input
        id={id}
        type="file"
        class="visually-hidden"
        accept={accept}
        aria-labelledby={`${id}-label ${id}-name`}
        onChange={(e) => {
          const input = e.currentTarget;
          take(input.files?.[0], () => (input.value = ''));
        }}
      />
      <span class="file-row">
        <label for={id} class="button" >
          {t('addin.file.choose')}
        </label>
        <span class="file-name" id={`${id}-name`}>
          {chosen ?? t('addin.file.none')}
        </span>
      </span>
      <span class="hint">{t('addin.file.drop')}</span>
    </div>
  );
}
