// A local HTTP server that answers like GitHub Enterprise Server (everything under /api/v3) for a
// separate process: the App's JWT is checked against its public key before an installation token is
// issued, the token is required on every repository call, and the rest is the fake GitHub's.
import { createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeGitHub, FakeResponse, RecordedRequest } from '../github/fake-github.js';
import { appId, appSlug, installationId, installationToken } from './app-harness.js';

export interface LocalGitHubOptions {
  /**
   * Sees every request first (the /api/v3 prefix removed) and may answer it, hold it (a promise that
   * settles later, or never: a server that hangs) or leave it to the usual routes (undefined).
   */
  intercept?: (request: RecordedRequest) => FakeResponse | undefined | Promise<FakeResponse | undefined>;
}

/** The fake that serves a repository path, for several repositories at once; a single fake serves everything. */
export type FakeRouter = FakeGitHub | ((request: RecordedRequest) => FakeGitHub | undefined);

export interface LocalGitHub {
  /** `127.0.0.1:<port>`, for GHE_HOST. */
  host: string;
  /** Every request, the app-level ones (token, GET /app) included, with the /api/v3 prefix removed. */
  requests: RecordedRequest[];
  /** Requests GitHub would not have answered with success: unknown routes, bad credentials. */
  refused: string[];
  /** The API root, for a Probot or Octokit in this process. */
  baseUrl: string;
  close(): Promise<void>;
}

export async function startLocalGitHub(fakes: FakeRouter, privateKeyPem: string, options: LocalGitHubOptions = {}): Promise<LocalGitHub> {
  const publicKey = createPublicKey(privateKeyPem);
  const requests: RecordedRequest[] = [];
  const refused: string[] = [];
  const server = createServer((request, response) => {
    void readBody(request).then(async (text) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const authorization = typeof request.headers.authorization === 'string' ? request.headers.authorization : undefined;
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        path: decodeURI(url.pathname.replace(/^\/api\/v3/, '')),
        query: Object.fromEntries(url.searchParams),
        body: text === '' ? undefined : JSON.parse(text),
        ...(authorization ? { authorization } : {}),
      };
      requests.push(recorded);
      const intercepted = options.intercept?.(recorded);
      const answer = (intercepted instanceof Promise ? await intercepted : intercepted) ?? route(recorded, url.pathname);
      if (answer.hang) return;
      if (answer.status >= 400) refused.push(`${recorded.method} ${recorded.path}: ${answer.status}`);
      send(response, answer);
    });
  });

  const route = (request: RecordedRequest, rawPath: string): FakeResponse => {
    if (!rawPath.startsWith('/api/v3/')) return json(404, { message: 'Not Found (not an API path)' });
    if (request.method === 'POST' && request.path === `/app/installations/${installationId}/access_tokens`) {
      if (!isAppJwt(request.authorization, publicKey)) return json(401, { message: 'A JSON web token could not be decoded' });
      return json(201, {
        token: installationToken,
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        permissions: { checks: 'write', contents: 'read', metadata: 'read', pull_requests: 'write' },
        repository_selection: 'selected',
      });
    }
    if (request.method === 'GET' && request.path === '/app') {
      if (!isAppJwt(request.authorization, publicKey)) return json(401, { message: 'A JSON web token could not be decoded' });
      return json(200, { id: appId, slug: appSlug, name: 'ecs-iam-lint', owner: { login: 'acme', type: 'Organization' } });
    }
    if (request.authorization !== `token ${installationToken}`) return json(401, { message: 'Bad credentials' });
    const fake = typeof fakes === 'function' ? fakes(request) : fakes;
    return fake ? fake.handle(request) : json(404, { message: `Not Found: ${request.method} ${request.path}` });
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    baseUrl: `http://127.0.0.1:${port}/api/v3`,
    requests,
    refused,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** An RS256 JWT the App signed with its private key, issued by its App ID, not expired. */
function isAppJwt(authorization: string | undefined, publicKey: KeyObject): boolean {
  const match = /^bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/i.exec(authorization ?? '');
  if (!match) return false;
  const [, header, payload, signature] = match;
  const valid = verifySignature('RSA-SHA256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url'));
  if (!valid) return false;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iss?: unknown; exp?: number };
  return String(claims.iss) === String(appId) && typeof claims.exp === 'number' && claims.exp * 1000 > Date.now();
}

function send(response: ServerResponse, answer: FakeResponse): void {
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
}

function json(status: number, body: unknown): FakeResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
