// Unit tests sit beside the code (*.spec.ts); integration and end-to-end tests live under test/.
// scripts/test.mjs starts PostgreSQL and Temporal and passes their addresses in the environment.
const swc = ['@swc/jest', {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
}];

const moduleNameMapper = {
  '^@hearth/domain$': '<rootDir>/libs/domain/src',
  '^@hearth/persistence$': '<rootDir>/libs/persistence/src',
  '^@hearth/temporal$': '<rootDir>/libs/temporal/src',
  '^@hearth/workflows/(.*)$': '<rootDir>/workflows/$1',
};

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
      moduleNameMapper,
      testMatch: ['<rootDir>/{apps,libs,workflows}/**/*.spec.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
      moduleNameMapper,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/require-environment.ts'],
    },
  ],
};
