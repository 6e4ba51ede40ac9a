#!/usr/bin/env node
// The compiled CLI lives in dist/; this shim only finds it and explains what to do when it is missing.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);

if (!existsSync(entry)) {
  process.stderr.write(
    'error: the recital CLI is not built (dist/cli/main.js is missing)\nhint: run `npm run build` first\n',
  );
  process.exit(1);
}

const { main } = await import(entry.href);
await main();
