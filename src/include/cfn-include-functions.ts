/** Which files need cfn-include: the functions it evaluates, as long-form keys and YAML tags. */

/**
 * Functions cfn-include 1.5.0 evaluates, plus those later versions added (`Fn::Eval`, `Fn::IfEval`,
 * `Fn::JoinNow`, ...): a template written for a later version still needs expanding, and the pinned
 * version leaves those keys as they are. `Fn::Length` is left out: it is also a CloudFormation
 * LanguageExtensions function, and a file that uses it and nothing else is plain CloudFormation.
 */
export const cfnIncludeFunctionNames: readonly string[] = [
  'Include',
  'Map',
  'Flatten',
  'GetEnv',
  'Eval',
  'IfEval',
  'Stringify',
  'Merge',
  'DeepMerge',
  'Sequence',
  'Outputs',
  'JoinNow',
  'SubNow',
  'RefNow',
  'ApplyTags',
  'UpperCamelCase',
  'LowerCamelCase',
];

const mentionPattern = new RegExp(`(?:Fn::|!)(?:${cfnIncludeFunctionNames.join('|')})\\b`);

/** Whether the text mentions a cfn-include function; a cheap filter before parsing. */
export function mentionsCfnIncludeFunction(text: string): boolean {
  return mentionPattern.test(text);
}

/** Whether a map key is a cfn-include function (long form; the YAML parser turns `!Include` into `Fn::Include`). */
export function isCfnIncludeKey(key: string): boolean {
  return key.startsWith('Fn::') && cfnIncludeFunctionNames.includes(key.slice(4));
}
