import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'demo/**/*.ts'],
    languageOptions: { globals: globals.browser },
    settings: { wc: { elementBaseClasses: ['LitElement', 'ImpactElement'] } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Elements register through src/internal/define.ts, which tolerates a second copy of the bundle.
      'wc/guard-define-call': 'off',
      // LitElement implements every lifecycle callback, so the guard would only add noise.
      'wc/guard-super-call': 'off',
      'lit/no-template-arrow': 'off',
    },
  },
  {
    // Tests bend documents into every wrong shape; typing each one would hide what they test.
    files: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      // chai assertions are property reads: expect(x).to.be.true
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: [
      'bin/**/*.mjs',
      'scripts/**/*.mjs',
      'test/**/*.js',
      'test/**/*.mjs',
      '*.config.js',
      '*.config.mjs',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['demo/**/*.js', 'demo/**/*.mjs', 'test/pages/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // bench/run.mjs and its helpers run in node; the bench pages run in the browser.
    files: ['bench/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['bench/pages/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
);
