import type { Server } from '@grpc/grpc-js';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';

/**
 * The standard grpc.health.v1.Health service (grpc-node's implementation),
 * reporting one status for the server ('') and for each service it hosts.
 * Starts NOT_SERVING; the runner flips it once the server is bound.
 */
export class ServingHealth {
  private readonly names: readonly string[];
  private readonly health: HealthImplementation;
  private current: ServingStatus = 'NOT_SERVING';

  constructor(serviceNames: readonly string[]) {
    this.names = ['', ...serviceNames];
    this.health = new HealthImplementation(
      Object.fromEntries(this.names.map((n) => [n, this.current])),
    );
  }

  attachTo(server: Pick<Server, 'addService'>): void {
    this.health.addToServer(server as Server);
  }

  get status(): ServingStatus {
    return this.current;
  }

  set(status: ServingStatus): void {
    this.current = status;
    for (const name of this.names) this.health.setStatus(name, status);
  }
}
