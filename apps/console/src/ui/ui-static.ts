import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const UI_NOT_BUILT =
  'The Junction console UI is not built. Build it with `npx nx run console-ui:build` (npm start does), then reload. The API answers under /api/.';

/**
 * The UI's files at `/` (index.html, assets), or, when it is not built, a
 * short text page saying so. Nothing is fetched from anywhere else.
 */
export async function serveUi(app: FastifyInstance, dir: string | undefined): Promise<void> {
  if (dir === undefined) {
    app.get('/', (_request, reply) => reply.type('text/plain; charset=utf-8').send(UI_NOT_BUILT));
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: 'index.html',
    wildcard: true,
  });
}
