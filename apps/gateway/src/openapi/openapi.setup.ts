import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI generated from the controllers and views: UI at /docs, JSON at /docs/json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Junction shop API')
    .setDescription(
      'Products aggregated from catalog, inventory and reviews; orders with idempotent creation. ' +
        'Every response carries X-Trace-Id; errors are RFC 9457 application/problem+json.',
    )
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}
