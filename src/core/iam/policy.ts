/**
 * IAM policy documents as the evaluator sees them: statements whose actions and resources are
 * patterns, resolved from templates as far as static analysis allows.
 *
 * Resource strings use CloudFormation `Fn::Sub` syntax for what is not a literal: `${AWS::Region}`,
 * `${AWS::AccountId}`, `${AWS::Partition}`, `${AWS::URLSuffix}` (pseudo parameters, which match any
 * value), and `${Name}` or `${Name.Attr}` for a resource or parameter value that is the same
 * wherever the same token appears but is otherwise unknown. IAM's own `*` and `?` wildcards are literal
 * characters of the pattern, as in IAM.
 */
import type { MapNode, DocNode } from '../parse/node.js';

/** Where a statement or document is written, so findings can point at it and fixes can edit it. */
export interface PolicyOrigin {
  path: string;
  node: DocNode;
}

export interface PolicyCondition {
  /** Operator as written, e.g. `StringEquals`, `ArnLike`, `ForAnyValue:StringLike`, `StringEqualsIfExists`. */
  operator: string;
  /** Condition key, e.g. `aws:SourceAccount`, `iam:PassedToService`. Compared case-insensitively. */
  key: string;
  /** Values in the same Sub-style pattern form as resources. */
  values: string[];
}

export interface Principal {
  service: string[];
  aws: string[];
  federated: string[];
  /** `"Principal": "*"` or `{"AWS": "*"}`. */
  any: boolean;
}

export interface PolicyStatement {
  origin?: PolicyOrigin & { node: MapNode };
  sid?: string;
  effect: 'Allow' | 'Deny';
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  principal?: Principal;
  notPrincipal?: Principal;
  conditions: PolicyCondition[];
  /**
   * True when part of the statement could not be resolved statically (an Action from a parameter, a
   * Condition built with Fn::If...). The evaluator then treats an Allow as "maybe" and ignores a Deny.
   */
  unresolved?: boolean;
  /** True when the statement only exists under a CloudFormation condition (Fn::If branch, conditional resource). */
  conditional?: boolean;
}

export interface PolicyDocument {
  /** Policy name (inline PolicyName, managed policy name) for messages. */
  name?: string;
  origin?: PolicyOrigin;
  statements: PolicyStatement[];
}

export function emptyPrincipal(): Principal {
  return { service: [], aws: [], federated: [], any: false };
}
