import type { MessageCodec, ServiceDefinition } from '@junction/contracts';
import { isObservable, lastValueFrom } from 'rxjs';
import type { ServerCall, ServerMiddleware } from '../server-call.types';
import { Status, StatusError } from '../status.error';
import type { UnaryRoute } from '../transport/unary-server-transport.port';

/**
 * A @GrpcMethod handler as Nest registered it: the controller method behind
 * Nest's guards, pipes and filters. It takes the request (@Payload) and the
 * call (@Ctx, a ServerCall); it resolves to the response, or to an
 * Observable of it when the method returned one.
 */
export type NestHandler = (request: unknown, call: ServerCall) => Promise<unknown>;

/** Finds Nest's handler for a service's short name (as @GrpcMethod names it) and an RPC. */
export type HandlerLookup = (service: string, rpc: string) => NestHandler | undefined;

const encoded = <T>(codec: MessageCodec<T>, message: T): Buffer => {
  const bytes = codec.encode(message).finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
};

/**
 * The unary routes of the generated service definitions whose methods have
 * a handler: decode with the generated codec, run the chain with Nest's
 * handler at its end, encode. Encoding happens inside the chain, so a
 * response the codec refuses is a bug like any other (logged, INTERNAL).
 * An RPC without a handler has no route: the transport answers UNIMPLEMENTED.
 */
export function controllerRoutes(
  definitions: readonly ServiceDefinition[],
  handlerFor: HandlerLookup,
  middleware: ServerMiddleware,
): Map<string, UnaryRoute> {
  const routes = new Map<string, UnaryRoute>();
  for (const definition of definitions) {
    for (const method of Object.values(definition.methods)) {
      const handler = handlerFor(definition.name, method.name);
      if (!handler) continue;
      const path = `/${definition.fullName}/${method.name}`;
      if (method.requestStream || method.responseStream) {
        throw new Error(`${path} streams; this server serves unary RPCs only`);
      }
      const rpc = { service: definition.fullName, method: method.name };
      const run = middleware(async (call) => {
        const result = await handler(call.request, call);
        return encoded(
          method.responseType,
          isObservable(result) ? await lastValueFrom(result) : result,
        );
      }) as (call: ServerCall) => Promise<Buffer>;
      routes.set(path, (bytes, inbound) => {
        let request: unknown;
        try {
          request = method.requestType.decode(bytes);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return Promise.reject(
            new StatusError(Status.INTERNAL, `Error deserializing request: ${reason}`),
          );
        }
        return run({ rpc, request, inbound });
      });
    }
  }
  return routes;
}
