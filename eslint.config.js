// Lint rules for the whole repo. Beyond typescript-eslint's recommended set, `no-restricted-imports`
// keeps each folder to the process it runs in (STYLE.md §1): src/shared is pure TS + zod,
// src/renderer never touches Node, and only the Electron layer (and the preload) import `electron`.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electron = { name: 'electron', message: 'Only src/main/electron/ and src/preload/ may import electron; the core is plain Node.' };
const nodeBuiltins = builtinModules
  .filter((m) => !m.startsWith('_'))
  .map((name) => ({ name, message: 'This folder runs outside Node; do not import Node built-ins.' }));
const nodePrefixed = { group: ['node:*'], message: 'This folder runs outside Node; do not import Node built-ins.' };
const electronSub = { group: ['electron/*'], message: electron.message };
const reactDom = { name: 'react-dom', message: 'src/shared is pure TypeScript + zod.' };
const reactDomSub = { group: ['react-dom/*'], message: reactDom.message };
// ARCHITECTURE.md "Source layout": test tooling never ships, so the app never imports it.
const noTooling = { regex: '(^|/)(tools|tests)/', message: 'src/ never imports tools/ or tests/: they do not ship. Product code (e.g. the demo provider) lives in src/.' };

export default tseslint.config(
  { ignores: ['out/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-imports': ['error', { paths: [electron], patterns: [electronSub] }],
    },
  },
  {
    files: ['src/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron], patterns: [electronSub, noTooling] }] },
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron, reactDom, ...nodeBuiltins], patterns: [nodePrefixed, electronSub, reactDomSub, noTooling] }] },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      // This rule only matters to the React Compiler, which the app does not use; with it on, every
      // @tanstack/react-virtual list (Queue, Library) would need the same inline exception.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': ['error', { paths: [electron, ...nodeBuiltins], patterns: [nodePrefixed, electronSub, noTooling] }],
    },
  },
  {
    // Issue 14 "Languages": all UI text goes through the i18n layer (src/renderer/i18n). Text in JSX and
    // the attributes people read or hear (labels, titles, placeholders, alt text) must come from `t()`.
    files: ['src/renderer/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['^aria-label$', '^aria-description$', '^aria-roledescription$', '^aria-valuetext$', '^title$', '^placeholder$', '^alt$', '^label$'] },
        },
      ],
    },
  },
  {
    files: ['src/main/electron/**', 'src/preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noTooling] }] },
  },
);
