/**
 * The CLI's long output: lines written in batches awaiting a slow stdout (nothing lost, nothing piled
 * up), and one-line JSON written without a replacer where it has nothing to hide (the same text as
 * with personalNumberReplacer, whatever the value holds).
 */
import { once } from 'node:events';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers, mayHoldPersonalNumber, personalNumberReplacer, translator } from '../../core/index.ts';
import type { CliContext } from '../../cli/command.ts';
import { jsonLine } from '../../cli/io.ts';
import { drained, writeLines } from '../../cli/write-lines.ts';
import { anyPersonalNumber } from '../support/personal-numbers.ts';

function context(out: (text: string) => void, outDrained: () => Promise<void> = () => Promise.resolve()): CliContext {
  return { lang: 'en', t: translator('en'), out, err: () => undefined, outDrained, env: {} };
}

describe('writeLines', () => {
  it('writes the lines joined by line feeds however they are batched (empty and long lines too)', async () => {
    const line = fc.oneof(fc.constant(''), fc.string({ maxLength: 40 }), fc.string({ minLength: 30_000, maxLength: 70_000 }));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), async (lines) => {
        const writes: string[] = [];
        await writeLines(context((text) => writes.push(text)), lines);
        // Each write is printed with a line feed after it, as the real stdout does.
        expect(writes.map((w) => `${w}\n`).join('')).toBe(lines.length === 0 ? '' : `${lines.join('\n')}\n`);
      }),
      { numRuns: 60 },
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
    await writeLines(ctx, lines);
    slow.end();
    await once(slow, 'finish');
    expect(Buffer.concat(received).toString()).toBe(`${lines.join('\n')}\n`);
    // 20 000 lines are about 1 MB: without waiting they would all sit in the stream's buffer.
    expect(mostBuffered).toBeLessThan(2 * 64 * 1024 + 200);
  });
});

describe('jsonLine', () => {
  const sameAsReplacer = (value: unknown): void => {
    expect(jsonLine(value)).toBe(JSON.stringify(value, personalNumberReplacer));
  };

  it('is the replacer’s JSON for any value, personal identity numbers in strings and whole numbers included', () => {
    const pieces = fc.oneof(
      anyPersonalNumber.map((n) => n.written),
      fc.constantFrom('\u0001', '\u0007', '\n', '\t', '\u001b', '"', '\\', 'SE', ' ', '-', '\u00a0', '1', '0'),
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
    const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(control, anyPersonalNumber, control, (before, n, after) => {
        const value = { text: `${before}${n.written}${after}` };
        expect(jsonLine(value)).not.toContain(n.written);
        sameAsReplacer(value);
      }),
      { numRuns: 500 },
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
