import type {FastifyInstance} from 'fastify';
import {openapiDocument} from '../openapi.js';

export function openapiRoutes(app: FastifyInstance): void {
  app.get('/v1/openapi.json', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return openapiDocument;
  });
}
