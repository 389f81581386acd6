// `npm start`: the main job on the bundled sample data, through the real CLI.
import { spawnSync } from 'node:child_process';

const steps = [
  ['rules', '--jurisdiction', 'NO', '--date', '2026-11-23'],
  ['classify', '750000', '--jurisdiction', 'SE', '--date', '2026-11-23'],
  // No --jurisdiction: each sheet's own evidence decides, and the output says which.
  ['check', 'samples/innkjopsplan-2027.xlsx', '--date', '2026-11-23', '--registry', 'samples/registry.demo.csv', '--lang', 'nb'],
  ['check', 'samples/avtalsregister-2027.xlsx', '--date', '2026-11-23', '--registry', 'samples/registry.demo.csv', '--lang', 'sv'],
];

for (const args of steps) {
  console.log(`\n$ inkludo ${args.join(' ')}`);
  const run = spawnSync(process.execPath, ['scripts/run-cli.mjs', ...args], { stdio: 'inherit' });
  if (run.status !== 0 && run.status !== 1) process.exit(run.status ?? 1);
}

// The Excel add-in without Excel: build it, then serve the task pane on a fake Excel host with the
// sample sheet of the pane's language until stopped (Ctrl-C, or the IDE task or container ends).
// `npm start -- --print-url`, INKLUDO_PLAYGROUND=print-url or CI only print the URL and end.
console.log('\n$ npm run build:addin');
const addin = spawnSync('npm', ['run', 'build:addin', '--silent'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (addin.status !== 0) process.exit(addin.status ?? 1);
const playground = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve-addin.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(playground.status ?? 0);
