/**
 * The CLI's long output: lines written in batches awaiting a slow stdout (nothing lost, nothing piled
 * up), and one-line JSON written without a replacer where it has nothing to hide (the same text as
 * with personalNumberReplacer, whatever the value holds).
 */
import { once } from 'node:events';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers, mayHoldPersonalNumber, personalNumberReplacer, safeJson, safeJsonNumber, translator } from '../../core/index.ts';
import type { CliContext } from '../../cli/command.ts';
import type { PrintableText } from '../../cli/safe-output.ts';
import { BatchArrays, utf8Batches, type Utf8Piece } from '../../cli/utf8-batches.ts';
import { drained, writeLines } from '../../cli/write-lines.ts';
import { anyPersonalNumber } from '../support/personal-numbers.ts';

function context(out: (text: string) => void, outDrained: () => Promise<void> = () => Promise.resolve()): CliContext {
  return { lang: 'en', t: translator('en'), out, err: () => undefined, outPrintable: out, outDrained, env: {} };
}

/** writeLines batches what it is given; these tests give it text taken as printable already. */
const taken = (lines: string[]): PrintableText[] => lines as PrintableText[];

describe('writeLines', () => {
  it('writes the lines joined by line feeds however they are batched (empty and long lines too)', async () => {
    const line = fc.oneof(fc.constant(''), fc.string({ maxLength: 40 }), fc.string({ minLength: 30_000, maxLength: 70_000 }));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), async (lines) => {
        const writes: string[] = [];
        await writeLines(context((text) => writes.push(text)), taken(lines));
        // Each write is printed with a line feed after it, as the real stdout does.
        expect(writes.map((w) => `${w}\n`).join('')).toBe(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
      }),
      { numRuns: 60 },
    );
  });

  it('writes the same bytes where stdout takes bytes: non-Latin text, astral characters and lines longer than a batch', async () => {
    const line = fc.oneof(
      fc.constant(''),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('Leverandør AS', 'pack’s', '§ 5-4', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'æøå ÆØÅ'),
      fc.string({ unit: 'grapheme', minLength: 30_000, maxLength: 70_000 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), async (lines) => {
        const chunks: Uint8Array[] = [];
        const ctx = { ...context(() => expect.fail('text written where stdout takes bytes')), outBytes: (bytes: Uint8Array, written: () => void) => void (chunks.push(bytes.slice()), written()) };
        await writeLines(ctx, taken(lines));
        expect(Buffer.concat(chunks).toString('utf8')).toBe(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
      }),
      // Shrinking 70 000-character lines takes minutes: a failure is reported as found.
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('waits for a slow stdout: every line arrives in order and the stream never holds more than a batch', async () => {
    const received: Buffer[] = [];
    let mostBuffered = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        received.push(chunk);
        setTimeout(done, 1);
      },
    });
    const ctx = context(
      (text) => {
        slow.write(`${text}\n`);
        mostBuffered = Math.max(mostBuffered, slow.writableLength);
      },
      () => drained(slow),
    );
    const lines = Array.from({ length: 20_000 }, (_v, i) => `{"row":${i},"text":"${'x'.repeat(i % 97)}"}`);
    await writeLines(ctx, taken(lines));
    slow.end();
    await once(slow, 'finish');
    expect(Buffer.concat(received).toString()).toBe(`${lines.join('\n')}\n`);
    // 20 000 lines are about 1 MB: without waiting they would all sit in the stream's buffer.
    expect(mostBuffered).toBeLessThan(2 * 64 * 1024 + 200);
  });
});

/** A piece written by a writer (as a report row is): its texts as encoded parts, ASCII and text, in turn. */
function writtenPiece(texts: readonly string[]): Utf8Piece {
  return (out) =>
    texts.forEach((text, i) => {
      if (i % 3 === 1 && [...text].every((c) => c.charCodeAt(0) < 0x80)) out.ascii(text);
      else if (i % 3 === 2) out.text(text);
      else out.bytes(new TextEncoder().encode(text));
    });
}

describe('utf8Batches', () => {
  it('encodes the pieces in order, in batches of at least the size asked unless a long piece or the end cuts one short', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('ø', '’', '𝔘', '<row r="12">', '12345'), fc.string({ unit: 'grapheme', minLength: 200, maxLength: 600 }));
    const piece = fc.oneof(text.map((t) => ({ text: t, piece: t as Utf8Piece })), fc.array(text, { maxLength: 8 }).map((ts) => ({ text: ts.join(''), piece: writtenPiece(ts) })));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.integer({ min: 1, max: 256 }), fc.boolean(), (pieces, size, lineFeeds) => {
        const batches = [...utf8Batches(pieces.map((p) => p.piece), new BatchArrays(size), lineFeeds ? 10 : undefined)];
        expect(Buffer.concat(batches).toString('utf8')).toBe(pieces.map((p) => (lineFeeds ? `${p.text}\n` : p.text)).join(''));
        for (const [i, b] of batches.entries()) {
          expect(b.length).toBeGreaterThan(0);
          // A batch is cut short only by a piece that could not fit in what was left: at least a third of the size.
          if (b.length < size && i < batches.length - 1) expect((batches[i + 1]?.length ?? 0) * 3 + 1).toBeGreaterThan(size);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('BatchArrays', () => {
  const piece = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('ø', '’', '𝔘'), fc.string({ unit: 'grapheme', minLength: 200, maxLength: 600 }));

  it('uses a handed-back array again, and never one whose batch is still out', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 256 }), fc.integer({ min: 0, max: 3 }), (pieces, size, heldBack) => {
        const arrays = new BatchArrays(size);
        // A consumer that holds a few batches (deflating, or in a slow pipe) and hands back the oldest.
        const out: Uint8Array[] = [];
        const held: { batch: Uint8Array; copy: Uint8Array }[] = [];
        const buffers = new Set<ArrayBufferLike>();
        for (const batch of utf8Batches(pieces, arrays)) {
          buffers.add(batch.buffer);
          held.push({ batch, copy: batch.slice() });
          if (held.length > heldBack) {
            const oldest = held.shift() as { batch: Uint8Array; copy: Uint8Array };
            // Its bytes are as they were made: no later batch was written into its array.
            expect(oldest.batch).toEqual(oldest.copy);
            out.push(oldest.batch.slice());
            arrays.handBack(oldest.batch);
          }
        }
        for (const { batch, copy } of held) {
          expect(batch).toEqual(copy);
          out.push(batch);
        }
        expect(Buffer.concat(out).toString('utf8')).toBe(pieces.join(''));
        // Arrays of the batch size: as many as were out at once, plus the one being filled.
        const longPieces = pieces.filter((p) => p.length * 3 > size * 2).length;
        expect(buffers.size).toBeLessThanOrEqual(heldBack + 2 + longPieces);
      }),
      { numRuns: 300 },
    );
  });

  it('writeLines hands an array back only once stdout says its bytes are written', async () => {
    const lines = Array.from({ length: 5_000 }, (_v, i) => `{"row":${i},"text":"${'æ'.repeat(i % 89)}"}`);
    const chunks: Uint8Array[] = [];
    const pending: Promise<void>[] = [];
    // A stdout that reads the bytes later, as a pipe does, and only then says they are written.
    const outBytes = (bytes: Uint8Array, written: () => void) =>
      void pending.push(new Promise<void>((resolve) => setTimeout(() => (chunks.push(bytes.slice()), written(), resolve()), 0)));
    await writeLines({ ...context(() => expect.fail('text written where stdout takes bytes')), outBytes }, taken(lines));
    await Promise.all(pending);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(`${lines.join('\n')}\n`);
  });
});

describe('safeJson', () => {
  // eslint-disable-next-line no-control-regex -- what safe JSON never holds raw
  const RAW_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
  const escapedControls = (json: string): string => json.replace(/[\u007F-\u009F]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
  const sameAsReplacer = (value: unknown): void => {
    const safe = safeJson(value);
    expect(safe).toBe(escapedControls(JSON.stringify(value, personalNumberReplacer)));
    expect(safe).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(safe)).toEqual(JSON.parse(JSON.stringify(value, personalNumberReplacer)));
  };

  it('is the replacer’s JSON for any value (personal identity numbers in strings and whole numbers hidden), DEL and C1 controls escaped', () => {
    const pieces = fc.oneof(
      anyPersonalNumber.map((n) => n.written),
      fc.constantFrom('\u0001', '\u0007', '\n', '\t', '\u001b', '\u007f', '\u0085', '\u009b', '"', '\\', 'SE', ' ', '-', '\u00a0', '1', '0'),
      fc.stringMatching(/^\d{1,12}$/),
      fc.string({ maxLength: 6 }),
    );
    const text = fc.array(pieces, { maxLength: 6 }).map((p) => p.join(''));
    const whole = fc.oneof(
      anyPersonalNumber.filter((n) => /^\d+$/.test(n.written) && Number.isSafeInteger(Number(n.written))).map((n) => Number(n.written)),
      fc.integer(),
      fc.double({ noNaN: true }),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, text, whole, fc.boolean(), fc.constant(null), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(text, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(fc.property(value, sameAsReplacer), { numRuns: 3000 });
  });

  it('hides a number beside an escaped control character (\\u0001 puts digits beside it), as the replacer does', () => {
    const control = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(control, anyPersonalNumber, control, (before, n, after) => {
        const value = { text: `${before}${n.written}${after}` };
        expect(safeJson(value)).not.toContain(n.written);
        sameAsReplacer(value);
      }),
      { numRuns: 500 },
    );
  });

  it('shows the mark in the reader’s words: numbers it hides and marks the data already carried', () => {
    const value = { hidden: 'pnr 640823-3234 her', carried: 'line 3: [personal identity number]', number: 6_408_233_234 };
    expect(JSON.parse(safeJson(value, '(ikke vist)'))).toEqual({ hidden: 'pnr (ikke vist) her', carried: 'line 3: (ikke vist)', number: '(ikke vist)' });
    expect(JSON.parse(safeJson(value))).toEqual({ hidden: 'pnr [personal identity number] her', carried: 'line 3: [personal identity number]', number: '[personal identity number]' });
  });
});

describe('safeJsonNumber', () => {
  it('is safeJson of any number: personal identity numbers hidden in the reader’s words, NaN and infinities null', () => {
    const number = fc.oneof(
      fc.double(),
      fc.integer(),
      anyPersonalNumber.filter((n) => /^\d+$/.test(n.written) && Number.isSafeInteger(Number(n.written))).map((n) => Number(n.written)),
      fc.constantFrom(0, -0, 6_408_233_234, 1e21, Number.MAX_VALUE, Number.MIN_VALUE),
    );
    fc.assert(fc.property(number, fc.constantFrom(undefined, '(ikke vist)'), (n, mark) => {
        expect(safeJsonNumber(n, mark)).toBe(safeJson(n, mark));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('mayHoldPersonalNumber', () => {
  it('is true of every text findPersonalNumbers finds a number in', () => {
    const text = fc.array(fc.oneof(anyPersonalNumber.map((n) => n.written), fc.string({ maxLength: 8 }), fc.stringMatching(/^[\d -]{1,14}$/)), { maxLength: 5 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        if (findPersonalNumbers(t).length > 0) expect(mayHoldPersonalNumber(t)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
