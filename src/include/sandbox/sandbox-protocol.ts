/** The JSON messages between expandIncludes and the include sandbox process: one request on stdin, one response on stdout. */

export interface SandboxRequest {
  /** Real path of the repository root: the only tree includes may read. */
  root: string;
  /** Path of the template, relative to the root, forward slashes. */
  path: string;
  /** The template as written. */
  text: string;
  /** Files read over the whole expansion before it is stopped as an include cycle or runaway fan-out. */
  maxIncludeReads: number;
  /** Largest file an include may read. */
  maxIncludedFileBytes: number;
}

/** What was refused, so that the host can point at the include site. */
export interface SandboxRefusal {
  /** The cfn-include function that asked for it: `Fn::Include`, `Fn::GetEnv`. */
  function: string;
  /** The location the include asked for (an absolute file path, a URL), when known. */
  location?: string;
}

export type SandboxResponse =
  | {
      expanded: unknown;
      /** Root-relative paths of the files the includes read, sorted. */
      includedPaths: string[];
    }
  | { error: string; refusal?: SandboxRefusal };
