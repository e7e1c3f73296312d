import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUNDLE_SCRIPT, createNodes } from './bundle-target.plugin';

describe('the inferred bundle target', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'bundle-target-'));
  const project = (dir: string, tags: string[], main: boolean) => {
    mkdirSync(path.join(root, 'apps', dir, 'src'), { recursive: true });
    writeFileSync(
      path.join(root, 'apps', dir, 'project.json'),
      JSON.stringify({ name: dir, tags }),
    );
    if (main) writeFileSync(path.join(root, 'apps', dir, 'src', 'main.ts'), '');
    return `apps/${dir}/project.json`;
  };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is given to every type:app with a server main, running the one shared script', async () => {
    const files = [
      project('catalog', ['type:app', 'role:service'], true),
      project('console-ui', ['type:ui'], true),
      project('shop-e2e', ['type:e2e'], true),
      project('half-app', ['type:app'], false),
    ];
    const [, infer] = createNodes;
    const results = await infer(files, undefined, { workspaceRoot: root, nxJsonConfiguration: {} });
    const bundled = results.flatMap(([, result]) =>
      Object.entries(result.projects ?? {}).map(([dir, config]) => [dir, config.targets]),
    );
    expect(bundled).toEqual([
      [
        'apps/catalog',
        {
          bundle: {
            executor: 'nx:run-commands',
            options: { command: `node ${BUNDLE_SCRIPT} catalog` },
          },
        },
      ],
    ]);
  });
});
