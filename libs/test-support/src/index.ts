// Dependency-free test helpers, usable from any project's tests without
// making a cycle (libs/testing builds on these and on the platform libs).
export { waitUntil, type WaitOptions } from './wait-until';
export { ManagedProcess, type ProcessSpec, type ManagedProcessOptions } from './managed-process';
