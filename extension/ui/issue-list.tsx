/** Registry import problems, each with its line, in the page language. */
import { describeLineIssue, type Translate } from '../../core/index.ts';
import type { LineIssueMessage } from '../shared/messages.ts';

export function IssueList({ issues, t, label }: { issues: readonly LineIssueMessage[]; t: Translate; label: string }) {
  if (issues.length === 0) return null;
  return (
    <ul class="issues" aria-label={label}>
      {issues.map((issue, i) => (
        <li key={i} data-line={issue.line}>
          {describeLineIssue(t, issue)}
        </li>
      ))}
    </ul>
  );
}
