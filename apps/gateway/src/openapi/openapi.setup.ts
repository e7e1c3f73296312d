import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI generated from the controllers and views: UI at /docs, JSON at /docs/json. */
export function setupOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Junction shop API')
    .setDescription(
      'Products aggregated from catalog, inventory and reviews; orders with idempotent creation. ' +
        'Every response carries X-Trace-Id; errors are RFC 9457 application/problem+json. ' +
        'Product reads are public; orders need a credential with the orders scope: an API key ' +
        '(`npm run junction -- api-key create`) or an identity provider’s JWT.',
    )
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'An API key, or a JWT from the configured identity provider',
    })
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}
