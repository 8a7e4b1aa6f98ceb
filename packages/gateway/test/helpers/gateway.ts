import type {GatewayOptions} from '../../src/config.js';
import {startGateway, type RunningGateway} from '../../src/server.js';
import type {Backend, Storage} from './backends.js';

export interface TestGateway extends RunningGateway {
  storage: Storage;
  /** Closes the gateway and drops its data. */
  stop(): Promise<void>;
}

/** A gateway listening on a free loopback port, on fresh storage of the given backend, without sample data. */
export async function testGateway(backend: Backend, options: GatewayOptions = {}): Promise<TestGateway> {
  const storage = await backend.create();
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    loadSampleData: false,
    ...options,
    dataDir: storage.dataDir,
    databaseUrl: storage.databaseUrl,
  });
  return {
    ...gateway,
    storage,
    async stop() {
      await gateway.close();
      await storage.drop();
    },
  };
}
