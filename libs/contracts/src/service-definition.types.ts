import type { BinaryReader, BinaryWriter } from '@bufbuild/protobuf/wire';

/** What ts-proto generates for each message: a binary codec. */
export interface MessageCodec<T> {
  encode(message: T, writer?: BinaryWriter): BinaryWriter;
  decode(input: BinaryReader | Uint8Array, length?: number): T;
}

/** One method of a ts-proto `generic-definitions` service. */
export interface MethodDefinition<Req = unknown, Res = unknown> {
  readonly name: string;
  readonly requestType: MessageCodec<Req>;
  readonly requestStream: boolean;
  readonly responseType: MessageCodec<Res>;
  readonly responseStream: boolean;
  readonly options: { readonly idempotencyLevel?: 'NO_SIDE_EFFECTS' | 'IDEMPOTENT' };
}

/** A ts-proto `generic-definitions` service, e.g. `catalogV1.CatalogServiceDefinition`. */
export interface ServiceDefinition {
  readonly name: string;
  readonly fullName: string;
  readonly methods: { readonly [method: string]: MethodDefinition };
}

/** The decoded request message of a method definition. */
export type RequestOf<M> = M extends { requestType: MessageCodec<infer Req> } ? Req : never;
/** The decoded response message of a method definition. */
export type ResponseOf<M> = M extends { responseType: MessageCodec<infer Res> } ? Res : never;
