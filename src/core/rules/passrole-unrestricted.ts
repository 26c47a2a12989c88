/** passrole-unrestricted: iam:PassRole on every role without an iam:PassedToService condition (R39). */
import { addMapEntry, removeSequenceItem, type EditableDocument } from '../fix/document-edits.js';
import type { FixValue } from '../fix/fix-value.js';
import type { Fix } from '../finding.js';
import { actionService, matchesAction } from '../iam/action-match.js';
import type { PolicyStatement } from '../iam/policy.js';
import type { Repository } from '../model/repository.js';
import { findTemplatePolicies, type TemplatePolicy } from '../model/template-policies.js';
import { getEntry, getValue, isMap, isScalar, isSeq, scalarString, type MapNode } from '../parse/node.js';
import { ecsDeploymentActions } from './ecs-deployment-actions.js';
import { appendStatementEdits, editablePolicyDocument, isEditableStatement } from './policy-statement-edits.js';
import type { Rule } from './rule.js';
import type { TextEdit } from '../text/text-edit.js';

/**
 * Calls that pass a role to a service, by the `iam:PassedToService` value the service sends: when a
 * policy grants iam:PassRole together with these, that is the service it passes roles to.
 */
const roleReceivers: { service: string; actions: readonly string[] }[] = [
  { service: 'ecs-tasks.amazonaws.com', actions: ecsDeploymentActions },
  {
    service: 'ec2.amazonaws.com',
    actions: ['ec2:RunInstances', 'ec2:AssociateIamInstanceProfile', 'ec2:ReplaceIamInstanceProfileAssociation', 'ec2:CreateLaunchTemplate', 'ec2:CreateLaunchTemplateVersion', 'autoscaling:CreateLaunchConfiguration'],
  },
  { service: 'lambda.amazonaws.com', actions: ['lambda:CreateFunction', 'lambda:UpdateFunctionConfiguration'] },
  { service: 'states.amazonaws.com', actions: ['states:CreateStateMachine', 'states:UpdateStateMachine'] },
  { service: 'events.amazonaws.com', actions: ['events:PutTargets'] },
  { service: 'cloudformation.amazonaws.com', actions: ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:CreateChangeSet'] },
  { service: 'codebuild.amazonaws.com', actions: ['codebuild:CreateProject', 'codebuild:UpdateProject'] },
  { service: 'codepipeline.amazonaws.com', actions: ['codepipeline:CreatePipeline', 'codepipeline:UpdatePipeline'] },
];

/**
 * Services that also take roles, which the table above cannot name a condition value for: a policy that
 * grants any of their actions may pass roles to them, so no condition is suggested as a patch.
 */
const otherRoleReceivers = new Set([
  'apigateway', 'appsync', 'backup', 'batch', 'bedrock', 'cloudtrail', 'codedeploy', 'config', 'datapipeline', 'dms', 'eks',
  'elasticbeanstalk', 'elasticmapreduce', 'emr-serverless', 'firehose', 'glue', 'iot', 'kinesisanalytics', 'mediaconvert',
  'opsworks', 'rds', 'redshift', 'sagemaker', 'scheduler', 'servicecatalog', 'sns', 'transfer',
]);

export const passroleUnrestricted: Rule = {
  meta: {
    id: 'passrole-unrestricted',
    defaultSeverity: 'warning',
    description: 'iam:PassRole on * without an iam:PassedToService condition lets the holder pass any role, an admin role included, to any service.',
    requirements: ['R39'],
    fixable: true,
  },
  check({ repo, report }) {
    for (const template of repo.templates) {
      for (const policy of findTemplatePolicies(template)) {
        if (policy.kind !== 'identity') continue;
        for (const statement of policy.document.statements) {
          const passPatterns = passRolePatterns(statement).map((pattern) => (pattern.length > 100 ? `${pattern.slice(0, 97)}...` : pattern));
          if (passPatterns.length === 0 || !coversEveryRole(statement) || limitsService(statement) || !statement.origin) continue;
          const receivers = receivingServices(policy, statement);
          const services = receivers.map((receiver) => receiver.service);
          const broad = passPatterns.filter((pattern) => pattern.toLowerCase() !== 'iam:passrole');
          const calls = receivers.flatMap((receiver) => receiver.actions);
          const suggestion = services.length
            ? `limit it with iam:PassedToService: ${services.join(', ')} (where ${calls.slice(0, 3).join(', ')}${calls.length > 3 ? ' and the rest' : ''} pass${calls.length > 1 ? '' : 'es'} roles) and scope Resource to the roles it passes`
            : 'add an iam:PassedToService condition naming the service it passes roles to, or scope Resource to those roles';
          report({
            path: statement.origin.path,
            node: statement.origin.node,
            message:
              `${describeHolder(policy)} allows ${passPatterns.join(', ')} on every role without an iam:PassedToService condition, so it can pass any role in the account, an administrator role included, ` +
              `to any service${broad.length ? ` (and ${broad.join(', ')} grants more than iam:PassRole)` : ''}; ${suggestion}.`,
            messageId: `unrestricted:${policy.resource.logicalId}:${statement.sid ?? statement.origin.node.startOffset}`,
            fixes: services.length && broad.length === 0 ? fixesOf(buildConditionFix(repo, policy, statement, services)) : [],
          });
        }
      }
    }
  },
};

/** The Allow action patterns (in IAM's own service) that cover iam:PassRole; `*` and NotAction are other problems. */
function passRolePatterns(statement: PolicyStatement): string[] {
  if (statement.effect !== 'Allow' || !statement.action) return [];
  return statement.action.filter((pattern) => actionService(pattern) === 'iam' && matchesAction(pattern, 'iam:PassRole'));
}

/** `*`, `arn:<partition>:iam::<account>:*` or `...:role/*`: every role of an account (or of all accounts). */
function coversEveryRole(statement: PolicyStatement): boolean {
  return (statement.resource ?? []).some(
    (resource) => resource === '*' || /^arn:(?:\*|aws[\w-]*|\$\{AWS::Partition\}):iam::(?:\$\{AWS::AccountId\}|[^:]*):(?:\*|role\/\*)$/.test(resource),
  );
}

/** Whether a condition names the receiving service (a value of `*` names none). Unresolved conditions count. */
function limitsService(statement: PolicyStatement): boolean {
  if (statement.unresolved && getValue(statement.origin?.node, 'Condition') !== undefined) return true;
  return statement.conditions.some((condition) => condition.key.toLowerCase() === 'iam:passedtoservice' && condition.values.some((value) => value !== '*'));
}

/**
 * The services the statement's own actions pass roles to, else those of the rest of its document;
 * empty when the document also reaches a service the table cannot name (a condition would break it).
 */
function receivingServices(policy: TemplatePolicy, statement: PolicyStatement): Receiver[] {
  const whole = documentReceivers(policy);
  if (whole === 'unknown') return [];
  const own = receiversOf([statement]);
  return own.length ? own : whole;
}

type Receiver = { service: string; actions: string[] };

const receiversByDocument = new WeakMap<TemplatePolicy, Receiver[] | 'unknown'>();

/** The receivers of the whole document, once per document: a policy may hold thousands of statements. */
function documentReceivers(policy: TemplatePolicy): Receiver[] | 'unknown' {
  let cached = receiversByDocument.get(policy);
  if (cached) return cached;
  const allPatterns = policy.document.statements.flatMap((s) => (s.effect === 'Allow' ? (s.action ?? []) : []));
  cached = allPatterns.some((pattern) => otherRoleReceivers.has(actionService(pattern))) ? 'unknown' : receiversOf(policy.document.statements);
  receiversByDocument.set(policy, cached);
  return cached;
}

function receiversOf(statements: PolicyStatement[]): Receiver[] {
  const patterns = [...new Set(statements.filter((s) => s.effect === 'Allow').flatMap((s) => s.action ?? []).filter((pattern) => actionService(pattern) !== ''))];
  return roleReceivers
    .map((receiver) => ({ service: receiver.service, actions: receiver.actions.filter((action) => patterns.some((pattern) => matchesAction(pattern, action))) }))
    .filter((receiver) => receiver.actions.length > 0);
}

function describeHolder(policy: TemplatePolicy): string {
  const resource = policy.resource;
  const name = policy.document.name && policy.document.name !== policy.key ? ` (policy ${policy.document.name})` : '';
  switch (resource.type) {
    case 'AWS::IAM::Role':
      return `Role ${resource.logicalId}${name}`;
    case 'AWS::IAM::User':
      return `IAM user ${resource.logicalId}${name}`;
    case 'AWS::IAM::Group':
      return `IAM group ${resource.logicalId}${name}`;
    case 'AWS::IAM::ManagedPolicy':
      return `Managed policy ${resource.logicalId}`;
    default:
      return `${resource.type.split('::').pop()} ${resource.logicalId}`;
  }
}

function fixesOf(fix: Fix | undefined): Fix[] {
  return fix ? [fix] : [];
}

/**
 * Limits iam:PassRole to the services: a statement that grants only iam:PassRole gets the condition; in
 * a statement that also grants other actions, the condition would deny those (their requests carry no
 * iam:PassedToService), so iam:PassRole moves to a new statement of its own with the condition.
 */
function buildConditionFix(repo: Repository, policy: TemplatePolicy, statement: PolicyStatement, services: string[]): Fix | undefined {
  const doc = isEditableStatement(repo, statement);
  if (!doc) return undefined;
  const node = statement.origin!.node;
  const serviceValue: FixValue = services.length === 1 ? { kind: 'string', value: services[0] } : { kind: 'list', items: services.map((value): FixValue => ({ kind: 'string', value })) };
  const title = `Allow iam:PassRole only towards ${services.join(', ')}`;
  const actionNode = getValue(node, 'Action');
  const actionItems = isSeq(actionNode) ? actionNode.items : actionNode ? [actionNode] : [];
  const passItems = actionItems.filter((item) => {
    const text = scalarString(item);
    return text !== undefined && matchesAction(text, 'iam:PassRole') && actionService(text) === 'iam';
  });
  if (passItems.length === 0) return undefined;

  if (passItems.length === actionItems.length) {
    const edits = addCondition(doc, node, serviceValue);
    return edits && { title, edits };
  }
  // Split: take the PassRole items out of the list, add a statement of their own.
  if (!isSeq(actionNode) || passItems.length !== 1) return undefined;
  const editable = editablePolicyDocument(repo, policy.document);
  if (!editable || getValue(editable.node, 'Statement') === undefined) return undefined;
  const removal = removeSequenceItem(doc, actionNode, actionNode.items.indexOf(passItems[0]));
  const resourceNode = getValue(node, 'Resource');
  const newStatement: FixValue = {
    kind: 'map',
    entries: [
      ['Effect', { kind: 'string', value: 'Allow' }],
      ['Action', { kind: 'string', value: scalarString(passItems[0])! }],
      ['Resource', { kind: 'string', value: '*' }],
      ['Condition', { kind: 'map', entries: [['StringEquals', { kind: 'map', entries: [['iam:PassedToService', serviceValue]] }]] }],
    ],
  };
  // The statement must be one of the document's own list items for the new one to go next to it.
  const statements = getValue(editable.node, 'Statement');
  if (!(isSeq(statements) && statements.items.includes(node)) && statements !== node) return undefined;
  if (resourceNode && !isScalar(resourceNode) && !isSeq(resourceNode)) return undefined;
  const append = appendStatementEdits(editable.doc, editable.node, newStatement);
  if (removal.length === 0 || !append) return undefined;
  return { title, edits: [...removal, ...append] };
}

/** Adds `iam:PassedToService` to the statement's Condition (creating it, or its StringEquals block). */
function addCondition(doc: EditableDocument, statement: MapNode, serviceValue: FixValue): TextEdit[] | undefined {
  const condition = getEntry(statement, 'Condition');
  const entry: FixValue = { kind: 'map', entries: [['iam:PassedToService', serviceValue]] };
  if (!condition) return addMapEntry(doc, statement, 'Condition', { kind: 'map', entries: [['StringEquals', entry]] });
  if (!isMap(condition.value)) return undefined;
  const stringEquals = getValue(condition.value, 'StringEquals');
  if (stringEquals === undefined) return addMapEntry(doc, condition.value, 'StringEquals', entry);
  if (!isMap(stringEquals) || getEntry(stringEquals, 'iam:PassedToService')) return undefined;
  return addMapEntry(doc, stringEquals, 'iam:PassedToService', serviceValue);
}
