/**
 * The entry of `dist/include-sandbox.js`: the separate process that expands one template's cfn-include
 * functions. It reads a SandboxRequest on stdin and writes one SandboxResponse on stdout. The host starts
 * it with an empty environment under Node's permission model (see ../sandbox-command.ts); this file adds
 * what the permission model cannot do: no sockets, no reads through links or into .git, no env reads.
 * cfn-include is loaded only after those guards are in place.
 */
import { disableNetwork } from './disable-network.js';
import { guardEnvironment } from './guard-environment.js';
import { guardFileReads } from './guard-file-reads.js';
import type { SandboxRefusal, SandboxRequest, SandboxResponse } from './sandbox-protocol.js';

/** Error messages come from cfn-include, js-yaml and the guards; one line of bounded length keeps findings readable. */
const maxErrorLength = 500;

async function main(): Promise<SandboxResponse> {
  disableNetwork();
  let expanding = false;
  guardEnvironment(() => expanding);
  const request = parseRequest(await readStdin());
  const guard = guardFileReads(request.root, request);

  const { default: include } = await import('cfn-include');
  const yaml = await import('cfn-include/lib/yaml.js');
  const absolutePath = `${request.root}/${request.path}`;
  try {
    expanding = true;
    const template = yaml.load(request.text);
    const expanded = await include({ template, url: `file://${absolutePath}` });
    return { expanded, includedPaths: [...guard.includedPaths].sort() };
  } catch (error) {
    return describeError(error);
  } finally {
    expanding = false;
  }
}

function describeError(error: unknown): SandboxResponse {
  // cfn-include throws strings in places ("url cannot be relative").
  const message = error instanceof Error ? error.message : String(error);
  const oneLine = message.replace(/\s+/g, ' ').trim();
  const response: SandboxResponse = { error: oneLine.length > maxErrorLength ? `${oneLine.slice(0, maxErrorLength - 3)}...` : oneLine };
  const refusal = (error as { sandboxRefusal?: SandboxRefusal } | null)?.sandboxRefusal;
  if (refusal) response.refusal = refusal;
  return response;
}

function parseRequest(text: string): SandboxRequest {
  const value = JSON.parse(text) as SandboxRequest;
  if (typeof value.root !== 'string' || typeof value.path !== 'string' || typeof value.text !== 'string') {
    throw new Error('malformed sandbox request');
  }
  return value;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * js-yaml reads `Version: 2012-10-17` as a Date; CloudFormation reads it as the string it is. Dates at
 * midnight UTC go back to `YYYY-MM-DD`, the form they were almost certainly written in.
 */
function keepDatesAsWritten(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (!(raw instanceof Date) || Number.isNaN(raw.getTime())) return value;
  const iso = raw.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function respond(response: SandboxResponse): void {
  let json: string;
  try {
    json = JSON.stringify(response, keepDatesAsWritten);
  } catch (error) {
    json = JSON.stringify(describeError(error));
  }
  // Exit once stdout is flushed: includes still in flight after a failure must not keep running.
  process.stdout.write(json, () => process.exit(0));
}

main().then(respond, (error: unknown) => respond(describeError(error)));
