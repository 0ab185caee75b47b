#!/usr/bin/env node
// `gridguard` on the PATH (npm link / npx gridguard): runs the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
