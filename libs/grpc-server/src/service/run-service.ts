import type { GrpcServiceConfig } from '@junction/config';
import type { ServiceDeclaration } from './service-declaration';
import { startService } from './start-service';

/**
 * A service's whole main.ts: start it, and if it cannot start (bad config,
 * port taken) say why in one line and exit 1, never with a stack trace.
 */
export function runService<C extends GrpcServiceConfig>(declaration: ServiceDeclaration<C>): void {
  startService(declaration).catch((error: unknown) => {
    process.stderr.write(
      `${declaration.name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
