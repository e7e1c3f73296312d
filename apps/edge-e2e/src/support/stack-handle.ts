import type { ManagedProcess } from '@junction/testing';

// Jest runs globalSetup and globalTeardown in the same process but as
// separate modules; this slot is how the one hands the processes to the other.
const slot = globalThis as typeof globalThis & { __junctionEdgeStack?: ManagedProcess[] };

export const setStack = (processes: ManagedProcess[]): void => {
  slot.__junctionEdgeStack = processes;
};
export const takeStack = (): ManagedProcess[] => {
  const processes = slot.__junctionEdgeStack ?? [];
  delete slot.__junctionEdgeStack;
  return processes;
};
