/**
 * The login the App posts as (`<slug>[bot]`), asked of GitHub once per app instance: only comments by
 * this login are ever deleted as stale.
 */

/** The login, asked for on the first call; a failed answer is not kept, so the next call asks again. */
export function createAppLoginResolver(fetchSlug: () => Promise<string>): () => Promise<string> {
  let login: Promise<string> | undefined;
  return () => {
    const current = (login ??= fetchSlug().then((slug) => `${slug}[bot]`));
    current.catch(() => {
      if (login === current) login = undefined;
    });
    return current;
  };
}
