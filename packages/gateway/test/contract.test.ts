import {after, before, describe} from 'node:test';
import {signupContract} from '@lien/testing/contract/signups.mjs';
import {backends} from './helpers/backends.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';

// The signups contract, over HTTP, that the WordPress plugin must also keep (scripts/test-wordpress.mjs).
const ADMIN = 'admin-token-for-the-contract-0123456789';
const RATE_LIMIT = 40;

for (const backend of backends()) {
  describe(`the gateway on ${backend.name}`, () => {
    let gw: TestGateway;
    const server = {name: `Node gateway on ${backend.name}`, v1: '', admin: {authorization: `Bearer ${ADMIN}`}, rateLimit: RATE_LIMIT};
    before(async () => {
      gw = await testGateway(backend, {adminToken: ADMIN, signups: {rateLimitPerMinute: RATE_LIMIT}});
      server.v1 = `${gw.url}/v1`;
    });
    after(() => gw.stop());
    signupContract(server);
  });
}
