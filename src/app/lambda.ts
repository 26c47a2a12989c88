/**
 * The App on AWS Lambda behind API Gateway (REST or HTTP API) or a function URL: `handler` verifies the
 * webhook signature, then lets Probot run the same app function `probot run` serves.
 *
 * Written here rather than taken from @probot/adapter-aws-lambda-serverless: its 4.0.3 depends on probot
 * ^13 (a second, CommonJS copy of Probot next to our 14), reads `probot.webhooks` before Probot 14 has
 * created it (a TypeError on every cold start), and answers a bad signature by throwing, which API
 * Gateway turns into a 502 instead of a 4xx.
 */
import { verify } from '@octokit/webhooks-methods';
import { createProbot, type ApplicationFunction, type Probot } from 'probot';
import ecsIamLintApp from './app.js';
import { maxWebhookPayloadBytes } from './webhook-body-limit.js';

/** What this handler reads of an API Gateway (payload 1.0 or 2.0) or function URL event. */
export interface HttpEvent {
  httpMethod?: string;
  requestContext?: { http?: { method?: string } };
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export type LambdaHandler = (event: HttpEvent) => Promise<HttpResult>;

export interface LambdaHandlerOptions {
  probot: Probot;
  /** The App's webhook secret; deliveries not signed with it are refused before anything runs. */
  secret: string;
}

/** A handler over a Probot instance; `appFn` is loaded once per instance, not per invocation. */
export function createLambdaHandler(appFn: ApplicationFunction, { probot, secret }: LambdaHandlerOptions): LambdaHandler {
  if (!secret) throw new Error('a webhook secret is required: set WEBHOOK_SECRET');
  const loaded = probot.load(appFn);
  // Awaited by every invocation; this only keeps a failed load from being an unhandled rejection meanwhile.
  loaded.catch(() => undefined);
  return async (event) => {
    await loaded;
    const method = event.httpMethod ?? event.requestContext?.http?.method;
    if (method !== undefined && method !== 'POST') return respond(405, { error: `${method} is not supported; GitHub posts webhooks` });
    // Header names are case-insensitive (RFC 9110); API Gateway 1.0 keeps the sender's case.
    const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    const id = headers['x-github-delivery'];
    const name = headers['x-github-event'];
    const signature = headers['x-hub-signature-256'];
    const body = event.body == null ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    if (!id || !name) return respond(400, { error: 'not a GitHub webhook: X-GitHub-Delivery and X-GitHub-Event are required' });
    // API Gateway and Lambda cap bodies lower still; this keeps the handler's promise whatever sits in front.
    if (Buffer.byteLength(body) > maxWebhookPayloadBytes) {
      probot.log.warn(`refused delivery ${id} (${name}): the body is over the ${maxWebhookPayloadBytes}-byte webhook limit`);
      return respond(413, { error: `payload too large: webhooks are limited to ${maxWebhookPayloadBytes} bytes, as GitHub sends them` });
    }
    if (!signature || !(await verify(secret, body, signature).catch(() => false))) {
      probot.log.warn(`refused delivery ${id} (${name}): the X-Hub-Signature-256 signature is missing or does not match`);
      return respond(401, { error: 'signature does not match the payload and the webhook secret' });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return respond(400, { error: 'the payload is not JSON' });
    }
    try {
      // Signature checked above; the event name and payload are GitHub's.
      await probot.receive({ id, name, payload } as Parameters<Probot['receive']>[0]);
    } catch (error) {
      probot.log.error(error as Error, `delivery ${id} (${name}) failed`);
      return respond(500, { error: 'the delivery failed; see the function logs' });
    }
    return respond(200, { ok: true });
  };
}

let defaultHandler: LambdaHandler | undefined;

/**
 * The Lambda entry: a Probot instance from Probot's usual variables (`APP_ID`, `PRIVATE_KEY`,
 * `WEBHOOK_SECRET`, `GHE_HOST`, `LOG_LEVEL`, ...), made on the first invocation and kept while the
 * execution environment lives, as Lambda reuses it.
 */
export async function handler(event: HttpEvent): Promise<HttpResult> {
  defaultHandler ??= createLambdaHandler(ecsIamLintApp, { probot: createProbot(), secret: process.env.WEBHOOK_SECRET ?? '' });
  return defaultHandler(event);
}

function respond(statusCode: number, body: unknown): HttpResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
