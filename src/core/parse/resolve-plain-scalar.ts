/** How a plain (unquoted) YAML scalar's text becomes a value: the YAML 1.2 core schema, minus any number that would not print back as written. */

/** Matches YAML 1.2 core-schema decimal integers and floats; hex, octal, .inf and .nan never survive the round trip anyway. */
const coreDecimalPattern = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/**
 * Reads a plain scalar with the YAML 1.2 core schema, except that a number is kept only when printing
 * it gives back the source text: `012345678910`, `1e3`, `1.0` and `0x1F` stay strings, so account
 * ids never lose digits. `Yes`/`No`/`on`/`off` are strings in YAML 1.2.
 */
export function resolvePlainScalar(source: string, isTagValue: boolean): string | number | boolean | null {
  switch (source) {
    // CloudFormation reads `!GetAZs` with nothing after it as the empty string, like PyYAML does.
    case '':
      return isTagValue ? '' : null;
    case '~':
    case 'null':
    case 'Null':
    case 'NULL':
      return null;
    case 'true':
    case 'True':
    case 'TRUE':
      return true;
    case 'false':
    case 'False':
    case 'FALSE':
      return false;
  }
  const firstCode = source.charCodeAt(0);
  const mayBeNumber = (firstCode >= 48 && firstCode <= 57) || firstCode === 45 || firstCode === 43 || firstCode === 46;
  if (mayBeNumber && coreDecimalPattern.test(source)) {
    const value = Number(source);
    if (String(value) === source) return value;
  }
  return source;
}
