import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layer boundaries of ARCHITECTURE.md, enforced here rather than by hope: each entry lists what a layer must not
 * import. Patterns are regular expressions over the import specifier.
 */
const layer = (name, forbidden) => ({
  files: [`src/${name}/**/*.{ts,vue}`],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map(([regex, message]) => ({ regex, message: `${name} must not import ${message} (ARCHITECTURE.md layers).` })) },
    ],
  },
});

const electron = ['^electron(/|$)', 'electron'];
const node = ['^node:|^(fs|path|os|crypto|child_process|http|https|net|url|worker_threads)$', 'Node built-ins'];
/** A project folder reached by a relative path (`../core/x`), never an npm package such as `echarts/core`. */
const projectDir = (name) => `^(\\.\\.?/)+(.*/)?${name}(/|$)`;
const coreDir = [projectDir('core'), 'core'];
const serverDir = [projectDir('server'), 'the server'];
const mainDir = [projectDir('main'), 'the Electron main process'];
const preloadDir = [projectDir('preload'), 'the preload'];
const rendererDir = [`${projectDir('renderer')}|^@renderer/`, 'the renderer'];
const httpFramework = ['^(fastify|@fastify/.*|ws)$', 'an HTTP framework'];
const ui = ['^(vue|pinia|naive-ui|vue-router|echarts|vue-echarts)(/|$)', 'UI libraries'];
const storage = ['^(better-sqlite3|kysely)(/|$)', 'the database'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  { languageOptions: { globals: { ...globals.node } } },
  { files: ['src/renderer/**/*.{ts,vue}'], languageOptions: { globals: { ...globals.browser } } },
  {
    rules: {
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    // Tests may use loose types for HTTP bodies they assert on field by field.
    files: ['tests/**/*.ts', '**/*.test.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  layer('shared', [electron, node, coreDir, serverDir, mainDir, preloadDir, rendererDir, httpFramework, ui, storage]),
  layer('core', [electron, serverDir, mainDir, preloadDir, rendererDir, httpFramework, ui]),
  layer('server', [electron, mainDir, preloadDir, rendererDir, ui]),
  layer('main', [preloadDir, rendererDir, ui]),
  layer('preload', [node, coreDir, serverDir, mainDir, rendererDir, ui, storage]),
  layer('renderer', [electron, node, coreDir, serverDir, mainDir, preloadDir, httpFramework, storage]),
  prettier,
);
