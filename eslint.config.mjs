import { defineConfig } from 'eslint/config';
import baseConfig from './.config/eslint.config.mjs';

export default defineConfig([
  {
    ignores: [
      '**/logs',
      '**/*.log',
      '**/npm-debug.log*',
      '**/yarn-debug.log*',
      '**/yarn-error.log*',
      '**/.pnpm-debug.log*',
      '**/node_modules/',
      '.yarn/cache',
      '.yarn/unplugged',
      '.yarn/build-state.yml',
      '.yarn/install-state.gz',
      '**/.pnp.*',
      '**/pids',
      '**/*.pid',
      '**/*.seed',
      '**/*.pid.lock',
      '**/lib-cov',
      '**/coverage',
      '**/dist/',
      '**/artifacts/',
      '**/work/',
      '**/ci/',
      'test-results/',
      'playwright-report/',
      'blob-report/',
      'playwright/.cache/',
      'playwright/.auth/',
      '**/.idea',
      '**/.eslintcache',
      '.harness/',
      'bench/out/',
    ],
  },
  ...baseConfig,
  {
    // Layering: model/ is pure TypeScript, state/ may not render, panels share code only through src/shared.
    files: ['src/panels/*/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['react', 'react-dom', '@grafana/ui', '@grafana/runtime', '**/state/*', '**/components/*'] },
      ],
    },
  },
  {
    // Grafana's plugin validator warns on direct location reads; the plugin goes through locationService.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self', 'document'].map((object) => ({
          object,
          property: 'location',
          message: 'Use locationService (and locationUtil) from @grafana/runtime / @grafana/data instead.',
        })),
      ],
      'no-restricted-globals': ['error', { name: 'location', message: 'Use locationService from @grafana/runtime instead.' }],
    },
  },
  {
    // TypeScript outside src/ (simulator, tests, harness, bench, dashboard generators) is linted too.
    files: ['simulator/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts', 'dashboards-src/**/*.ts', 'webpack.config.ts'],
  },
  {
    // Benchmarks are command-line programs whose output is tables.
    files: ['bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src/panels/*/state/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/components/*'] }] },
  },
]);
