/**
 * Removes credentials from text bound for logs, errors, check runs and summaries. A server or proxy may
 * echo a request's Authorization header in its error message, and a check-run summary is public on a
 * public repository: the runner's log masking does not reach it.
 */

const redacted = '[REDACTED]';

/** Shapes of credentials this project handles, whatever their value. */
const credentialPatterns: readonly RegExp[] = [
  // PEM private keys (an App's key), whole blocks.
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  // The same PEM base64-encoded on one line, as PRIVATE_KEY may hold it ("-----BEGIN" → "LS0tLS1CRUdJTi").
  /LS0tLS1CRUdJT[A-Za-z0-9+/=]{16,}/g,
  // GitHub tokens: personal (ghp_), OAuth (gho_), user-to-server (ghu_), installation (ghs_), refresh (ghr_), fine-grained.
  /\bgh[pousr]_[A-Za-z0-9]{16,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  // JSON web tokens (an App's JWT): header.payload.signature, base64url.
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+/g,
];

/** `authorization: token abc`, `"authorization":"Bearer abc"`: the credential after the scheme. */
const authorizationValue = /(authorization["']?\s*[:=]\s*["']?(?:bearer|token|basic)\s+)[^\s"',;}]+/gi;

/** `text` with every credential-shaped string, and each of `secrets` (8 characters or more), replaced by `[REDACTED]`. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    // A short value would blank out ordinary words; tokens and keys are long.
    if (secret.length >= 8) result = result.split(secret).join(redacted);
  }
  for (const pattern of credentialPatterns) result = result.replace(pattern, redacted);
  return result.replace(authorizationValue, `$1${redacted}`);
}
