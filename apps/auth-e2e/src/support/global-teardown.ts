import { takeStack } from './stack-handle';

export default async function globalTeardown(): Promise<void> {
  const stack = takeStack();
  if (!stack) return;
  await Promise.all(stack.replicas.map((proc) => proc.stop()));
  await stack.shop.stop();
  await stack.provider.close();
  stack.logs.close();
}
