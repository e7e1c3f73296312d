// Test helpers every project's specs may import. The process machinery is
// production code (`npm start` runs on it) and lives in @junction/launcher;
// it is re-exported here so specs keep one import and the launcher depends
// on no test code.
export {
  waitUntil,
  ManagedProcess,
  type WaitOptions,
  type ProcessSpec,
  type ManagedProcessOptions,
} from '@junction/launcher';
