/**
 * Real-tool tiers (terraform + moto, checkov, the live audit against moto).
 * Serial on purpose: each file starts emulators and runs terraform, which
 * would only fight over 2 cores. Files are named *.e2e.ts so the unit tier
 * (jest.config.js, *.test.ts) never picks them up.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: { '^tenantform/(constructs|stacks|compliance)$': '<rootDir>/$1/index.ts' },
  maxWorkers: 1,
  testTimeout: 15 * 60_000,
};
