import { runCli } from './main.ts';

// The built entry point (dist/cli/inkludo.mjs): wires runCli to the real process.
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
});
process.exitCode = code;
