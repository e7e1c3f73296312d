import { CheckEvents } from '../state/check-events';
import { RaftIndex } from '../state/raft-index';
import { RegistryClock } from '../time/registry-clock';
import { AgentState } from './agent-state';
import { parseRegistration } from './service-definition';

describe('AgentState', () => {
  const setup = () => {
    const deps = {
      raft: new RaftIndex(),
      clock: new RegistryClock(0.01),
      checkEvents: new CheckEvents(),
    };
    const events: string[] = [];
    deps.checkEvents.on('critical', (id) => events.push(`critical ${id}`));
    deps.checkEvents.on('deregistered', (id) => events.push(`deregistered ${id}`));
    const state = new AgentState(deps);
    const register = (body: object, replace = false) =>
      state.register(parseRegistration(JSON.stringify(body)), replace);
    return { deps, events, state, register };
  };

  it('emits critical on a transition to critical and deregistered on removal', () => {
    const { events, state, register } = setup();
    register({ Name: 's', Check: { CheckID: 'c', TTL: '1m', Status: 'passing' } });
    state.updateCheck('c', 'critical', 'boom');
    state.updateCheck('c', 'critical', 'boom again');
    state.deregister('s');
    expect(events).toEqual(['critical c', 'deregistered c']);
  });

  it('emits deregistered for checks dropped by replace-existing-checks', () => {
    const { events, register } = setup();
    register({
      Name: 's',
      Checks: [
        { CheckID: 'a', TTL: '1m' },
        { CheckID: 'b', TTL: '1m', Status: 'passing' },
      ],
    });
    events.length = 0;
    register({ Name: 's', Check: { CheckID: 'a', TTL: '1m' } }, true);
    expect(events).toEqual(['deregistered b']);
  });

  it('moves the service index only for catalog-visible changes', () => {
    const { state, register } = setup();
    register({ Name: 's', Check: { CheckID: 'c', TTL: '1m', Status: 'passing' } });
    const before = state.indexes.forService('s');
    register({ Name: 's', Check: { CheckID: 'c', TTL: '1m', Status: 'passing' } });
    state.updateCheck('c', 'passing', '');
    expect(state.indexes.forService('s')).toBe(before);
    state.updateCheck('c', 'warning', 'hmm');
    expect(state.indexes.forService('s')).toBeGreaterThan(before);
  });

  it('starts the critical-since clock on the first critical update, not at registration', () => {
    const { state, register } = setup();
    register({ Name: 's', Check: { CheckID: 'c', TTL: '1m' } });
    expect(state.checks.get('c')?.criticalSince).toBeUndefined();
    state.updateCheck('c', 'critical', '');
    const since = state.checks.get('c')?.criticalSince;
    expect(since).toBeDefined();
    state.updateCheck('c', 'critical', 'still');
    expect(state.checks.get('c')?.criticalSince).toBe(since);
    state.updateCheck('c', 'passing', '');
    expect(state.checks.get('c')?.criticalSince).toBeUndefined();
    state.close();
  });
});
