// Unit tests (pure logic) and integration tests (real sshd + Slurm on 127.0.0.1) are separate projects,
// so `npm run test:unit` stays fast and network-free.
const common = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] }
}

export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.unit.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.int.test.ts'],
      // A project's global setup runs only when a test of the project runs: a unit test never starts a cluster.
      globalSetup: '<rootDir>/test/global-setup.mjs'
    }
  ],
  testTimeout: 120000,
  // Integration tests share one cluster and reset it between tests: one test file at a time.
  maxWorkers: 1,
  // An integration test may leave an SSH socket half-closed; never let that hang CI.
  forceExit: true
}
