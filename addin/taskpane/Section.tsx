import type { ComponentChildren } from 'preact';

interface Props {
  readonly id: string;
  readonly title: string;
  /** A short state shown beside the title while the section is closed (e.g. "12 of 14 recognised"). */
  readonly state?: string;
  readonly open?: boolean;
  readonly children: ComponentChildren;
}

/**
 * One collapsible section of the pane (settings, columns, rule pack, registry, …): closed by default so
 * the check and its summary stay on the first screen; a native disclosure, so keyboard and screen
 * readers work without help.
 */
export function Section({ id, title, state, open = false, children }: Props) {
  return (
    <details class="section" id={id} open={open}>
      <summary>
        <span class="section-title">{title}</span>
        {state && <span class="section-state">{state}</span>}
      </summary>
      <div class="section-body">{children}</div>
    </details>
  );
}
