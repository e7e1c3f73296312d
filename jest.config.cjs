// All projects in one run, so CI gets one summary. Each project's own
// jest.config.cjs is also runnable alone (`nx test <project>`).
const { readdirSync, existsSync } = require('node:fs');
const path = require('node:path');

const projects = ['apps', 'libs'].flatMap((group) =>
  readdirSync(path.join(__dirname, group))
    .map((name) => path.join(__dirname, group, name, 'jest.config.cjs'))
    .filter((config) => existsSync(config)),
);
// The deployment files' checks (Dockerfile, compose, Helm chart).
projects.push(path.join(__dirname, 'infra', 'jest.config.cjs'));

// testTimeout is global in Jest: in a multi-project run the projects' own
// values are ignored. The e2e suites wait on real processes, so the bound
// here is theirs; each wait inside a test has its own, tighter limit.
module.exports = { projects, testTimeout: 60_000 };
