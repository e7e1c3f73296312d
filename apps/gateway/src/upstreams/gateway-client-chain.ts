import { chain, clientChain, type Middleware } from '@junction/grpc-client';
import type { GatewayRuntimeConfig } from '../runtime-config/gateway-runtime';
import { forceDegraded, routeDeadline } from '../runtime-config/runtime.middleware';

/**
 * The gateway's upstream calls, declared once, outermost first: the
 * platform's chain (tracing), then the switches ops flip at runtime, then the
 * route's deadline.
 */
export const gatewayClientChain = (runtime: GatewayRuntimeConfig): Middleware =>
  chain(clientChain(), forceDegraded(runtime), routeDeadline());
