/** Asks "does this role grant these actions on this resource", the question every permission rule asks. */
import { evaluateAccess } from '../iam/evaluate.js';
import type { PolicyStatement } from '../iam/policy.js';
import { identityPolicies, type IamRole } from '../model/iam-model.js';
import type { LintConfig } from '../config.js';

export type GrantState = 'yes' | 'maybe' | 'no';

export interface ActionGrant {
  action: string;
  state: GrantState;
  /** The grant relies on a condition that cannot be decided statically. */
  reliesOnCondition: boolean;
  denyingStatement?: PolicyStatement;
}

/**
 * Checks each action against every candidate resource (any one matching is enough: a log group may
 * be granted as `log-group:name` or `log-group:name:*`). Managed policies whose content is unknown
 * turn a definite "no" into "maybe", since they may grant it.
 */
export function checkRoleGrants(
  role: IamRole,
  actions: readonly string[],
  resources: readonly string[],
  config: Pick<LintConfig, 'account' | 'region'>,
  context?: Record<string, string[]>,
): ActionGrant[] {
  if (role.assumeCompliant) return actions.map((action) => ({ action, state: 'yes', reliesOnCondition: false }));
  const { documents, unknownPolicyArns } = identityPolicies(role);
  // Templates mostly hard-code `arn:aws:` in one place and use ${AWS::Partition} in another; comparing
  // them in the commercial partition (unless the region says otherwise) avoids a warning on every such pair.
  const partition = config.region ? undefined : 'aws';
  const boundary = role.boundary ? (role.boundary.document ? [role.boundary.document] : ('unknown' as const)) : undefined;
  return actions.map((action) => {
    let best: ActionGrant = { action, state: 'no', reliesOnCondition: false };
    for (const resource of resources.length ? resources : ['*']) {
      const decision = evaluateAccess(documents, { action, resource, context }, { account: config.account, region: config.region, partition, boundary });
      const state: GrantState = decision.allowed;
      if (rank(state) > rank(best.state) || (state === best.state && !decision.reliesOnUndecidedCondition && best.reliesOnCondition)) {
        best = { action, state, reliesOnCondition: decision.reliesOnUndecidedCondition, denyingStatement: decision.denyingStatement };
      } else if (best.state === 'no' && !best.denyingStatement && decision.denyingStatement) {
        best.denyingStatement = decision.denyingStatement;
      }
    }
    if (best.state === 'no' && unknownPolicyArns.length && !best.denyingStatement) best.state = 'maybe';
    return best;
  });
}

function rank(state: GrantState): number {
  return state === 'yes' ? 2 : state === 'maybe' ? 1 : 0;
}

/** The actions not definitely granted, split by how sure we are. */
export function missingGrants(grants: readonly ActionGrant[]): { definite: string[]; uncertain: string[] } {
  return {
    definite: grants.filter((g) => g.state === 'no').map((g) => g.action),
    uncertain: grants.filter((g) => g.state === 'maybe').map((g) => g.action),
  };
}
