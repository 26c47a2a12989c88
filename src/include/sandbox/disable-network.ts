/**
 * Makes every way Node offers to reach the network throw, for the include sandbox. Node 20's permission
 * model restricts the file system, child processes and workers but not sockets, so this is what keeps a
 * template under review from reaching instance metadata or an internal service even if some code path
 * in cfn-include or its dependencies were to open one.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

export class NetworkDisabledError extends Error {
  constructor(what: string) {
    super(`network access is disabled: ${what} was refused`);
    this.name = 'NetworkDisabledError';
  }
}

function refuse(what: string): () => never {
  return () => {
    throw new NetworkDisabledError(what);
  };
}

/** Replaces a property even when it is a getter or non-writable (the `fetch` global is a getter on some versions). */
function replace(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: false, configurable: false, enumerable: true });
}

export function disableNetwork(): void {
  replace(net, 'connect', refuse('net.connect'));
  replace(net, 'createConnection', refuse('net.createConnection'));
  replace(net.Socket.prototype, 'connect', refuse('net.Socket.connect'));
  replace(net.Server.prototype, 'listen', refuse('net.Server.listen'));
  replace(tls, 'connect', refuse('tls.connect'));
  for (const module of [http, https]) {
    const name = module === http ? 'http' : 'https';
    replace(module, 'request', refuse(`${name}.request`));
    replace(module, 'get', refuse(`${name}.get`));
  }
  replace(http2, 'connect', refuse('http2.connect'));
  replace(dgram, 'createSocket', refuse('dgram.createSocket'));
  for (const key of Object.keys(dns)) {
    if (typeof (dns as unknown as Record<string, unknown>)[key] === 'function' && /^(lookup|resolve|reverse)/.test(key)) {
      replace(dns, key, refuse(`dns.${key}`));
    }
  }
  for (const key of Object.keys(dns.promises)) {
    if (/^(lookup|resolve|reverse)/.test(key)) replace(dns.promises, key, refuse(`dns.promises.${key}`));
  }
  replace(dns, 'Resolver', refuse('dns.Resolver'));
  replace(dns.promises, 'Resolver', refuse('dns.promises.Resolver'));
  for (const key of ['fetch', 'WebSocket', 'EventSource']) {
    if (key in globalThis) replace(globalThis, key, refuse(key));
  }
}
