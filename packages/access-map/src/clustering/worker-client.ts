import type {Place} from '@lien/open-data/place.js';
import type {WorkerRequest, WorkerResponse} from './protocol.js';
import type {ReadFailure} from './read-geojson.js';

type Pending = {resolve: (value: unknown) => void; reject: (error: Error) => void; onChunk?: (chunk: Place[]) => void};

/** A request the worker could not answer; `failure` when it was a LienError there (a file that is not GeoJSON). */
export class WorkerError extends Error {
  constructor(
    message: string,
    readonly failure?: ReadFailure
  ) {
    super(message);
  }
}
const stopped = () => new Error('The clustering worker stopped');
type Distributive<T> = T extends unknown ? Omit<T, 'request'> : never;

/**
 * The page's one clustering worker, started on first need. `null` when a worker cannot run here
 * (no Worker, a Content-Security-Policy without worker-src, the script missing): callers then cluster
 * on the main thread. It is asked only after it said "ready", so no data is ever handed to a dead worker.
 */
export class WorkerClient {
  private pending = new Map<number, Pending>();
  private nextRequest = 0;

  private constructor(private worker: Worker) {
    worker.addEventListener('message', ({data}: MessageEvent<WorkerResponse>) => {
      const waiting = this.pending.get(data.request);
      if (!waiting) return;
      if ('chunk' in data) return waiting.onChunk?.(data.chunk);
      this.pending.delete(data.request);
      if ('error' in data) waiting.reject(new WorkerError(data.error, data.failure));
      else waiting.resolve(data.result);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.stop();
    });
  }

  private dead = false;

  private static started?: Promise<WorkerClient | null>;

  static get(): Promise<WorkerClient | null> {
    WorkerClient.started ??= WorkerClient.start();
    return WorkerClient.started;
  }

  private static start(): Promise<WorkerClient | null> {
    return new Promise((resolve) => {
      let worker: Worker;
      try {
        worker = new Worker(new URL('./cluster.worker.js', import.meta.url), {type: 'module'});
      } catch {
        resolve(null);
        return;
      }
      const timer = setTimeout(() => done(null), 10_000);
      const done = (client: WorkerClient | null) => {
        clearTimeout(timer);
        worker.removeEventListener('message', onReady);
        worker.removeEventListener('error', onError);
        if (!client) worker.terminate();
        resolve(client);
      };
      const onReady = ({data}: MessageEvent<WorkerResponse>) => {
        if (data.request === -1) done(new WorkerClient(worker));
      };
      const onError = (event: Event) => {
        event.preventDefault();
        done(null);
      };
      worker.addEventListener('message', onReady);
      worker.addEventListener('error', onError);
    });
  }

  /** Sends a request; the answer's chunks, if it comes in parts, go to `onChunk` before it resolves. */
  ask<T>(message: Distributive<WorkerRequest>, transfer: Transferable[] = [], onChunk?: (chunk: Place[]) => void): Promise<T> {
    if (this.dead) return Promise.reject(stopped());
    const request = this.nextRequest++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(request, {resolve: resolve as (v: unknown) => void, reject, onChunk});
      this.worker.postMessage({...message, request}, transfer);
    });
  }

  tell(message: Distributive<WorkerRequest>): void {
    if (!this.dead) this.worker.postMessage({...message, request: -1});
  }

  /**
   * After a crash: what was asked fails (callers cluster again on the main thread), and so does the
   * rest of the page, as a worker that crashed once may crash again.
   */
  private stop(): void {
    this.dead = true;
    this.worker.terminate();
    WorkerClient.started = Promise.resolve(null);
    for (const waiting of this.pending.values()) waiting.reject(stopped());
    this.pending.clear();
  }
}
