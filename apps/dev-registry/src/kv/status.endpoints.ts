import { json } from '../http/reply';
import type { Router } from '../http/router';

/** The raft RPC port Consul reports for the leader and its peers. */
const RAFT_PORT = 8300;

/**
 * /v1/status/leader and /peers: this registry is its own single-server
 * leader. No index headers: these are not RPC-backed reads.
 */
export function mountStatusEndpoints(router: Router, address: string): void {
  const leader = `${address}:${RAFT_PORT}`;
  router.handle('/v1/status/leader', ['GET'], () => json(leader));
  router.handle('/v1/status/peers', ['GET'], () => json([leader]));
}
