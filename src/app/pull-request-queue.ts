/**
 * Runs the reviews of one pull request one after the other, so a second delivery for it sees what the
 * first posted instead of racing it. Each app instance has its own queue; entries go when their run ends.
 */

export interface PullRequestQueue {
  /** Runs `task` once every task queued before it under `key` has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function createPullRequestQueue(): PullRequestQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.then(() => undefined, () => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}
