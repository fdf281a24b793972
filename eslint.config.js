import path from 'node:path';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const NOT_NODE = 'shared/ runs in the browser too: use a pure equivalent or a browser-ready package, not Node.';

const SHARED = path.resolve(import.meta.dirname, 'shared');

/**
 * `shared/` is pure TypeScript that the add-in bundles for the browser and the server runs in Node, so a module
 * in it may import only other modules of shared/ and packages: a relative path that climbs out of shared/
 * (`../server/store/errors.js`) is refused.
 */
const staysInShared = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { leaves: '"{{source}}" leaves shared/: shared/ may import only shared/ modules and packages.' },
  },
  create(context) {
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), source);
      if (target !== SHARED && !target.startsWith(SHARED + path.sep)) {
        context.report({ node: node.source, messageId: 'leaves', data: { source } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**'], message: 'shared/ and addin/ must not import server code' }] },
      ],
    },
  },
  {
    // Build and lint scripts (scripts/) read both sides: the route declarations and the pane's files.
    files: ['server/**', 'scripts/**', 'test/**', 'bench/**', 'examples/**', 'bin/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Only addin/excel/ touches Office.js: the pane talks to it through the gateway (addin/gateway.ts) and the
    // few functions of addin/excel/, so it also runs in a plain browser page (docs/architecture.md).
    files: ['addin/**'],
    ignores: ['addin/excel/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'Office', message: 'Office.js is used only in addin/excel/.' }],
    },
  },
  {
    // shared/ runs in the browser too: no Node modules, no host globals, nothing from outside shared/.
    files: ['shared/**'],
    languageOptions: { globals: { ...globals.es2021 } },
    plugins: { shared: { rules: { 'stays-in-shared': staysInShared } } },
    rules: {
      'shared/stays-in-shared': 'error',
      'no-restricted-imports': [
        'error',
        {
          // Node's built-in modules by their bare names (`fs`, `fs/promises`), and anything `node:`.
          paths: builtinModules.map((name) => ({ name, message: NOT_NODE })),
          patterns: [{ regex: '^node:', message: NOT_NODE }],
        },
      ],
    },
  },
);
