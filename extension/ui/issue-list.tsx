/** Registry import problems, each with its line, in the page language. */
import type { Translate } from '../../core/index.ts';
import type { LineIssueMessage } from '../shared/messages.ts';

function where(issue: LineIssueMessage, t: Translate): string {
  if (issue.line === 0) return t('registry.issue.whole-file');
  return issue.column !== undefined
    ? t('registry.issue.at-line-column', { line: issue.line, column: issue.column })
    : t('registry.issue.at-line', { line: issue.line });
}

export function IssueList({ issues, t, label }: { issues: readonly LineIssueMessage[]; t: Translate; label: string }) {
  if (issues.length === 0) return null;
  return (
    <ul class="issues" aria-label={label}>
      {issues.map((issue, i) => (
        <li key={i} data-line={issue.line}>
          {where(issue, t)}: {t(issue.messageKey, issue.params)}
        </li>
      ))}
    </ul>
  );
}
