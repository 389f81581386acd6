/** Building LineIssues, and turning zod's issues into them. */
import type { z } from 'zod';
import { FIELD_ISSUE_CODES } from './schema.ts';
import type { Translate } from '../i18n/index.ts';
import type { LineIssue } from './types.ts';

export function lineIssue(line: number, code: string, params: LineIssue['params'] = {}, column?: string): LineIssue {
  return column === undefined
    ? { line, code, messageKey: `registry.issue.${code}`, params }
    : { line, column, code, messageKey: `registry.issue.${code}`, params };
}

const KNOWN_CODES: ReadonlySet<string> = new Set<string>([...FIELD_ISSUE_CODES, 'json-schema-id']);
const MAX_VALUE_LENGTH = 80;

/** The offending value, short enough to quote in a message. */
function shown(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > MAX_VALUE_LENGTH ? `${value.slice(0, MAX_VALUE_LENGTH)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export interface IssueLocation {
  readonly line: number;
  readonly column?: string;
}

/**
 * One LineIssue per zod issue. Codes travel as zod messages (see schema.ts); a zod message that is
 * not one of ours (a structural mismatch zod reports itself) becomes `field-type`. Organisation
 * number problems reuse the orgnr catalogue (`orgnr.problem.checksum` …).
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], locate: (path: readonly PropertyKey[]) => IssueLocation): LineIssue[] {
  return issues.map((issue) => {
    const { line, column } = locate(issue.path);
    const code = KNOWN_CODES.has(issue.message) ? issue.message : 'field-type';
    if (code === 'orgnr-invalid' && issue.code === 'custom' && issue.params) {
      const problem = String(issue.params['problem']);
      const raw = String(issue.params['raw'] ?? '');
      return { ...lineIssue(line, code, { raw }, column), messageKey: `orgnr.problem.${problem}` };
    }
    const value = shown(issue.input);
    const field = column ?? issue.path.map(String).join('.');
    return lineIssue(line, code, { field, value: value ?? '' }, column);
  });
}

/** Where an import problem is and what it is ("Line 3, column orgnr: …"), as the front ends list it. */
export function describeLineIssue(t: Translate, issue: Pick<LineIssue, 'line' | 'column' | 'messageKey' | 'params'>): string {
  const where =
    issue.line === 0 ? t('registry.issue.whole-file')
    : issue.column !== undefined ? t('registry.issue.at-line-column', { line: issue.line, column: issue.column })
    : t('registry.issue.at-line', { line: issue.line });
  return `${where}: ${t(issue.messageKey, issue.params)}`;
}
