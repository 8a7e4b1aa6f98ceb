import {after, before, describe} from 'node:test';
import {ACCESLIBRE_KEY, ENGAGEMENT_KEY, proxyContract, proxyUpstream, type ProxyUpstream} from '@lien/testing/contract/proxies.mjs';
import {signupContract} from '@lien/testing/contract/signups.mjs';
import {
  donationContract,
  HELLOASSO_CLIENT_ID,
  HELLOASSO_NOTIFICATION_KEY,
  HELLOASSO_SECRET,
  helloassoUpstream,
  type HelloAssoUpstream,
} from '@lien/testing/contract/donations.mjs';
import {backends} from './helpers/backends.js';
import {testGateway, type TestGateway} from './helpers/gateway.js';

// The contracts, over HTTP, that the WordPress plugin must also keep (scripts/test-wordpress.mjs).
const ADMIN = 'admin-token-for-the-contract-0123456789';
const RATE_LIMIT = 40;
const PROXY_RATE_LIMIT = 30;
const upstream: ProxyUpstream = await proxyUpstream();
after(() => upstream.close());
const helloasso: HelloAssoUpstream = await helloassoUpstream();
after(() => helloasso.close());
const PAGE = 'https://asso.example/merci';

for (const backend of backends()) {
  describe(`the gateway on ${backend.name}`, () => {
    let gw: TestGateway;
    const server = {name: `Node gateway on ${backend.name}`, v1: '', admin: {authorization: `Bearer ${ADMIN}`}, rateLimit: RATE_LIMIT, proxyRateLimit: PROXY_RATE_LIMIT, page: PAGE};
    before(async () => {
      gw = await testGateway(backend, {
        adminToken: ADMIN,
        signups: {rateLimitPerMinute: RATE_LIMIT},
        proxyRateLimitPerMinute: PROXY_RATE_LIMIT,
        acceslibre: {apiUrl: upstream.acceslibreUrl, apiKey: ACCESLIBRE_KEY},
        apiEngagement: {apiUrl: upstream.apiEngagementUrl, apiKey: ENGAGEMENT_KEY},
        lingualibre: {sparqlUrl: upstream.sparqlUrl},
        allowedOrigins: [new URL(PAGE).origin],
        helloasso: {
          apiUrl: helloasso.url,
          clientId: HELLOASSO_CLIENT_ID,
          clientSecret: HELLOASSO_SECRET,
          minAmountCents: 100,
          maxAmountCents: 100_000,
          checkoutsPerMinute: 1000,
          lookupsPerMinute: 1000,
          notificationKey: HELLOASSO_NOTIFICATION_KEY,
        },
      });
      server.v1 = `${gw.url}/v1`;
    });
    after(() => gw.stop());
    signupContract(server);
    proxyContract(server, upstream);
    donationContract(server, helloasso);
  });
}
