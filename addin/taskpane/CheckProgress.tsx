import type { Translate } from '../../core/index.ts';
import type { CheckProgress as Progress } from '../office/progress.ts';

interface Props {
  readonly progress: Progress;
  readonly t: Translate;
  readonly onCancel: () => void;
}

/** A running check: how far it is (a bar while reading and writing, indeterminate while checking) and Cancel. */
export function CheckProgress({ progress, t, onCancel }: Props) {
  const { phase, done, total } = progress;
  const label = t(`addin.pane.progress.${phase}`, { done, total });
  return (
    <div class="progress" id="progress">
      <label for="progress-bar">{label}</label>
      {phase === 'check' ? <progress id="progress-bar" /> : <progress id="progress-bar" max={Math.max(1, total)} value={done} />}
      <button type="button" id="cancel" onClick={onCancel}>
        {t('addin.pane.cancel')}
      </button>
    </div>
  );
}
