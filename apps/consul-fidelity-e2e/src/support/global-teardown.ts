import { takeRegistry } from './registry-handle';

export default async function globalTeardown(): Promise<void> {
  const handle = takeRegistry();
  if (!handle) return;
  await handle.registry.stop(5000);
  handle.log.end();
}
