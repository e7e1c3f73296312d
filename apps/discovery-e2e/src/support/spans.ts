import type { OtlpReceiver } from '@junction/testing';

const SERVER = 2;

/** Calls a catalog instance served so far, by its span service name. */
export const servedBy = (receiver: OtlpReceiver, service: string): number =>
  receiver.spans.filter((span) => span.service === service && span.kind === SERVER).length;

/** Instances of a service the registry reports passing. */
export async function passingInstances(registryUrl: string, service: string): Promise<string[]> {
  const res = await fetch(`${registryUrl}/v1/health/service/${service}?passing`);
  const entries = (await res.json()) as { Service: { ID: string; Port: number } }[];
  return entries.map((entry) => `${entry.Service.ID}:${entry.Service.Port}`);
}
