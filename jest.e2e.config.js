/**
 * Real-tool tiers (terraform + moto, checkov, the live audit against moto).
 * Two files at a time: an apply against moto spends much of its wall time in
 * the provider's fixed waits with both cores idle, so a second file fills
 * them (each file starts its own emulators on free ports). Longest first, so
 * the long example suites never start last. Files are named *.e2e.ts so the
 * unit tier (jest.config.js, *.test.ts) never picks them up.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: { '^tenantform/(constructs|stacks|compliance)$': '<rootDir>/$1/index.ts' },
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/e2e/support/longest-first-sequencer.cjs',
  testTimeout: 15 * 60_000,
};
