/** How messages show a resolved value: a bare `${Resource}` or `${Resource.Arn}` token reads as the resource's logical id. */
export function labelOfValue(value: string): string {
  return /^\$\{([A-Za-z0-9]+)(?:\.Arn)?\}$/.exec(value)?.[1] ?? value;
}
