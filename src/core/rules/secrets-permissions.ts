/** secrets-permissions: the execution role cannot read a referenced secret or parameter (R12, R13, R14, R17). */
import type { DocNode } from '../parse/node.js';
import { getValue } from '../parse/node.js';
import { classifySecretReference, secretResourceCandidates } from '../model/secret-reference.js';
import { resolveStrings } from '../model/resolve.js';
import { fieldName, type TaskDefinition } from '../model/task-definition.js';
import { executionRoleSource } from './credential-sources.js';
import { uncertaintyReason } from './ecr-pull-permissions.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import { buildAddPermissionsFix } from './fix-builders.js';
import type { Fix } from '../finding.js';
import type { IamRole } from '../model/iam-model.js';
import type { Rule, RuleContext } from './rule.js';
import { secretReferences } from './task-needs.js';

interface SecretAccess {
  valueFrom: string;
  node: DocNode;
  what: string;
  /** Actions and the resources any one of which must be granted for each; `grant` is what a fix writes. */
  requirements: { action: string; resources: string[]; grant: string }[];
  /**
   * The value is a parameter or import the linter cannot resolve, so neither the service nor the ARN is
   * known: one of the requirements being granted is enough, and a gap is at most a warning.
   */
  unresolved?: boolean;
}

export const secretsPermissions: Rule = {
  meta: {
    id: 'secrets-permissions',
    defaultSeverity: 'error',
    description:
      'The execution role must allow secretsmanager:GetSecretValue or ssm:GetParameters on every secret and parameter the task definition references, and kms:Decrypt on a customer managed key that encrypts one.',
    requirements: ['R12', 'R13', 'R14', 'R17'],
    fixable: true,
  },
  check(context) {
    const { repo, config, report, noteUnverifiable } = context;
    for (const task of repo.taskDefinitions) {
      const accesses = collectAccesses(context, task);
      if (accesses.length === 0) continue;
      const source = executionRoleSource(repo, task);
      if (!source) continue; // execution-role-required reports the missing role
      for (const text of source.externalRoles) noteUnverifiable(text, { path: task.path, node: accesses[0].node }, 'secret access');
      for (const role of source.roles) {
        // One fix per role covering every secret it cannot read: two suggestions that each add the same
        // `Policies` key would give a duplicate key when both are accepted.
        const pending: { access: SecretAccess; grants: ReturnType<typeof checkRoleGrants>; missing: SecretAccess['requirements'] }[] = [];
        for (const access of accesses) {
          const grants = access.requirements.flatMap((r) => checkRoleGrants(role, [r.action], r.resources, config));
          if (access.unresolved) {
            if (grants.some((g) => g.state === 'yes')) continue;
            report({
              path: task.path,
              node: access.node,
              severity: 'warning',
              message: `Execution role ${role.label} of task definition ${task.label} may not allow secretsmanager:GetSecretValue or ssm:GetParameters on ${access.what}, which the linter cannot resolve; if it cannot read it, the task fails to start with ResourceInitializationError.`,
              messageId: `unresolved:${role.id}:${access.valueFrom}`,
              relatedPaths: [role.path],
            });
            continue;
          }
          const { definite, uncertain } = missingGrants(grants);
          if (definite.length === 0 && uncertain.length === 0) continue;
          pending.push({ access, grants, missing: access.requirements.filter((r) => definite.includes(r.action) || uncertain.includes(r.action)) });
        }
        const fixes = buildSecretsFix(repo, role, pending);
        pending.forEach(({ access, grants }, index) => {
          const { definite, uncertain } = missingGrants(grants);
          report({
            path: task.path,
            node: access.node,
            // The one fix grants every secret: the first finding carries it, so it is suggested once.
            fixes: index === 0 ? fixes : [],
            severity: definite.length ? 'error' : 'warning',
            message: `Execution role ${role.label} of task definition ${task.label} ${definite.length ? 'does not allow' : 'may not allow'} ${[...new Set([...definite, ...uncertain])].join(', ')} on ${access.what}${definite.length ? '' : ` (${uncertaintyReason(role)})`}; the task fails to start with ResourceInitializationError.`,
            messageId: `missing:${role.id}:${access.valueFrom}`,
            relatedPaths: [role.path],
          });
        });
      }
    }
  },
};

/** What a new execution role must be granted so every secret of the task can be read. */
export function secretGrantsOf(task: TaskDefinition, config: RuleContext['config']): { action: string; grant: string }[] {
  const accesses = collectAccesses({ config, report: () => {} }, task);
  return accesses.flatMap((access) => access.requirements.map(({ action, grant }) => ({ action, grant })));
}

function collectAccesses(context: Pick<RuleContext, 'config' | 'report'>, task: TaskDefinition): SecretAccess[] {
  const accesses: SecretAccess[] = [];
  const accountRegion = { account: context.config.account, region: context.config.region };
  const add = (valueFrom: string, node: DocNode, registryCredentials: boolean, keptValue = valueFrom) => {
    const reference = classifySecretReference(valueFrom, accountRegion);
    // What a fix writes keeps template parameters as parameters (`secret:app/${Environment}/db`).
    const kept = keptValue !== valueFrom ? classifySecretReference(keptValue, accountRegion) : reference;
    if (reference.kind === 'unknown') {
      const access = tokenReferenceAccess(task, valueFrom, node) ?? unresolvedAccess(task, valueFrom, node);
      accesses.push(access);
      const key = customerManagedKeyOf(task, valueFrom);
      if (key) access.requirements.push({ action: 'kms:Decrypt', resources: [key], grant: key });
      return;
    }
    if (reference.kind === 'invalid') {
      context.report({
        path: task.path,
        node,
        message: `Task definition ${task.label} references '${valueFrom}', which is neither a Secrets Manager secret ARN nor an SSM parameter ARN or name (${reference.reason}).`,
        messageId: `invalid:${valueFrom}`,
      });
      return;
    }
    if (reference.kind === 'secretsmanager') {
      accesses.push({
        valueFrom,
        node,
        what: `secret ${reference.name.replace(/-\$\{[^}]+\.Suffix\}$/, '')}`,
        requirements: [{ action: 'secretsmanager:GetSecretValue', resources: secretResourceCandidates(reference), grant: kept.kind === 'secretsmanager' ? secretGrant(kept.secretArn, kept.hasRandomSuffix === true) : secretGrant(reference.secretArn, reference.hasRandomSuffix === true) }],
      });
    } else if (registryCredentials) {
      // Repository credentials are always a Secrets Manager secret; a bare value is the secret's name.
      const secretArn = `arn:\${AWS::Partition}:secretsmanager:${context.config.region ?? '${AWS::Region}'}:${context.config.account ?? '${AWS::AccountId}'}:secret:${valueFrom}`;
      accesses.push({ valueFrom, node, what: `secret ${valueFrom}`, requirements: [{ action: 'secretsmanager:GetSecretValue', resources: [secretArn, `${secretArn}-AbCdEf`], grant: secretGrant(secretArn, false) }] });
    } else {
      if (reference.malformedColonForm) {
        context.report({
          path: task.path,
          node,
          severity: 'warning',
          message: `Task definition ${task.label} references '${valueFrom}', which is not a valid SSM parameter ARN: write 'parameter/${reference.name.replace(/^\/+/, '')}', not 'parameter:${reference.name}'.`,
          messageId: `malformed-ssm-arn:${valueFrom}`,
        });
      }
      const requirements = [{ action: 'ssm:GetParameters', resources: [reference.parameterArn], grant: kept.kind === 'ssm' ? kept.parameterArn : reference.parameterArn }];
      if (reference.referencesSecretsManager) {
        const secretName = reference.name.replace(/^\/?aws\/reference\/secretsmanager\//, '');
        const secretArn = `arn:\${AWS::Partition}:secretsmanager:${context.config.region ?? '${AWS::Region}'}:${context.config.account ?? '${AWS::AccountId}'}:secret:${secretName}`;
        requirements.push({ action: 'secretsmanager:GetSecretValue', resources: [secretArn, `${secretArn}-AbCdEf`], grant: secretGrant(secretArn, false) });
      }
      accesses.push({ valueFrom, node, what: `parameter ${reference.name}`, requirements });
    }
    const key = customerManagedKeyOf(task, valueFrom);
    if (key) accesses[accesses.length - 1].requirements.push({ action: 'kms:Decrypt', resources: [key], grant: key });
  };
  for (const need of secretReferences(task)) {
    const values = need.reference.valueFrom.values;
    const kept = task.template ? resolveStrings({ template: task.template, keepParameters: true }, need.reference.valueFrom.node) : values;
    values.forEach((value, i) => add(value, need.reference.node, false, kept.length === values.length ? kept[i] : value));
  }
  for (const container of task.containers) {
    for (const value of container.repositoryCredentials?.values ?? []) add(value, container.repositoryCredentials!.node, true);
  }
  // FSx for Windows File Server volume credentials (R17): a Secrets Manager secret or SSM parameter ARN.
  for (const volume of task.volumes) {
    const fsx = getValue(volume, fieldName('FSxWindowsFileServerVolumeConfiguration', task.naming));
    const credentials = getValue(getValue(fsx, fieldName('AuthorizationConfig', task.naming)), fieldName('CredentialsParameter', task.naming));
    for (const value of credentials ? resolveStrings({ template: task.template }, credentials) : []) add(value, credentials!, false);
  }
  return accesses;
}

/**
 * A value that is a token (`!Ref Secret` of a secret CloudFormation names) can still be checked when
 * the token is a secret or parameter resource of the same template: policies reference it the same way.
 */
function tokenReferenceAccess(task: TaskDefinition, valueFrom: string, node: DocNode): SecretAccess | undefined {
  // `!Ref Secret` alone, or joined with the ECS json-key suffix (`:password::`, as CDK writes it).
  const match = /^\$\{([A-Za-z0-9]+)\}(:[^:]*:[^:]*:[^:]*)?$/.exec(valueFrom);
  const resource = match ? task.template?.resources.get(match[1]) : undefined;
  if (resource?.type === 'AWS::SecretsManager::Secret') {
    const secret = `\${${match![1]}}`;
    return { valueFrom, node, what: `secret ${resource.logicalId}`, requirements: [{ action: 'secretsmanager:GetSecretValue', resources: [secret], grant: secret }] };
  }
  if (match?.[2]) return undefined;
  if (resource?.type === 'AWS::SSM::Parameter') {
    const arn = `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${valueFrom}`;
    return { valueFrom, node, what: `parameter ${resource.logicalId}`, requirements: [{ action: 'ssm:GetParameters', resources: [arn], grant: arn }] };
  }
  return undefined;
}

/** A value given by a parameter, an import or another unresolved token: either read action on it will do. */
function unresolvedAccess(task: TaskDefinition, valueFrom: string, node: DocNode): SecretAccess {
  const token = /^\$\{([^}]+)\}/.exec(valueFrom)?.[1];
  const what = token && task.template?.parameters.has(token) ? `the value of parameter ${token}` : `'${valueFrom}'`;
  return {
    valueFrom,
    node,
    what,
    requirements: [
      { action: 'secretsmanager:GetSecretValue', resources: [valueFrom], grant: valueFrom },
      { action: 'ssm:GetParameters', resources: [valueFrom], grant: valueFrom },
    ],
    unresolved: true,
  };
}

/** Grants every missing secret and parameter: one statement per action, scoped to all their ARNs. */
function buildSecretsFix(repo: RuleContext['repo'], role: IamRole, pending: { access: SecretAccess; grants: { denyingStatement?: unknown }[]; missing: SecretAccess['requirements'] }[]): Fix[] {
  if (pending.length === 0 || pending.some((p) => p.grants.some((g) => g.denyingStatement))) return [];
  const requirements = pending.flatMap((p) => p.missing);
  const actions = [...new Set(requirements.map((r) => r.action))];
  const what = pending.length === 1 ? pending[0].access.what : `${pending.length} secrets and parameters`;
  // Actions that share their resources go in one statement; others (kms:Decrypt on a key) get their own.
  const groups = new Map<string, string[]>();
  for (const action of actions) {
    const grants = [...new Set(requirements.filter((r) => r.action === action).map((r) => r.grant))].sort();
    const key = grants.join('\n');
    groups.set(key, [...(groups.get(key) ?? []), action]);
  }
  if (groups.size !== 1) {
    // Several statements cannot be added as one edit by the builder; grant per action group in turn.
    const [first] = groups;
    const fix = buildAddPermissionsFix(repo, role, { actions: first[1], resources: first[0].split('\n'), policyName: 'secrets' }, `Allow ${role.label} to read ${what}`);
    return fix ? [fix] : [];
  }
  const [[resources, groupActions]] = groups;
  const fix = buildAddPermissionsFix(repo, role, { actions: groupActions, resources: resources.split('\n'), policyName: 'secrets' }, `Allow ${role.label} to read ${what}`);
  return fix ? [fix] : [];
}

/** The resource a fix grants for a secret: its exact ARN when the random suffix is known, else any suffix. */
function secretGrant(secretArn: string, hasRandomSuffix: boolean): string {
  // An ARN ending in a token (`!Ref Secret`) is the full ARN already; a name or partial ARN needs the suffix.
  return hasRandomSuffix || secretArn.endsWith('}') ? secretArn : `${secretArn}-??????`;
}

/** The KMS key of a secret defined in the same template with a customer managed `KmsKeyId`. */
function customerManagedKeyOf(task: TaskDefinition, valueFrom: string): string | undefined {
  const template = task.template;
  if (!template) return undefined;
  const match = /\$\{([A-Za-z0-9]+)(?:\.Suffix)?\}/.exec(valueFrom);
  const resource = match ? template.resources.get(match[1]) : undefined;
  if (resource?.type !== 'AWS::SecretsManager::Secret') return undefined;
  const keyNode = getValue(resource.properties, 'KmsKeyId');
  if (!keyNode) return undefined;
  const key = resolveStrings({ template }, keyNode)[0];
  if (!key || key.startsWith('alias/aws/')) return undefined;
  // A key given by id or by a Ref to an AWS::KMS::Key (its id) is matched by the key's ARN in policies.
  const keyRef = /^\$\{([A-Za-z0-9]+)\}$/.exec(key);
  if (keyRef && template.resources.get(keyRef[1])?.type === 'AWS::KMS::Key') return `\${${keyRef[1]}.Arn}`;
  return key;
}
