import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'pg', 'pg-*', 'mqtt', 'aedes', 'aedes-*', 'fastify', '@fastify/*', 'pino', '@electric-sql/*'];
const ourServerPackages = ['@citytwin/store', '@citytwin/store/*', '@citytwin/ingest', '@citytwin/api', '@citytwin/simulators'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.citytwin/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/*', '@citytwin/*/src/**'], message: "Import a package's public entry, not its src/ internals." }] }],
    },
  },
  {
    // The domain package runs in the browser and in Node: no I/O, no clock.
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeOnly, '@citytwin/*'], message: 'shared is pure TypeScript: no I/O and none of our other packages.' }] }],
      'no-restricted-globals': ['error', 'fetch', 'setTimeout', 'setInterval', 'process', 'Buffer'],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass a clock in; shared reads no time.' }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...nodeOnly, ...ourServerPackages], message: 'web takes only types and pure functions from @citytwin/shared.' }] }],
    },
  },
  {
    files: ['{store,ingest,api,simulators}/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@citytwin/test', '@citytwin/test/*'], message: 'Nothing imports test/.' }] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', '**/bench/**/*.ts', '**/scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
