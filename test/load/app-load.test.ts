// The App under load on loopback: signed webhooks for many pull requests at a steady rate, against the
// local fake GitHub. Nothing dropped, nothing duplicated, every check run concluded, no memory growth.
// The short run is part of the test suite; `npm run bench -- --load` runs the long one (200 over 20 s)
// through LOAD_WEBHOOKS and LOAD_SECONDS, and reads the figures from LOAD_REPORT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { assertNothingDroppedOrDuplicated, formatLoadReport, runAppLoad } from './app-load.js';

const webhooks = Number(process.env.LOAD_WEBHOOKS ?? 20);
const seconds = Number(process.env.LOAD_SECONDS ?? 4);
const throttled = process.env.LOAD_THROTTLE === '1';

test(`${webhooks} signed webhooks over ${seconds} s: every pull request gets one review and one concluded check run, and the App's memory does not grow`, { timeout: 30 * 60_000 }, async (t) => {
  const report = await runAppLoad({ webhooks, seconds, throttled, ...(throttled ? { drainTimeoutMs: 30 * 60_000 } : {}) });
  for (const line of formatLoadReport(report)) t.diagnostic(line);
  if (process.env.LOAD_REPORT) writeFileSync(process.env.LOAD_REPORT, JSON.stringify(report));

  assertNothingDroppedOrDuplicated(report);
  // Bounded, not proportional to the webhooks: what a review allocates is gone once it ends. The margin
  // covers the collector's own bookkeeping and Probot's caches (one token, the App's login).
  const growth = report.memory.after.heapUsed - report.memory.before.heapUsed;
  assert.ok(growth < 16 * 1024 * 1024, `the App's heap grew by ${(growth / 1024 / 1024).toFixed(1)} MB`);
});
