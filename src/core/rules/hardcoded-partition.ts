/** hardcoded-partition: policy resources and managed policy ARNs in templates that hard-code arn:aws: (R33). */
import { replaceScalarOrNode } from '../fix/document-edits.js';
import type { FixValue } from '../fix/fix-value.js';
import type { Fix } from '../finding.js';
import type { Repository } from '../model/repository.js';
import { findTemplatePolicies, type TemplatePolicy } from '../model/template-policies.js';
import { resourcesOfType, type Template } from '../model/template.js';
import { getValue, intrinsicName, isMap, isScalar, isSeq, type DocNode, type ScalarNode } from '../parse/node.js';
import { editableDocument } from './fix-builders.js';
import { isEditableStatement } from './policy-statement-edits.js';
import type { Report, Rule } from './rule.js';

const literalPartition = 'arn:aws:';
const partitionToken = 'arn:${AWS::Partition}:';

/** A written value that names the `aws` partition, and how to write it for every partition. */
interface HardcodedArn {
  /** The scalar holding the text (inside an `Fn::Sub` or `Fn::Join` when it is part of one). */
  node: ScalarNode;
  /** `literal`: a plain string, which becomes `!Sub`; `sub`: already a Sub template; `join`: a part of Fn::Join, which becomes `!Sub`. */
  form: 'literal' | 'sub' | 'join';
}

export const hardcodedPartition: Rule = {
  meta: {
    id: 'hardcoded-partition',
    defaultSeverity: 'notice',
    description: 'Policy resources and managed policy ARNs in templates that hard-code arn:aws: do not work in other partitions; ${AWS::Partition} does.',
    requirements: ['R33'],
    fixable: true,
  },
  check({ repo, report }) {
    for (const template of repo.templates) {
      const reportArn = (found: HardcodedArn, where: string, editable: boolean) => {
        const text = String(found.node.value);
        const finding: Report = {
          path: template.path,
          node: found.node,
          message: `${where} hard-codes the aws partition in ${shorten(text)}, which matches nothing in aws-cn, aws-us-gov and the other partitions; write arn:\${AWS::Partition}: instead.`,
          messageId: `partition:${where}:${text}`,
          fixes: editable ? fixesOf(buildPartitionFix(repo, template, found)) : [],
        };
        report(finding);
      };

      for (const policy of findTemplatePolicies(template)) {
        if (policy.kind === 'trust') continue;
        if (policy.isJsonString) {
          // A policy written as a JSON string: one notice for the string, which no intrinsic can reach into.
          const resources = policy.document.statements.flatMap((s) => [...(s.resource ?? []), ...(s.notResource ?? [])]);
          const hardcoded = resources.filter((resource) => resource.startsWith(literalPartition));
          if (hardcoded.length && isScalar(policy.node)) {
            report({
              path: template.path,
              node: policy.node,
              message: `${capitalize(describePolicy(policy))} hard-codes the aws partition in ${shorten(hardcoded[0])}${hardcoded.length > 1 ? ` and ${hardcoded.length - 1} more` : ''}, inside a JSON string that cannot use \${AWS::Partition}; write the document as YAML or JSON to make it portable.`,
              messageId: `partition-json:${policy.resource.logicalId}:${policy.key}`,
            });
          }
          continue;
        }
        for (const statement of policy.document.statements) {
          if (!statement.origin) continue;
          const editable = isEditableStatement(repo, statement) !== undefined;
          for (const key of ['Resource', 'NotResource']) {
            for (const found of findHardcodedArns(getValue(statement.origin.node, key))) {
              reportArn(found, `${key} of a statement in ${describePolicy(policy)}`, editable);
            }
          }
        }
      }

      for (const resource of resourcesOfType(template, 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group')) {
        for (const key of ['ManagedPolicyArns', 'PermissionsBoundary']) {
          for (const found of findHardcodedArns(getValue(resource.properties, key))) reportArn(found, `${key} of ${resource.logicalId}`, true);
        }
      }
    }
  },
};

/** Scalars under a value that start (or, in a Sub template, contain) `arn:aws:`, following lists and Fn::If/Sub/Join. */
function findHardcodedArns(node: DocNode | undefined): HardcodedArn[] {
  if (node === undefined) return [];
  if (isScalar(node)) return typeof node.value === 'string' && node.value.startsWith(literalPartition) ? [{ node, form: 'literal' }] : [];
  if (isSeq(node)) return node.items.flatMap(findHardcodedArns);
  const fn = intrinsicName(node);
  if (!isMap(node) || !fn) return [];
  const arg = node.entries[0].value;
  switch (fn) {
    case 'Fn::If':
      return isSeq(arg) && arg.items.length === 3 ? [...findHardcodedArns(arg.items[1]), ...findHardcodedArns(arg.items[2])] : [];
    case 'Fn::Sub': {
      const text = isSeq(arg) ? arg.items[0] : arg;
      return isScalar(text) && typeof text.value === 'string' && subMentionsAwsPartition(text.value) ? [{ node: text, form: 'sub' }] : [];
    }
    case 'Fn::Join': {
      const parts = isSeq(arg) && arg.items.length === 2 ? arg.items[1] : undefined;
      if (!isSeq(parts)) return [];
      return parts.items.flatMap((part) =>
        isScalar(part) ? (typeof part.value === 'string' && part.value.startsWith(literalPartition) ? [{ node: part, form: 'join' as const }] : []) : findHardcodedArns(part),
      );
    }
    default:
      return [];
  }
}

/** `arn:aws:` at the start of the template or after a character that cannot be part of an ARN. */
function subMentionsAwsPartition(text: string): boolean {
  return /(?:^|[^\w:-])arn:aws:/.test(text);
}

/** `policy app of TaskRole`, or `BucketPolicy` when the document has no name of its own. */
function describePolicy(policy: TemplatePolicy): string {
  const name = policy.document.name;
  return name && name !== policy.key && name !== policy.resource.logicalId ? `policy ${name} of ${policy.resource.logicalId}` : policy.resource.logicalId;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function fixesOf(fix: Fix | undefined): Fix[] {
  return fix ? [fix] : [];
}

/**
 * A literal becomes `!Sub` with `arn:${AWS::Partition}:`, its `${` written as `${!` so that IAM policy
 * variables (`${aws:username}`) stay literal; a Sub template gets the token in place.
 */
function buildPartitionFix(repo: Repository, template: Template, found: HardcodedArn): Fix | undefined {
  const doc = editableDocument(repo, template.path);
  if (!doc) return undefined;
  const text = String(found.node.value);
  let value: FixValue;
  if (found.form === 'sub') {
    value = { kind: 'string', value: text.replace(/(^|[^\w:-])arn:aws:/g, `$1${partitionToken}`) };
  } else {
    const escaped = text.slice(literalPartition.length).replace(/\$\{/g, '${!');
    value = { kind: 'sub', template: partitionToken + escaped };
  }
  return { title: 'Use ${AWS::Partition} instead of the aws partition', edits: replaceScalarOrNode(doc, found.node, value) };
}
