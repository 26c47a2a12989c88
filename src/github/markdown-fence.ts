/** Code fences that no content can close early: GitHub ends a fence at the first run of as many backticks. */

/** ` ```info ` + content + ` ``` `, with a fence one backtick longer than the longest run inside (at least three). */
export function renderFence(content: string, info: string): string {
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return content === '' ? `${fence}${info}\n${fence}` : `${fence}${info}\n${content}\n${fence}`;
}
