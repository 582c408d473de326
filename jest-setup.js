// Jest setup provided by Grafana scaffolding. It touches browser globals, so `@jest-environment node` suites skip it.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
