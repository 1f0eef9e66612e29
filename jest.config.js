/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
    // d3-scale, d3-shape and their d3 dependencies ship as ES modules only: compiled to CommonJS for the
    // tests (Node itself loads them with require(esm), so dist/ needs nothing of this)
    '^.+/node_modules/(d3-[a-z-]+|internmap)/.+\\.m?js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', moduleResolution: 'node10', isolatedModules: true, ignoreDeprecations: '6.0' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(d3-[a-z-]+|internmap)/)'],
  testTimeout: 30000,
};
