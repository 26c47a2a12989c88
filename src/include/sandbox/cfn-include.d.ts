/** Types for the parts of cfn-include 1.5.0 the sandbox uses; the package ships none. */
declare module 'cfn-include' {
  interface IncludeOptions {
    /** The parsed template; when absent cfn-include reads `url` itself. */
    template?: unknown;
    /** Absolute location of the template, `file:///...`: includes resolve relative to it. */
    url: string;
    scope?: Record<string, unknown>;
  }
  function include(options: IncludeOptions): Promise<unknown>;
  export = include;
}

declare module 'cfn-include/lib/yaml.js' {
  /** js-yaml with cfn-include's schema (`!Include`, `!Map`, the CloudFormation short forms), falling back to JSON. */
  export function load(text: string): unknown;
}
