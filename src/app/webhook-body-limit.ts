/**
 * Refuses webhook bodies over GitHub's own cap before they are buffered. Probot's middleware reads a
 * whole body into memory before it checks the signature, with no limit: anyone who can reach the server
 * could make it hold gigabytes. GitHub never sends more than 25 MB
 * (https://docs.github.com/webhooks/webhook-events-and-payloads#payload-cap).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Probot } from 'probot';

export const maxWebhookPayloadBytes = 25 * 1024 * 1024;

/** A Node middleware as Probot serves them: true when it answered the request. */
export type NodeMiddleware = (request: IncomingMessage, response: ServerResponse, next?: Function) => Promise<boolean>;

/**
 * A middleware that reads a POST body itself, up to `maxBytes` (a declared Content-Length over it is
 * refused before a byte is read), answers 413 past it, and otherwise hands the bytes on as `rawBody`,
 * which @octokit/webhooks' middleware verifies and parses exactly as if it had read the stream.
 */
export function limitWebhookBody(middleware: NodeMiddleware, maxBytes = maxWebhookPayloadBytes, warn: (message: string) => void = () => undefined): NodeMiddleware {
  return async (request, response, next) => {
    if (request.method !== 'POST') return middleware(request, response, next);
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      warn(`refused a ${declared}-byte POST to ${request.url ?? '/'}: over the ${maxBytes}-byte webhook limit`);
      refuse(response, maxBytes);
      return true;
    }
    const body = await readBounded(request, maxBytes);
    if (body === undefined) {
      warn(`refused a POST to ${request.url ?? '/'} whose body went past the ${maxBytes}-byte webhook limit`);
      refuse(response, maxBytes);
      return true;
    }
    Object.assign(request, { body: {}, rawBody: body });
    return middleware(request, response, next);
  };
}

/**
 * Wraps the middleware Probot serves webhooks with. `probot run` (npm start) and `createNodeMiddleware`
 * both ask the Probot instance for it after loading the app, and call it before any handler an app can
 * add, so replacing the instance's method is the one way in (checked against the pinned probot 14.3.2;
 * the end-to-end test sends an oversized body to `npm start`).
 */
export function installWebhookBodyLimit(app: Probot, maxBytes = maxWebhookPayloadBytes): void {
  const getNodeMiddleware = app.getNodeMiddleware.bind(app);
  app.getNodeMiddleware = async (options) => limitWebhookBody((await getNodeMiddleware(options)) as NodeMiddleware, maxBytes, (message) => app.log.warn(message));
}

/** The body, or undefined once it passes `maxBytes` (the rest is discarded unread). */
function readBounded(request: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > maxBytes) {
        request.off('data', onData);
        chunks.length = 0;
        // Keep the connection readable so the 413 reaches the client; drop what is still coming.
        request.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.once('end', () => resolve(length > maxBytes ? undefined : Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

function refuse(response: ServerResponse, maxBytes: number): void {
  const body = JSON.stringify({ error: `payload too large: webhooks are limited to ${maxBytes} bytes, as GitHub sends them` });
  response.writeHead(413, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' });
  response.end(body);
}
