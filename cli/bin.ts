import { runCli } from './main.ts';
import { drained } from './write-lines.ts';
import { OFF_THREAD_MIN_BYTES } from './xlsx/read-off-thread.ts';
import { OFF_THREAD_MIN_ROWS } from './xlsx/results-off-thread.ts';

// The built entry point (dist/cli/inkludo.mjs): wires runCli to the real process.

// `inkludo check big.xlsx | head`: once the reader is gone, stop quietly (no EPIPE stack trace) with
// the exit code a shell expects of a command cut short by a closed pipe (128 + SIGPIPE).
const EXIT_PIPE_CLOSED = 141;
function endOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(EXIT_PIPE_CLOSED);
  throw error;
}
process.stdout.on('error', endOnClosedPipe);
process.stderr.on('error', endOnClosedPipe);

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  // A file or a terminal takes the bytes before write returns (a pipe does while its reader keeps up):
  // nothing is left buffered, and the array may take the next batch. Otherwise it is left to the
  // collector (a write's own callback waits for a tick that long output, awaiting only promises,
  // never gives it).
  outBytes: (bytes, written) => {
    process.stdout.write(bytes);
    if (process.stdout.writableLength === 0) written();
  },
  err: (text) => process.stderr.write(`${text}\n`),
  outDrained: () => drained(process.stdout),
  xlsxReader: { worker: new URL('./xlsx-reader.mjs', import.meta.url), minBytes: OFF_THREAD_MIN_BYTES },
  resultsWriter: { worker: new URL('./xlsx-results.mjs', import.meta.url), minRows: OFF_THREAD_MIN_ROWS },
  env: process.env,
});
process.exitCode = code;
