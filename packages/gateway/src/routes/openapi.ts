import type {FastifyInstance} from 'fastify';
import {openapiDocument} from '../openapi.js';

/** The document never changes while the gateway runs: serialized once. */
const openapiJson = JSON.stringify(openapiDocument);

export function openapiRoutes(app: FastifyInstance): void {
  app.get('/v1/openapi.json', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300').type('application/json; charset=utf-8');
    return openapiJson;
  });
}
