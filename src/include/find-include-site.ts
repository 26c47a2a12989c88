/** Finds where in a template a failed cfn-include expansion should be reported: the include that asked for what was refused. */
import { posix } from 'node:path';
import { isMap, isScalar, isSeq, getValue, type DocNode } from '../core/parse/node.js';
import type { ParseError } from '../core/parse/parsed-file.js';
import { isCfnIncludeKey } from './cfn-include-functions.js';

export interface IncludeSiteQuery {
  /** The function that failed (`Fn::Include`, `Fn::GetEnv`), when known. */
  function?: string;
  /** What it asked for: an absolute file path or a URL, when known. */
  location?: string;
  /** Absolute, forward-slash path of the template, to resolve relative include locations. */
  templatePath: string;
}

interface Call {
  key: string;
  startOffset: number;
  endOffset: number;
  value: DocNode;
}

/**
 * The range of the call that best matches the query: a call of that function whose location resolves
 * to the refused one, else the first call of that function, else the first cfn-include call of any kind
 * (a key built at run time by `Fn::Map`), else the start of the file.
 */
export function findIncludeSite(root: DocNode | undefined, query: IncludeSiteQuery): Pick<ParseError, 'startOffset' | 'endOffset'> {
  const calls = root ? collectCalls(root) : [];
  const sameFunction = query.function ? calls.filter((call) => call.key === query.function) : [];
  const matching = query.location ? sameFunction.find((call) => locationOf(call.value, query.templatePath) === query.location) : undefined;
  const call = matching ?? sameFunction[0] ?? calls[0];
  return call ? { startOffset: call.startOffset, endOffset: call.endOffset } : { startOffset: 0, endOffset: 0 };
}

/** Every cfn-include call in document order, from key (or `!Tag`) to the end of its argument. */
function collectCalls(root: DocNode): Call[] {
  const calls: Call[] = [];
  const visit = (node: DocNode): void => {
    if (isMap(node)) {
      for (const entry of node.entries) {
        if (isCfnIncludeKey(entry.key)) {
          calls.push({ key: entry.key, startOffset: entry.keyNode.startOffset, endOffset: entry.value.endOffset, value: entry.value });
        }
        visit(entry.value);
      }
    } else if (isSeq(node)) {
      node.items.forEach(visit);
    }
  };
  visit(root);
  return calls.sort((a, b) => a.startOffset - b.startOffset);
}

/** Where an include's argument points, resolved the way cfn-include resolves it; undefined when it is computed. */
function locationOf(argument: DocNode, templatePath: string): string | undefined {
  const raw = isScalar(argument) ? argument.value : getScalar(getValue(argument, 'location'));
  if (typeof raw !== 'string') return undefined;
  if (/^file:\/\//.test(raw)) return raw.slice('file://'.length);
  if (/^[a-z0-9]+:\/\//i.test(raw)) return raw;
  // cfn-include treats every location without a scheme, even `/etc/hostname`, as relative to the including file.
  return posix.join(posix.dirname(templatePath), raw);
}

function getScalar(node: DocNode | undefined): unknown {
  return isScalar(node) ? node.value : undefined;
}
