#!/usr/bin/env node
// `ml-studio` — runs a notebook headless (see `ml-studio --help`). The CLI is TypeScript; tsx runs it on Node ≥ 20.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
