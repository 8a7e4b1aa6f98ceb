// The real gateway (packages/gateway/dist, built by `npm run build`) on loopback, for browser tests that check a
// place reads the same through the gateway as straight from its upstream. Started on the first request to
// /mock/gateway-under-test, with an in-memory database holding the upstream payloads those tests name.
import {fileURLToPath} from 'node:url';

const FIXTURES = fileURLToPath(new URL('../packages/open-data/test/fixtures/', import.meta.url));

/** The upstream payloads imported into the gateway; the tests read the same files straight from the mock upstreams. */
export const CONSISTENCY_PAYLOADS = [
  'acceslibre/api-erp-detail.aux-bons-croissants.json',
  'overpass/openfairdb__osm-rs-parse-query-result.json',
  'overpass/overpass-api-python-wrapper__example_singlenode.json',
  'a11yjson/wheelmap-frontend.edit.place-infos-mock.json',
  'a11yjson/accessibility-cloud.json-api.place-infos-example.json',
];

let started;

/**
 * The real gateway (packages/gateway/dist) on loopback with an in-memory database and `options`, closed when the test
 * run ends; with the package's other exports (its importers) for the caller to fill it.
 */
export async function loopbackGateway(options = {}) {
  const gatewayPackage = await import('../packages/gateway/dist/index.js');
  const gateway = await gatewayPackage.startGateway({port: 0, dataDir: 'memory://', logLevel: 'silent', ...options});
  const closeOnExit = () => void gateway.close();
  process.once('exit', closeOnExit);
  // A caller that closes it first is not closed again on exit.
  const close = gateway.close.bind(gateway);
  gateway.close = () => {
    process.off('exit', closeOnExit);
    return close();
  };
  return {...gatewayPackage, gateway};
}

async function start() {
  const {gateway, importPlacesFile} = await loopbackGateway({loadSampleData: false, allowedOrigins: ['*']});
  for (const file of CONSISTENCY_PAYLOADS) await importPlacesFile(gateway.db, `${FIXTURES}${file}`, {dataset: file});
  return gateway.url;
}

/** Koa middleware: `GET /mock/gateway-under-test` → `{url}` of the running gateway. */
export async function gatewayUnderTest(ctx, next) {
  if (ctx.path !== '/mock/gateway-under-test') return next();
  started ??= start();
  ctx.body = {url: await started};
}
