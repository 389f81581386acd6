import { runCli } from './main.ts';
import { drained } from './write-lines.ts';

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
  outBytes: (bytes) => process.stdout.write(bytes),
  err: (text) => process.stderr.write(`${text}\n`),
  outDrained: () => drained(process.stdout),
  env: process.env,
});
process.exitCode = code;
