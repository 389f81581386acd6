/**
 * What the CLI prints passes through here: it cannot hurt the terminal it lands in, and it cannot
 * repeat a personal identity number, whatever a cell, a file line or a notice contained.
 */
import type { ByteSink } from '../core/byte-sink.ts';
import { hidePersonalNumbers, type Translate } from '../core/index.ts';

// C0 controls except tab and line feed (ESC starts ANSI/OSC sequences, CR overwrites a line, BEL rings),
// DEL, and C1 controls (U+009B is a one-character CSI, U+009D an OSC).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** The text without control characters; tab and line feed stay. */
export function withoutControls(text: string): string {
  return text.replace(CONTROLS, '');
}

declare const printableBrand: unique symbol;
/** Text that may be printed as it is: made by printable(), or safe JSON (core's safeJson). */
export type PrintableText = string & { readonly [printableBrand]: true };

/** The text as the CLI may print it: no control characters, personal identity numbers as "(not shown)". */
export function printable(text: string, t: Translate): PrintableText {
  return hidePersonalNumbers(withoutControls(text), t('privacy.personal-number')) as PrintableText;
}

/**
 * Safe JSON (core's safeJson and sheetRowJsonWriter) is printable as it is: no raw control
 * character, no personal identity number, the mark in the reader's words. Scanning 190 MB of it
 * again would cost a third of a large `check --json`.
 */
export function printableJson(json: string): PrintableText {
  return json as PrintableText;
}

/** A line written as bytes into the output, printable as PrintableText is (a report row from its safe JSON parts). */
export type PrintableBytes = ((out: ByteSink) => void) & { readonly [printableBrand]: true };

/** A line of safe JSON written by sheetRowJsonWriter (printable as printableJson says). */
export function printableJsonBytes(write: (out: ByteSink) => void): PrintableBytes {
  return write as PrintableBytes;
}

/** Lines and the line feeds between them stay printable. */
export function joinPrintable(lines: readonly PrintableText[]): PrintableText {
  return lines.join('\n') as PrintableText;
}
