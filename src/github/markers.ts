/** The hidden HTML comments that mark our reviews and comments, so a re-run recognises what it posted. */

export const reviewMarker = '<!-- ecs-iam-lint:review -->';

const fingerprintPattern = /<!-- ecs-iam-lint:fingerprint=([0-9a-f]{32}) -->/g;

export function renderFingerprintMarker(fingerprint: string): string {
  return `<!-- ecs-iam-lint:fingerprint=${fingerprint} -->`;
}

/** Every fingerprint marked in a comment or review body. */
export function parseFingerprintMarkers(body: string): string[] {
  return [...body.matchAll(fingerprintPattern)].map((match) => match[1]);
}

export function hasReviewMarker(body: string): boolean {
  return body.includes(reviewMarker);
}
