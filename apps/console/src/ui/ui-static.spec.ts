import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningConsole } from '../console.app';
import { send, startTestConsole } from '../console.fixture';
import { uiDir } from './ui-dir';

describe('serving the built UI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'console-ui-'));
  let consoleApp: RunningConsole;

  beforeAll(async () => {
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><title>Junction</title><script src="/assets/app.js"></script>',
    );
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("ui")');
    consoleApp = await startTestConsole({ CONSOLE_UI_DIR: dir });
  });
  afterAll(async () => {
    await consoleApp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and its assets, under the CSP', async () => {
    const index = await send(consoleApp.url, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.text).toContain('<title>Junction</title>');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    const asset = await send(consoleApp.url, { path: '/assets/app.js' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('still answers the API and 404s unknown files', async () => {
    expect((await send(consoleApp.url, { path: '/api/traces' })).status).toBe(200);
    expect((await send(consoleApp.url, { path: '/assets/missing.js' })).status).toBe(404);
  });

  it('finds no UI where no index.html is', () => {
    expect(uiDir(path.join(dir, 'assets'))).toBeUndefined();
    expect(uiDir(dir)).toBe(dir);
  });
});
