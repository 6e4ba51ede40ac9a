import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The package root, found from this file whether it runs from src/ (tests) or dist/ (production). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Recital package root.');
    dir = parent;
  }
  return dir;
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Recital</title>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>Recital is running</h1><p>The web app has not been built yet. Run <code>npm run build</code>, then reload.</p>
<p>The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>`;

/**
 * Serve the built single-page app: files by name, and index.html for any other page URL so
 * client-side routes survive a reload.
 */
export async function registerWebApp(
  app: FastifyInstance,
  webDir: string,
): Promise<(request: FastifyRequest, reply: FastifyReply) => FastifyReply> {
  const indexFile = path.join(webDir, 'index.html');
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      maxAge: '1h',
      immutable: false,
    });
  }
  const index = built ? readFileSync(indexFile, 'utf8') : NOT_BUILT;
  return (_request, reply) =>
    reply.status(200).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
}
