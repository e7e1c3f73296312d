import type { RegistryClock } from '../../time/registry-clock';
import type { AgentState, CheckLifecycle } from '../agent-state';
import type { CheckDefinition, CheckRecord } from '../model';
import { probeGrpc } from './grpc-probe';
import { probeHttp } from './http-probe';
import { IntervalCheck } from './interval-check';
import type { Probe } from './probe';
import { StatusHandler } from './status-handler';
import { probeTcp } from './tcp-probe';
import { DEFAULT_OUTPUT_MAX_SIZE, TtlCheck } from './ttl-check';

/** A check's max output: the agent's 4096 bytes, lowered (never raised) per check. */
const maxOutputOf = (check: CheckDefinition) =>
  check.OutputMaxSize > 0
    ? Math.min(check.OutputMaxSize, DEFAULT_OUTPUT_MAX_SIZE)
    : DEFAULT_OUTPUT_MAX_SIZE;

/** The probe an interval check runs; undefined for types the dev registry does not execute. */
function probeFor(type: string, maxOutput: number): Probe | undefined {
  switch (type) {
    case 'http':
      return (check, signal) => probeHttp(check, maxOutput, signal);
    case 'tcp':
      return probeTcp;
    case 'grpc':
      return (check) => probeGrpc(check);
    default:
      // udp, h2ping, alias, docker, os_service: registered, never run.
      return undefined;
  }
}

/** Starts and stops the runner behind each check as the agent adds and removes them. */
export class CheckSupervisor implements CheckLifecycle {
  private readonly ttls = new Map<string, TtlCheck>();
  private readonly intervals = new Map<string, IntervalCheck>();

  constructor(
    private readonly state: AgentState,
    private readonly clock: RegistryClock,
  ) {}

  added(record: CheckRecord): void {
    const id = record.CheckID;
    const check = record.definition;
    const notify = (status: CheckRecord['status'], output: string) =>
      this.state.updateCheck(id, status, output);
    if (record.Type === 'ttl') {
      // Thresholds do not apply to TTL checks.
      this.ttls.set(id, new TtlCheck(check.TTL / 1e6, maxOutputOf(check), this.clock, notify));
      return;
    }
    const probe = probeFor(record.Type, maxOutputOf(check));
    if (!probe) return;
    const handler = new StatusHandler(
      notify,
      check.SuccessBeforePassing,
      check.FailuresBeforeWarning,
      check.FailuresBeforeCritical,
    );
    this.intervals.set(id, new IntervalCheck(check, probe, handler, this.clock));
  }

  removed(checkId: string): void {
    this.ttls.get(checkId)?.stop();
    this.ttls.delete(checkId);
    this.intervals.get(checkId)?.stop();
    this.intervals.delete(checkId);
  }

  /** The TTL runner of a check, if it is a TTL check. */
  ttl(checkId: string): TtlCheck | undefined {
    return this.ttls.get(checkId);
  }

  close(): void {
    for (const id of [...this.ttls.keys(), ...this.intervals.keys()]) this.removed(id);
  }
}
