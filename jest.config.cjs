// All projects in one run, so CI gets one summary. Each project's own
// jest.config.cjs is also runnable alone (`nx test <project>`).
const { readdirSync, existsSync } = require('node:fs');
const path = require('node:path');

const projects = ['apps', 'libs'].flatMap((group) =>
  readdirSync(path.join(__dirname, group))
    .map((name) => path.join(__dirname, group, name, 'jest.config.cjs'))
    .filter((config) => existsSync(config)),
);

module.exports = { projects };
