import type { ManagedProcess } from '@junction/testing';
import type { WriteStream } from 'node:fs';

interface RegistryHandle {
  readonly registry: ManagedProcess;
  readonly log: WriteStream;
}

// Jest runs globalSetup and globalTeardown in the same process but as
// separate modules; this slot is how the one hands the registry to the other.
const slot = globalThis as typeof globalThis & { __consulFidelityRegistry?: RegistryHandle };

export const setRegistry = (handle: RegistryHandle): void => {
  slot.__consulFidelityRegistry = handle;
};
export const takeRegistry = (): RegistryHandle | undefined => {
  const handle = slot.__consulFidelityRegistry;
  delete slot.__consulFidelityRegistry;
  return handle;
};
