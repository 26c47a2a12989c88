/**
 * The Action's Octokit: `@actions/github`'s client (GITHUB_API_URL, proxy settings) with bounded retries
 * of server errors and rate limits. Probot's own Octokit already carries both plugins.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import type { OctokitLike } from './client.js';

export interface ActionOctokitOptions {
  /** API root; defaults to GITHUB_API_URL, read by `@actions/github` when it is imported. */
  baseUrl?: string;
  /** A fetch to use instead of `@actions/github`'s proxy-aware one (tests pass `globalThis.fetch`). */
  fetch?: typeof globalThis.fetch;
  /** Retries of a 5xx or network failure, with quadratic backoff. */
  retries?: number;
  /** Milliseconds per backoff unit (1000 in production: waits of 1 s, 4 s, 9 s). */
  retryAfterBaseValue?: number;
  /** Whether to queue writes and honour rate-limit waits; on by default. */
  throttle?: boolean;
  /** Longest `retry-after` worth waiting for, in seconds; a longer wait fails the request instead. */
  maxRetryAfterSeconds?: number;
  /** Where retry and rate-limit decisions are logged; never given the token. */
  log?: (message: string) => void;
}

/** Rate-limited requests are retried at most this many times before the failure is reported. */
const maxRateLimitRetries = 2;

export function createActionOctokit(token: string, options: ActionOctokitOptions = {}): OctokitLike {
  const log = options.log ?? (() => undefined);
  const maxRetryAfter = options.maxRetryAfterSeconds ?? 60;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
    const retrying = retryCount < maxRateLimitRetries && retryAfter <= maxRetryAfter;
    log(`GitHub ${kind} on ${request.method} ${request.url}: ${retrying ? `retrying after ${retryAfter} s` : 'giving up'}`);
    return retrying;
  };
  return getOctokit(
    token,
    {
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      ...(options.fetch !== undefined ? { request: { fetch: options.fetch } } : {}),
      retry: {
        retries: options.retries ?? 3,
        ...(options.retryAfterBaseValue !== undefined ? { retryAfterBaseValue: options.retryAfterBaseValue } : {}),
      },
      throttle: options.throttle === false
        ? { enabled: false }
        : {
          ...(options.retryAfterBaseValue !== undefined ? { retryAfterBaseValue: options.retryAfterBaseValue } : {}),
          onRateLimit: onLimit('rate limit'),
          onSecondaryRateLimit: onLimit('secondary rate limit'),
        },
    },
    retry,
    throttling,
  );
}
