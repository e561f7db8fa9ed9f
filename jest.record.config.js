// `npm run replay:record`: the integration project's settings, matching only *.record.ts files.
const base = require('./jest.config');

const integration = base.projects.find((project) => project.displayName === 'integration');
module.exports = {
  globalSetup: base.globalSetup,
  testTimeout: base.testTimeout,
  projects: [{ ...integration, displayName: 'record', testMatch: ['<rootDir>/test/**/*.record.ts'] }],
};
