/** The RIGHT-side line ranges of a pull-request file's diff hunks: where GitHub accepts review comments. */

export interface DiffHunk {
  /** First head-side (RIGHT) line of the hunk, 1-based. */
  startLine: number;
  /** Last head-side line of the hunk, inclusive. */
  endLine: number;
}

const hunkHeader = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses the `patch` of a pull-request file. Every context and added line of a hunk is a RIGHT-side
 * line; they run consecutively from the header's `+start`. The lines are counted as well as read from
 * the header, and the smaller wins, so a patch GitHub cut short never claims lines it does not show.
 * Hunks with no RIGHT-side line (pure deletions) are left out.
 */
export function parseDiffHunks(patch: string): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let current: { startLine: number; declared: number; counted: number } | undefined;
  const close = (): void => {
    if (!current) return;
    const count = Math.min(current.declared, current.counted);
    if (count > 0) hunks.push({ startLine: current.startLine, endLine: current.startLine + count - 1 });
    current = undefined;
  };
  for (const line of patch.split(/\r?\n/)) {
    const header = hunkHeader.exec(line);
    if (header) {
      close();
      current = { startLine: Number(header[1]), declared: header[2] === undefined ? 1 : Number(header[2]), counted: 0 };
      continue;
    }
    if (!current) continue;
    // A blank line is a context line whose leading space was stripped along the way.
    if (line === '' || line.startsWith(' ') || line.startsWith('+')) current.counted++;
  }
  close();
  return hunks;
}

/** The hunk holding both lines, if any: a multi-line comment must not cross hunks. */
export function findHunk(hunks: readonly DiffHunk[], startLine: number, endLine: number): DiffHunk | undefined {
  return hunks.find((hunk) => hunk.startLine <= startLine && endLine <= hunk.endLine);
}
