import type {ReactiveControllerHost, TemplateResult} from 'lit';
import {Task, TaskStatus} from '@lit/task';
import {isAbort, toLienError, type LienError} from './errors.js';
import {LienErrorEvent} from './events/lien-error.js';
import {renderStatus, type StatusOptions} from './status.js';

/** Where answers are kept between loads: by key (`keyedCache`), or a cache of the element's own. */
export interface DataCache<Args, T> {
  get(args: Args): T | undefined;
  set(args: Args, value: T): void;
  clear(): void;
}

/** The last `size` answers by `key(args)`, least recently used first out. */
export function keyedCache<Args, T>(key: (args: Args) => string, size = 20): DataCache<Args, T> {
  const entries = new Map<string, T>();
  return {
    get(args) {
      const k = key(args);
      const value = entries.get(k);
      if (value !== undefined) {
        entries.delete(k);
        entries.set(k, value);
      }
      return value;
    },
    set(args, value) {
      entries.set(key(args), value);
      if (entries.size > size) entries.delete(entries.keys().next().value!);
    },
    clear: () => entries.clear(),
  };
}

export interface DataControllerOptions<Args extends readonly unknown[], T> {
  /** The inputs the data depends on; when one changes (by identity), the data loads again. */
  args(): Args;
  /** Loads the data for `args`; gives up when `signal` aborts. `undefined`: nothing to load for these inputs. */
  load(args: Args, signal: AbortSignal): Promise<T | undefined>;
  cache?: DataCache<Args, T>;
  /** Each answer, once it is the element's (from the cache or a load). */
  onValue?(value: T): void;
}

/**
 * "Load this for these inputs", for every Lien element: a `@lit/task` underneath (a change of inputs cancels the
 * load under way through its AbortSignal), answers kept in a cache, the status to render (loading, an error in
 * words with a retry), `retry()`, and a `lien-error` event on the element for every failure but a cancel.
 * `value` is the last answer and stays while the next one loads; `reset()` forgets it and the cache (a new source).
 */
export class DataController<Args extends readonly unknown[], T> {
  private readonly task: Task<Args, T | undefined>;
  private current?: T;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly options: DataControllerOptions<Args, T>
  ) {
    this.task = new Task<Args, T | undefined>(host, {
      args: () => options.args(),
      task: async (args, {signal}) => {
        const cached = options.cache?.get(args);
        if (cached !== undefined) return cached;
        const value = await options.load(args, signal);
        // A load may ignore the abort: what it answers for inputs left behind is neither kept nor shown.
        signal.throwIfAborted();
        if (value !== undefined) options.cache?.set(args, value);
        return value;
      },
      onComplete: (value) => {
        if (value === undefined) return;
        this.current = value;
        options.onValue?.(value);
      },
      onError: (error) => {
        if (!isAbort(error)) host.dispatchEvent(new LienErrorEvent(toLienError(error)));
      },
    });
  }

  /** The last answer for the current source of data; kept while the next one loads. */
  get value(): T | undefined {
    return this.current;
  }

  get loading(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The failure of the last load, as a LienError; undefined after a success or a cancel. */
  get error(): LienError | undefined {
    return this.task.status === TaskStatus.ERROR && !isAbort(this.task.error) ? toLienError(this.task.error) : undefined;
  }

  /** Settles when the load under way (if any) is over, whatever its outcome. */
  get settled(): Promise<void> {
    return this.task.taskComplete.then(
      () => undefined,
      () => undefined
    );
  }

  /** Loads the current inputs again (after a failure: the retry the status line offers). */
  retry(): Promise<void> {
    return this.task.run();
  }

  /** Forgets the answer and the cache: the next load is a first one (a new source of data). */
  reset(): void {
    this.current = undefined;
    this.options.cache?.clear();
  }

  /**
   * The status line for the element's `part="status"`: the error with its retry, or "loading", or what `idle`
   * says about the value (`ready`, `empty`…) in the element's words.
   */
  renderStatus(texts: Omit<StatusOptions, 'state' | 'error' | 'onRetry'> & {idle?: StatusOptions['state']}): TemplateResult {
    const error = this.error;
    if (error) return renderStatus({...texts, state: 'error', error, onRetry: () => void this.retry()});
    if (this.loading) return renderStatus({...texts, state: 'loading'});
    return renderStatus({...texts, state: texts.idle ?? (this.current === undefined ? 'idle' : 'ready')});
  }
}
