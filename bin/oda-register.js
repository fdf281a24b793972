#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx oda-register` works straight after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
