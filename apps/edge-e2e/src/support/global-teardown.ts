import { takeStack } from './stack-handle';

export default async function globalTeardown(): Promise<void> {
  const processes = takeStack();
  // Services first: they deregister from the registry as they stop.
  await Promise.all(processes.slice(1).map((proc) => proc.stop()));
  await processes[0]?.stop();
}
