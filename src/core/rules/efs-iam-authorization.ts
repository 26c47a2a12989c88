/** efs-iam-authorization: an EFS volume with IAM authorization needs transit encryption, a task role, and elasticfilesystem:ClientMount (and ClientWrite when writable) for it (R23). */
import { replaceScalarOrNode, addMapEntry } from '../fix/document-edits.js';
import type { Fix } from '../finding.js';
import { evaluateAccess } from '../iam/evaluate.js';
import type { PolicyDocument } from '../iam/policy.js';
import type { RequestContext } from '../iam/condition-eval.js';
import { matchResource } from '../iam/resource-match.js';
import { accessPointArn, efsVolumes, fileSystemArn, isDefinitelyNot, mayBeSetTo, type EfsVolume } from '../model/efs-volumes.js';
import { buildPolicyDocument } from '../model/policy-document.js';
import type { Repository } from '../model/repository.js';
import type { TaskDefinition } from '../model/task-definition.js';
import type { Resource } from '../model/template.js';
import { getValue, isMap } from '../parse/node.js';
import type { LintConfig } from '../config.js';
import { uncertaintyReason } from './ecr-pull-permissions.js';
import { fixesOf } from './ecs-tasks-trust.js';
import { buildAddPermissionsFix, editableDocument } from './fix-builders.js';
import { checkRoleGrants, missingGrants } from './role-grants.js';
import { joinList } from './role-not-verifiable.js';
import type { Rule } from './rule.js';
import { buildAddTaskRoleFix } from './task-role-fix.js';
import { labelOfValue } from './value-labels.js';

/** What the task sees when the mount is refused (aws-samples/aws-cdk-examples#920). */
const mountDenied = "the task fails to start with ResourceInitializationError: failed to invoke EFS utils commands to set up EFS volumes (mount.nfs4: access denied by server)";

/** What EFS says about a request, from the file system's policy, when the file system is in the repository. */
type FileSystemPolicyView =
  | { kind: 'not-visible' }
  /** No FileSystemPolicy: EFS's default policy grants every client that reaches a mount target full access. */
  | { kind: 'default'; fileSystem: Resource }
  | { kind: 'policy'; fileSystem: Resource; document: PolicyDocument };

export const efsIamAuthorization: Rule = {
  meta: {
    id: 'efs-iam-authorization',
    defaultSeverity: 'error',
    description: 'An EFS volume with IAM authorization needs transit encryption, a task role, and elasticfilesystem:ClientMount (and ClientWrite when writable) for it.',
    requirements: ['R23'],
    fixable: true,
  },
  check({ repo, config, report, noteUnverifiable }) {
    for (const task of repo.taskDefinitions) {
      const volumes = efsVolumes(task);
      if (volumes.length === 0) continue;
      for (const volume of volumes) {
        const iamEnabled = mayBeSetTo(volume.iam, 'ENABLED');
        const accessPoint = volume.accessPointId?.values[0];
        const volumeLabel = `EFS volume ${volume.name ?? '(unnamed)'} of task definition ${task.label}`;

        if ((iamEnabled || accessPoint) && isDefinitelyNot(volume.transitEncryption, 'ENABLED')) {
          const why = iamEnabled ? 'uses IAM authorization' : `mounts access point ${accessPoint}`;
          report({
            path: task.path,
            node: volume.transitEncryption?.node ?? (iamEnabled ? volume.iam!.node : volume.accessPointId!.node),
            message: `${volumeLabel} ${why} without ${volume.transitEncryptionKey}: ENABLED, which ECS requires for ${iamEnabled ? 'IAM authorization' : 'access points'}; ECS rejects the task definition.`,
            messageId: `transit-encryption:${volume.name ?? ''}`,
            fixes: fixesOf(buildTransitEncryptionFix(repo, task, volume)),
          });
        }
        if (!iamEnabled) continue;

        const iamNode = volume.iam!.node;
        const fileSystemId = volume.fileSystemId?.values[0];
        if (!fileSystemId) continue;
        const resource = fileSystemArn(fileSystemId);
        const actions = ['elasticfilesystem:ClientMount', ...(volume.writable ? ['elasticfilesystem:ClientWrite'] : [])];

        const use = repo.taskRole(task);
        const roles = use ? use.options : [];
        // efs-utils mounts with the task role's credentials whatever the file system policy says.
        if (roles.every((option) => option.kind === 'none')) {
          report({
            path: task.path,
            node: iamNode,
            message: `${volumeLabel} uses IAM authorization but the task definition has no task role, whose credentials ECS mounts the file system with; ${mountDenied}.`,
            messageId: `no-task-role:${volume.name ?? ''}`,
            fixes: fixesOf(
              buildAddTaskRoleFix(repo, task, [{ actions, resources: [resource] }], { policyName: 'efs-access' }, `Add a task role that may mount ${volume.name ?? 'the EFS volume'} to ${task.label}`),
            ),
          });
          continue;
        }

        const context = requestContext(volume);
        const fsPolicy = fileSystemPolicyOf(task, fileSystemId);
        // Without a FileSystemPolicy EFS applies its default one, which lets every client mount and write.
        if (fsPolicy.kind === 'default') continue;
        for (const option of roles) {
          if (option.kind === 'external') {
            if (fsPolicy.kind === 'policy' && actions.every((action) => fileSystemPolicyGrants(fsPolicy.document, option.text, action, resource, context, config) === 'yes')) continue;
            noteUnverifiable(option.text, { path: task.path, node: iamNode }, 'EFS IAM authorization');
            continue;
          }
          if (option.kind !== 'role') continue;
          const role = option.role;
          const needed = fsPolicy.kind === 'policy' ? actions.filter((a) => fileSystemPolicyGrants(fsPolicy.document, role.arn, a, resource, context, config) !== 'yes') : actions;
          if (needed.length === 0) continue;
          const grants = checkRoleGrants(role, needed, [resource], config, context);
          const { definite, uncertain } = missingGrants(grants);
          const missing = [...definite, ...uncertain];
          if (missing.length === 0) continue;
          const fix = grants.some((g) => g.denyingStatement)
            ? undefined
            : buildAddPermissionsFix(repo, role, { actions: missing, resources: [resource], policyName: 'efs-access' }, `Allow ${role.label} to mount ${volume.name ?? 'the EFS volume'}`);
          report({
            path: task.path,
            node: iamNode,
            severity: 'warning',
            message:
              `Task role ${role.label} of task definition ${task.label} ${definite.length ? 'does not allow' : 'may not allow'} ${joinList(missing)} on file system ${labelOfValue(fileSystemId)} ` +
              `for EFS volume ${volume.name ?? '(unnamed)'}${definite.length ? '' : ` (${uncertaintyReason(role)})`}, and ${describePolicyView(fsPolicy)}; ` +
              `without an allow in one of them ${mountDenied}.`,
            messageId: `missing:${role.id}:${volume.name ?? ''}`,
            relatedPaths: [role.path, ...(fsPolicy.kind === 'policy' ? [fsPolicy.fileSystem.template.path] : [])],
            fixes: fixesOf(fix),
          });
        }
      }
    }
  },
};

function describePolicyView(view: FileSystemPolicyView): string {
  return view.kind === 'policy'
    ? `the FileSystemPolicy of ${view.fileSystem.logicalId} does not grant them either`
    : 'the file system policy could not be seen (the file system is not defined in the repository)';
}

/**
 * The condition keys EFS evaluates that the task definition decides: the access point mounted through,
 * TLS (transit encryption), and that ECS always mounts through a mount target.
 */
function requestContext(volume: EfsVolume): Record<string, string[]> {
  const context: Record<string, string[]> = { 'elasticfilesystem:accessedviamounttarget': ['true'] };
  const accessPoint = volume.accessPointId?.values;
  if (!volume.accessPointId) context['elasticfilesystem:accesspointarn'] = [];
  else if (accessPoint && accessPoint.length === 1) context['elasticfilesystem:accesspointarn'] = [accessPointArn(accessPoint[0])];
  if (volume.transitEncryption?.values.length === 1) context['aws:securetransport'] = [String(volume.transitEncryption.values[0].toUpperCase() === 'ENABLED')];
  return context;
}

/** The file system when the task's template defines it (`FilesystemId: !Ref FileSystem`), and its policy. */
function fileSystemPolicyOf(task: TaskDefinition, fileSystemId: string): FileSystemPolicyView {
  const ref = /^\$\{([A-Za-z0-9]+)\}$/.exec(fileSystemId);
  const fileSystem = ref ? task.template?.resources.get(ref[1]) : undefined;
  if (!fileSystem || fileSystem.type !== 'AWS::EFS::FileSystem') return { kind: 'not-visible' };
  const policyNode = getValue(fileSystem.properties, 'FileSystemPolicy');
  if (!policyNode) return { kind: 'default', fileSystem };
  return { kind: 'policy', fileSystem, document: buildPolicyDocument({ template: fileSystem.template }, fileSystem.template.path, policyNode, 'FileSystemPolicy') };
}

/**
 * Whether the file system policy allows a principal an action: its statements whose principal is `*` or
 * the role, read as identity statements of that role. A principal naming the account only delegates to
 * the role's own policies, so it grants nothing by itself.
 */
function fileSystemPolicyGrants(
  document: PolicyDocument,
  roleArn: string,
  action: string,
  resource: string,
  context: RequestContext,
  config: Pick<LintConfig, 'account' | 'region'>,
): 'yes' | 'maybe' | 'no' {
  const applies = (principals: string[], any: boolean) => any || principals.some((p) => p === '*' || matchResource(p, roleArn) === 'yes');
  const statements = document.statements
    .filter((s) => s.principal && applies(s.principal.aws, s.principal.any))
    .map((s) => ({ ...s, principal: undefined, resource: s.resource ?? ['*'] }));
  const decision = evaluateAccess([{ statements }], { action, resource, context }, { account: config.account, region: config.region, partition: config.region ? undefined : 'aws' });
  return decision.allowed;
}

/** Sets TransitEncryption to ENABLED in the volume's configuration, in the file's own style. */
function buildTransitEncryptionFix(repo: Repository, task: TaskDefinition, volume: EfsVolume): Fix | undefined {
  const doc = editableDocument(repo, task.path);
  if (!doc) return undefined;
  const value = { kind: 'string' as const, value: 'ENABLED' };
  const title = `Enable transit encryption for EFS volume ${volume.name ?? ''}`.trimEnd();
  if (volume.transitEncryption) return { title, edits: replaceScalarOrNode(doc, volume.transitEncryption.node, value) };
  if (!isMap(volume.node)) return undefined;
  const after = ['RootDirectory', 'FilesystemId', 'rootDirectory', 'fileSystemId'].find((key) => getValue(volume.node, key) !== undefined);
  return { title, edits: addMapEntry(doc, volume.node, volume.transitEncryptionKey, value, { after }) };
}

