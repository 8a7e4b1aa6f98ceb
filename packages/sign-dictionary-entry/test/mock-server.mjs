// Loopback stand-ins for <sign-dictionary-entry>'s tests, under /mock/sign-dictionary-entry/:
// - `start`: the real gateway (packages/gateway/dist) on loopback, with its sample data (real Lingua Libre records of
//   French Sign Language, credited, and definitions), in memory. Answers `{gateway}` (its `…/v1` address).
let started;
async function start(pageOrigin) {
  const {startGateway} = await import('../../gateway/dist/index.js');
  const gateway = await startGateway({port: 0, dataDir: 'memory://', allowedOrigins: [pageOrigin], logLevel: 'silent'});
  process.once('exit', () => void gateway.close());
  return gateway;
}

export default async function signEntryMocks(ctx, next) {
  if (!ctx.path.startsWith('/mock/sign-dictionary-entry/')) return next();
  started ??= start(ctx.origin);
  const gateway = await started;
  if (ctx.path.endsWith('/start')) {
    ctx.body = {gateway: `${gateway.url}/v1`};
    return;
  }
  return next();
}
