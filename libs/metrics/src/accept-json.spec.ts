import { prefersJson } from './accept-json';

describe('prefersJson', () => {
  it.each([
    ['application/json', true],
    ['application/json, text/plain;q=0.5', true],
    ['text/plain, application/json;q=0.9', false],
    ['application/json;q=0', false],
    ['*/*', false],
    ['text/plain;version=0.0.4;q=0.2,*/*;q=0.1', false],
    [undefined, false],
  ])('%s → %s', (accept, json) => {
    expect(prefersJson(accept)).toBe(json);
  });
});
