import type { ServiceInstance } from '../service-resolver.port';
import type { Balancer } from './balancer.port';
import { OutstandingCalls } from './outstanding-calls';

/** A uniform random number in [0, 1), as Math.random; injected by tests. */
export type RandomSource = () => number;

/**
 * Power of two choices: two distinct instances at random, the one with fewer
 * calls outstanding wins. Nearly as good as least-loaded without its herd
 * behaviour (every caller piling onto the one idle instance).
 */
export class P2cBalancer implements Balancer {
  private readonly outstanding = new OutstandingCalls();

  constructor(private readonly random: RandomSource = Math.random) {}

  pick(instances: readonly ServiceInstance[]): ServiceInstance | undefined {
    if (instances.length <= 1) return instances[0];
    const first = Math.floor(this.random() * instances.length);
    // Draw the second among the others, so the two are always distinct.
    let second = Math.floor(this.random() * (instances.length - 1));
    if (second >= first) second += 1;
    const a = instances[first];
    const b = instances[second];
    // On a tie `a` wins, which is already a random choice between the two:
    // the ordered pair was drawn uniformly.
    return this.outstanding.of(b) < this.outstanding.of(a) ? b : a;
  }

  onStart(instance: ServiceInstance): void {
    this.outstanding.start(instance);
  }

  onEnd(instance: ServiceInstance): void {
    this.outstanding.end(instance);
  }
}
