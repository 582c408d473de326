// Layered on top of create-plugin's config (.config/ stays as generated).
process.env.TZ = 'UTC';
const base = require('./.config/jest.config');

module.exports = {
  ...base,
  // d3-color >= 3.1.1 ships only .mjs; the scaffold's transform regex misses it.
  transform: { ...base.transform, '^.+\\.mjs$': base.transform['^.+\\.(t|j)sx?$'] },
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}', '<rootDir>/dashboards-src/**/*.test.ts', '<rootDir>/simulator/**/*.test.ts'],
  // Cold transforms of @grafana/ui are slow on 2 cores.
  testTimeout: 30000,
};
