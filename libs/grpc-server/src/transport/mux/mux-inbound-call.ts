import type { Metadata } from '@grpc/grpc-js';
import { fromMuxHeaders } from '@junction/grpc-client';
import type { muxV1 } from '@junction/contracts';
import type { InboundCall } from '../../server-call.types';

/** One call that came as a message on an Exchange stream, as the routes see it. */
export class MuxInboundCall implements InboundCall {
  readonly path: string;
  readonly deadline: number | undefined;
  private built?: Metadata;
  private listeners?: Set<() => void>;
  private gone = false;

  constructor(private readonly call: muxV1.MuxCall) {
    this.path = call.path;
    this.deadline = call.timeoutMs > 0 ? Date.now() + call.timeoutMs : undefined;
  }

  header(key: string): string | undefined {
    for (const header of this.call.metadata) {
      if (header.key === key) return header.value.toString('utf8');
    }
    return undefined;
  }

  get metadata(): Metadata {
    this.built ??= fromMuxHeaders(this.call.metadata);
    return this.built;
  }

  get cancelled(): boolean {
    return this.gone;
  }

  onCancel(listener: () => void): () => void {
    (this.listeners ??= new Set()).add(listener);
    return () => void this.listeners?.delete(listener);
  }

  /** The caller stopped waiting (a cancel message, or its stream went). */
  cancel(): void {
    if (this.gone) return;
    this.gone = true;
    for (const listener of this.listeners ?? []) listener();
  }
}
