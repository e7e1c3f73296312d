import type { ManagedProcess, ProcessLogFiles, RunningShop } from '@junction/testing';
import type { TestIdentityProvider } from './test-identity-provider';

interface Stack {
  readonly provider: TestIdentityProvider;
  readonly shop: RunningShop;
  readonly replicas: readonly ManagedProcess[];
  readonly logs: ProcessLogFiles;
}

// Jest runs globalSetup and globalTeardown in one process, as separate
// modules; this slot hands the stack from the one to the other.
const slot = globalThis as typeof globalThis & { __junctionAuthE2eStack?: Stack };

export const setStack = (stack: Stack): void => {
  slot.__junctionAuthE2eStack = stack;
};
export const takeStack = (): Stack | undefined => {
  const stack = slot.__junctionAuthE2eStack;
  delete slot.__junctionAuthE2eStack;
  return stack;
};
