import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WORKSPACE } from '../testing/child-processes.fixture';
import { discoverApps, startStages } from './app-set';

/** A throw-away workspace holding apps/<dir>/project.json for each entry. */
function workspaceWith(projects: Record<string, { name: string; tags: string[] }>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'launcher-apps-'));
  for (const [dir, project] of Object.entries(projects)) {
    mkdirSync(path.join(root, 'apps', dir), { recursive: true });
    writeFileSync(path.join(root, 'apps', dir, 'project.json'), JSON.stringify(project));
  }
  return root;
}

describe('discoverApps', () => {
  it('finds the shop in the real workspace, in start order, and leaves the e2e suites out', () => {
    const apps = discoverApps(WORKSPACE);
    const byName = Object.fromEntries(apps.map((app) => [app.name, app]));
    expect(byName.registry).toEqual({
      name: 'registry',
      project: 'dev-registry',
      role: 'registry',
      main: path.join('apps', 'dev-registry', 'dist', 'main.js'),
    });
    for (const service of ['catalog', 'inventory', 'reviews', 'orders']) {
      expect(byName[service]).toMatchObject({ role: 'service', project: service });
    }
    expect(byName.gateway).toMatchObject({ role: 'gateway' });
    expect(byName.console).toMatchObject({ role: 'console', main: 'apps/console/dist/main.js' });
    expect(apps.some((app) => app.project.endsWith('-e2e'))).toBe(false);
    const roles = apps.map((app) => app.role);
    expect(roles.indexOf('registry')).toBe(0);
    expect(roles.lastIndexOf('service')).toBeLessThan(roles.indexOf('gateway'));
    expect(roles.indexOf('console')).toBeLessThan(roles.indexOf('service'));
  });

  it('starts in stages registry → console → services → gateway', () => {
    const stages = startStages(discoverApps(WORKSPACE)).map((stage) => stage.map((a) => a.name));
    expect(stages).toEqual([
      ['registry'],
      ['console'],
      ['catalog', 'inventory', 'orders', 'reviews'],
      ['gateway'],
    ]);
  });

  it('picks up a new service from its tag alone', () => {
    const root = workspaceWith({
      'dev-registry': { name: 'dev-registry', tags: ['type:app', 'role:registry'] },
      payments: { name: 'payments', tags: ['type:app', 'role:service'] },
      tool: { name: 'tool', tags: ['type:app'] },
    });
    try {
      expect(discoverApps(root).map((app) => [app.name, app.role])).toEqual([
        ['registry', 'registry'],
        ['payments', 'service'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.each([
    [{ a: { name: 'a', tags: ['role:worker'] } }, /apps\/a\/project.json: expected one role tag/],
    [
      { a: { name: 'a', tags: ['role:service', 'role:gateway'] } },
      /got role:service, role:gateway/,
    ],
    [
      {
        a: { name: 'a', tags: ['role:registry'] },
        b: { name: 'b', tags: ['role:registry'] },
      },
      /more than one app has role:registry: a, b/,
    ],
    [{ a: { name: 'Not A Name', tags: ['role:service'] } }, /apps\/a\/project.json/],
  ])('refuses an ambiguous or malformed app set (%#)', (projects, message) => {
    const root = workspaceWith(projects);
    try {
      expect(() => discoverApps(root)).toThrow(message);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
