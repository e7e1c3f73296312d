import { takeStack } from './stack-handle';

export default async function globalTeardown(): Promise<void> {
  const stack = takeStack();
  if (!stack) return;
  await stack.shop.stop();
  await stack.receiver.close();
  stack.logs.close();
}
