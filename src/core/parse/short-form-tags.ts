/** The CloudFormation YAML short-form tags (`!Sub`, `!GetAtt`, ...) and the long-form keys they stand for. */

/**
 * Tags the YAML parser registers explicitly so the `yaml` library resolves them without a warning;
 * any other `!Name` tag is still read as a short form, just through the slower unresolved-tag path.
 */
export const shortFormTagNames: readonly string[] = [
  'Ref',
  'Condition',
  'GetAtt',
  'Sub',
  'Join',
  'If',
  'Select',
  'Split',
  'FindInMap',
  'ImportValue',
  'Base64',
  'Cidr',
  'GetAZs',
  'Equals',
  'And',
  'Or',
  'Not',
  'Transform',
  'ToJsonString',
  'Length',
  'Contains',
  'EachMemberEquals',
  'EachMemberIn',
  'RefAll',
  'ValueOf',
  'ValueOfAll',
  'Include',
  'ForEach',
];

/**
 * Long-form key of a short-form tag name given without its `!`: `Ref` and `Condition` keep their
 * name, every other function gets the `Fn::` prefix (`GetAtt` -> `Fn::GetAtt`).
 */
export function longFormOfTag(tagName: string): string {
  if (tagName === 'Ref' || tagName === 'Condition' || tagName.startsWith('Fn::')) return tagName;
  return `Fn::${tagName}`;
}
