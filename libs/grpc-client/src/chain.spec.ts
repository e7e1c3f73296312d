import { chain } from './chain';
import { fakeUnaryCall } from './unary-call.fixture';
import type { Middleware } from './unary-call.types';

const call = fakeUnaryCall();

const recording =
  (name: string, log: string[]): Middleware =>
  (next) =>
  async (c) => {
    log.push(`${name}:in`);
    const result = await next(c);
    log.push(`${name}:out`);
    return result;
  };

describe('chain', () => {
  it('runs middleware outermost first and unwinds in reverse', async () => {
    const log: string[] = [];
    const handler = chain(
      recording('a', log),
      recording('b', log),
    )(async () => {
      log.push('call');
      return 'done';
    });
    expect(await handler(call)).toBe('done');
    expect(log).toEqual(['a:in', 'b:in', 'call', 'b:out', 'a:out']);
  });

  it('is the bare handler when given no middleware', async () => {
    const terminal = async () => 'direct';
    expect(await chain()(terminal)(call)).toBe('direct');
  });

  it('lets a middleware short-circuit without calling next', async () => {
    const next = jest.fn();
    const refuse: Middleware = () => async () => {
      throw new Error('refused');
    };
    await expect(chain(refuse)(next)(call)).rejects.toThrow('refused');
    expect(next).not.toHaveBeenCalled();
  });
});
