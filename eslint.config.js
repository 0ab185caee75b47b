import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LAYERS = ['domain', 'core', 'store', 'wire', 'pictures', 'http', 'chat', 'queues', 'cron', 'ops', 'cli'];
const ADAPTERS = ['http', 'chat', 'queues', 'cron', 'ops'];
const NO_IO = ['node:*', 'drizzle-orm*', 'bullmq', 'wechaty*', 'pino', 'ioredis', 'better-sqlite3', 'fastify', 'node-cron'];
/** Import patterns of every layer but `self` and `allowed`. */
const others = (self, allowed = []) => LAYERS.filter((l) => l !== self && !allowed.includes(l)).map((l) => `../${l}/*`);
const layer = (name, allowed, { extra = [] } = {}) => ({
  files: [`src/${name}/**/*.ts`],
  rules: { 'no-restricted-imports': ['error', { patterns: [...others(name, allowed), ...extra] }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'migrations/', 'data/', 'docs/', 'dist/', '.build-*/', 'src/http/sandbox-page.html'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Tests poke at raw YAML objects and library internals.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      // The domain is pure: no I/O, no adapters, no clock (STYLE.md).
      'no-restricted-imports': ['error', { patterns: [...NO_IO, ...others('domain').flatMap((p) => [p, `../${p}`]), '**/config.js', '**/log.js', '**/app.js'] }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'the domain takes the time as a parameter' }],
    },
  },
  // Dependencies point down (STYLE.md "Core behind ports"): core joins the domain with the store
  // through its ports and never sees a queue, a connection or the config module; the store
  // knows only the domain; adapters receive core and do not import each other.
  layer('core', ['domain', 'store'], { extra: ['../config.js', '../app.js', 'bullmq', 'ioredis', 'wechaty*', 'fastify', 'node-cron'] }),
  layer('store', ['domain'], { extra: ['../config.js', '../app.js', '../log.js', 'bullmq', 'ioredis', 'wechaty*', 'fastify'] }),
  layer('wire', ['domain'], { extra: ['../config.js', '../app.js', 'wechaty*', 'fastify'] }),
  // Report pictures (ECharts SVG → PNG) know only the domain; the gateway and the CLI draw with them.
  layer('pictures', ['domain'], { extra: ['../config.js', '../app.js', '../log.js', 'bullmq', 'ioredis', 'wechaty*', 'fastify', 'drizzle-orm*', 'better-sqlite3'] }),
  ...ADAPTERS.map((a) => layer(a, ['domain', 'core', 'store', 'wire', 'pictures'], { extra: ['../app.js'] })),
);
