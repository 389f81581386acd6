import type { MessageParams } from '../i18n/catalogue.ts';

/**
 * Why a text could not be read as an eForms notice. Every reader failure is one of these, carried as
 * data (never thrown) with a message key in the `notice` catalogue.
 */
export type NoticeErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-xml'
  | 'truncated'
  | 'doctype'
  | 'entity-declarations'
  | 'too-deep'
  | 'too-many-elements'
  | 'too-many-attributes'
  | 'not-eforms'
  | 'encoding-unsupported';

export interface NoticeError {
  readonly code: NoticeErrorCode;
  readonly messageKey: `notice.error.${NoticeErrorCode}`;
  readonly params: MessageParams;
}

export function noticeError(code: NoticeErrorCode, params: MessageParams = {}): NoticeError {
  return { code, messageKey: `notice.error.${code}`, params };
}
