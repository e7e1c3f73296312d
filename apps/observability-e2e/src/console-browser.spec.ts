import { failedAnswers, steadyLoad, waitUntil } from '@junction/testing';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { startObservedStack, type ObservedStack } from './support/observed-stack';
import { BROWSER_CONSOLE, BROWSER_STACK } from './support/observability-ports';

const SERVICES = ['gateway', 'catalog', 'inventory', 'reviews', 'orders'];

/**
 * The console in a real browser against the stack as `npm start` runs it:
 * what an operator sees when a service dies, comes back, and when they force
 * a breaker; every page photographed.
 */
describe('the ops console in Chromium', () => {
  let stack: ObservedStack;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const product = async (id: number) => {
    const res = await fetch(`${stack.shop.gatewayUrl}/api/v1/products/${id}`);
    return {
      status: res.status,
      traceId: res.headers.get('x-trace-id') ?? '',
      body: (await res.json()) as { degraded: string[] },
    };
  };
  const open = async (route: string) => {
    await page.click(`[data-testid="nav-${route}"]`);
    await page.waitForURL(new RegExp(`#/${route}`));
  };
  const row = (selector: string) => page.locator(selector).first();

  beforeAll(async () => {
    stack = await startObservedStack({ ports: BROWSER_STACK, consolePorts: BROWSER_CONSOLE });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => errors.push(error.message));
    // The URL npm start prints: the token is swapped for a cookie.
    await page.goto(stack.consoleUiUrl);
    await page.waitForURL((url) => !url.search.includes('token'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('loads with every service passing', async () => {
    await open('instances');
    for (const service of SERVICES) {
      await row(
        `[data-testid="instance-row"][data-service="${service}"][data-status="passing"]`,
      ).waitFor({
        timeout: 15_000,
      });
    }
    await screenshot(page, 'instances');
    await open('map');
    await page.locator('[data-testid="service-map"] canvas').first().waitFor();
    await screenshot(page, 'map');
    expect(errors).toEqual([]);
  });

  it('shows a killed service critical and its breaker open while the shop answers degraded', async () => {
    const load = steadyLoad(stack.shop.gatewayUrl, { workers: 2, maxMs: 30_000 });
    let result;
    try {
      stack.shop.processes.get('reviews')!.signal('SIGKILL');
      const killedAt = Date.now();
      await open('instances');
      await row(
        '[data-testid="instance-row"][data-service="reviews"][data-status="critical"]',
      ).waitFor({
        timeout: 5_000,
      });
      await open('breakers');
      await row(
        '[data-testid="breaker-row"][data-caller="gateway"][data-upstream="reviews"][data-state="open"]',
      ).waitFor({ timeout: Math.max(1, 5_000 - (Date.now() - killedAt)) });
      await screenshot(page, 'breakers-reviews-down');
      const answer = await product(1);
      expect(answer.status).toBe(200);
      expect(answer.body.degraded).toEqual(['reviews']);
    } finally {
      result = await load.stop();
    }
    // The rest of the shop kept answering: every product request got a 200.
    expect(result.total).toBeGreaterThan(0);
    expect(failedAnswers(result)).toEqual([]);
  });

  it('restarts the killed service from the processes page', async () => {
    await open('processes');
    await row('[data-testid="process-row"][data-name="reviews"][data-state="exited"]').waitFor();
    await screenshot(page, 'processes-reviews-exited');
    await page.click('[data-testid="process-restart"][data-name="reviews"]');
    await row('[data-testid="process-row"][data-name="reviews"][data-state="running"]').waitFor({
      timeout: 20_000,
    });
    await open('instances');
    await waitUntil(
      async () =>
        (await page
          .locator('[data-testid="instance-row"][data-service="reviews"][data-status="passing"]')
          .count()) > 0,
      { what: 'a passing reviews instance', timeoutMs: 15_000 },
    );
    await waitUntil(async () => (await product(2)).body.degraded.length === 0, {
      what: 'the product page to be whole again',
      timeoutMs: 15_000,
    });
  });

  it("opens a product's trace from its X-Trace-Id with spans from the gateway and the three services", async () => {
    const { traceId } = await product(7);
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    await open('traces');
    await page.fill('[data-testid="trace-search-input"]', traceId);
    await page.click('[data-testid="trace-search-button"]');
    await waitUntil(
      async () => {
        const services = await page
          .locator('[data-testid="span-row"]')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-service')));
        return ['gateway', 'catalog', 'inventory', 'reviews'].every((s) => services.includes(s));
      },
      { what: 'the waterfall to show all four services', timeoutMs: 10_000, intervalMs: 200 },
    );
    await screenshot(page, 'trace-waterfall');
  });

  it('forces the reviews breaker open from the UI, and auto restores it', async () => {
    await open('breakers');
    const reviews = '[data-testid="breaker-row"][data-caller="gateway"][data-upstream="reviews"]';
    await page.locator(`${reviews} [data-testid="breaker-force-open"]`).first().click();
    await waitUntil(
      async () => {
        const answer = await product(3);
        return answer.status === 200 && answer.body.degraded.includes('reviews');
      },
      { what: 'the product answer to be degraded by the forced breaker', timeoutMs: 10_000 },
    );
    expect((await product(4)).body.degraded).toEqual(['reviews']);
    await row(`${reviews}[data-forced="open"]`).waitFor();
    await screenshot(page, 'breakers-forced-open');
    await page.locator(`${reviews} [data-testid="breaker-auto"]`).first().click();
    await waitUntil(async () => (await product(5)).body.degraded.length === 0, {
      what: 'auto to restore the reviews section',
      timeoutMs: 10_000,
    });
  });

  it('photographs the remaining pages', async () => {
    for (const route of ['edge', 'routes', 'logs', 'faults']) {
      await open(route);
      await screenshot(page, route);
    }
  });

  it('renders attacker-controlled span names, attributes and log lines as text', async () => {
    const traceId = 'deadbeef'.repeat(4);
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const now = BigInt(Date.now()) * 1_000_000n;
    const res = await fetch(`${stack.shop.platform.console!.otlpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: hostile } }] },
            scopeSpans: [
              {
                spans: [
                  {
                    traceId,
                    spanId: '00f067aa0ba902b7',
                    name: hostile,
                    kind: 2,
                    startTimeUnixNano: String(now),
                    endTimeUnixNano: String(now + 1_000_000n),
                    attributes: [{ key: 'note', value: { stringValue: hostile } }],
                    events: [{ name: hostile, timeUnixNano: String(now) }],
                  },
                ],
              },
            ],
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    await open('traces');
    await page.fill('[data-testid="trace-search-input"]', traceId);
    await page.click('[data-testid="trace-search-button"]');
    const span = row('[data-testid="span-row"]');
    await span.waitFor();
    await span.click();
    await page.getByText(hostile, { exact: false }).first().waitFor();
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await screenshot(page, 'trace-hostile-text');
  });
});
