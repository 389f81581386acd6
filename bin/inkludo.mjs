#!/usr/bin/env node
// The installed `inkludo` command: runs the built CLI (npm run build:cli).
await import('../dist/cli/inkludo.mjs');
