import type { OtlpReceiver, ProcessLogFiles, RunningShop } from '@junction/testing';

interface Stack {
  readonly receiver: OtlpReceiver;
  readonly shop: RunningShop;
  readonly logs: ProcessLogFiles;
}

// Jest runs globalSetup and globalTeardown in the same process but as
// separate modules; this slot is how the one hands the stack to the other.
const slot = globalThis as typeof globalThis & { __junctionE2eStack?: Stack };

export const setStack = (stack: Stack): void => {
  slot.__junctionE2eStack = stack;
};
export const takeStack = (): Stack | undefined => {
  const stack = slot.__junctionE2eStack;
  delete slot.__junctionE2eStack;
  return stack;
};
