import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'migrations/', 'data/', 'docs/', 'src/http/sandbox-page.html'] },
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
      'no-restricted-imports': ['error', { patterns: ['node:*', 'drizzle-orm*', 'bullmq', 'wechaty*', 'pino', 'ioredis', '../store/*', '../queues/*', '../chat/*', '../http/*', '../core/*'] }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'the domain takes the time as a parameter' }],
    },
  },
);
