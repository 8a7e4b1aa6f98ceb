// Loopback stand-ins for a misbehaving upstream, under /mock/core/: slow answers and bodies, 429 with
// Retry-After, 5xx, bodies that are not JSON, a port that refuses connections. They are all the shared routes
// of @lien/testing/mock-server.mjs (listed there); requests are counted per `key`, so each test starts from zero.
import {mockUpstream} from '@lien/testing/mock-server.mjs';

export default mockUpstream('core');
