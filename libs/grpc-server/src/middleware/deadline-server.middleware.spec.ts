import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { activeDeadline } from '@junction/resilience';
import { statusErrorOf } from '../testing';
import { Status } from '../status.error';
import { deadlineServer } from './deadline-server.middleware';
import { fakeServerCall } from './server-call.fixture';

describe('deadlineServer', () => {
  const manager = new AsyncLocalStorageContextManager();
  beforeAll(() => context.setGlobalContextManager(manager.enable()));
  afterAll(() => {
    manager.disable();
    context.disable();
  });

  /** Resolves to the budget the handler ran with. */
  const budgetSeen = async () => activeDeadline();

  it("runs the handler inside the caller's deadline, as the request's budget", async () => {
    const deadline = Date.now() + 5000;
    expect(await deadlineServer()(budgetSeen)(fakeServerCall({ deadline }))).toBe(deadline);
  });

  it('gives the handler no budget when the caller set no deadline', async () => {
    expect(await deadlineServer()(budgetSeen)(fakeServerCall())).toBeUndefined();
  });

  it('answers DEADLINE_EXCEEDED without running a handler whose deadline passed first', async () => {
    const next = jest.fn(budgetSeen);
    const error = await statusErrorOf(
      deadlineServer()(next)(fakeServerCall({ deadline: Date.now() - 1 })),
    );
    expect(error.code).toBe(Status.DEADLINE_EXCEEDED);
    expect(next).not.toHaveBeenCalled();
  });
});
