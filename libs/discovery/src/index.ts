export type { ServiceInstance, ServiceResolver } from './service-resolver.port';
export { StaticResolver } from './static/static.resolver';
export { isHostPort } from './static/host-port';
export type { Balancer } from './balancers/balancer.port';
export { RoundRobinBalancer } from './balancers/round-robin.balancer';
