/** Unit tests: swc strips types without checking them; `tsc --noEmit` type-checks once. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/package/'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: { '^tenantform/(constructs|stacks|compliance)$': '<rootDir>/$1/index.ts' },
  // The AWS provider classes are large; a few workers on 2 cores beats many.
  maxWorkers: 2,
};
