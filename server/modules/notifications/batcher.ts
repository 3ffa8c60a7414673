// Coalesces calls made close together in one process into one batch per key (a tenant): the
// worker runs many jobs at once, and one query for a hundred events costs about what one query
// for one event does. Each caller still gets its own answer, only after its batch is done, so
// a job completes only when its work is written. When a batch fails, its items are run one by
// one, so one bad item fails only its own caller.
import "server-only";
export type Batcher<T, R> = (key: string, item: T) => Promise<R>;

export function createBatcher<T, R>(run: (key: string, items: T[]) => Promise<R[]>, options: { maxItems: number; maxWaitMs: number }): Batcher<T, R> {
  type Waiting = { item: T; resolve: (r: R) => void; reject: (e: unknown) => void };
  const pending = new Map<string, { waiting: Waiting[]; timer: NodeJS.Timeout }>();
  const flush = (key: string) => {
    const batch = pending.get(key);
    if (!batch) return;
    pending.delete(key);
    clearTimeout(batch.timer);
    const { waiting } = batch;
    run(
      key,
      waiting.map((w) => w.item),
    ).then(
      (results) => waiting.forEach((w, i) => w.resolve(results[i]!)),
      (error: unknown) => {
        if (waiting.length === 1) return waiting[0]!.reject(error);
        for (const w of waiting) run(key, [w.item]).then(([r]) => w.resolve(r!), w.reject);
      },
    );
  };
  return (key, item) =>
    new Promise<R>((resolve, reject) => {
      let batch = pending.get(key);
      if (!batch) pending.set(key, (batch = { waiting: [], timer: setTimeout(() => flush(key), options.maxWaitMs) }));
      batch.waiting.push({ item, resolve, reject });
      if (batch.waiting.length >= options.maxItems) flush(key);
    });
}
