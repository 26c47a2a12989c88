/** unknown-action: a policy names an IAM action that does not exist; the message suggests the closest real one. */
import { replaceScalarOrNode } from '../fix/document-edits.js';
import type { Fix } from '../finding.js';
import {
  actionCatalogSource,
  expandActionPattern,
  findActionsNamed,
  findCatalogService,
  suggestActionNames,
  suggestServicePrefixes,
  type CatalogService,
} from '../iam/action-catalog.js';
import type { Repository } from '../model/repository.js';
import { findTemplatePolicies, type TemplatePolicy } from '../model/template-policies.js';
import { intrinsicName, isMap, isScalar, isSeq, getValue, type DocNode, type ScalarNode } from '../parse/node.js';
import { editableDocument } from './fix-builders.js';
import { isEditableStatement } from './policy-statement-edits.js';
import type { Report, Rule } from './rule.js';

/**
 * API operations that people write as actions although IAM authorizes them with another action
 * (S3's documentation: "Required permissions" of each operation). Edit distance cannot find these.
 */
const authorizedBy: Readonly<Record<string, string>> = {
  's3:headbucket': 's3:ListBucket',
  's3:headobject': 's3:GetObject',
  's3:listobjects': 's3:ListBucket',
  's3:listobjectsv2': 's3:ListBucket',
  's3:listobjectversions': 's3:ListBucketVersions',
  's3:listbuckets': 's3:ListAllMyBuckets',
  's3:deleteobjects': 's3:DeleteObject',
  's3:createmultipartupload': 's3:PutObject',
  's3:uploadpart': 's3:PutObject',
  's3:completemultipartupload': 's3:PutObject',
};

export const unknownAction: Rule = {
  meta: {
    id: 'unknown-action',
    defaultSeverity: 'warning',
    description: 'A policy names an IAM action that does not exist, or a pattern that matches none; the message suggests the closest real action.',
    requirements: [],
    fixable: true,
  },
  check({ repo, report }) {
    for (const template of repo.templates) {
      for (const policy of findTemplatePolicies(template)) {
        if (policy.isJsonString) {
          checkJsonStringPolicy(policy, report);
          continue;
        }
        for (const statement of policy.document.statements) {
          if (!statement.origin) continue;
          const editable = isEditableStatement(repo, statement) !== undefined;
          for (const key of ['Action', 'NotAction']) {
            for (const node of actionScalars(getValue(statement.origin.node, key))) {
              const verdict = judgeAction(String(node.value));
              if (!verdict) continue;
              report({
                path: template.path,
                node,
                severity: verdict.severity,
                message: `${key} ${verdict.message} (in ${describePolicy(policy)}).`,
                messageId: `unknown:${String(node.value).slice(0, 200)}`,
                fixes: editable && verdict.replacement ? fixesOf(buildReplaceFix(repo, template.path, node, verdict.replacement)) : [],
              });
            }
          }
        }
      }
    }
  },
};

interface Verdict {
  severity: 'warning' | 'notice';
  /** Completes "Action <message>": what is wrong and what was probably meant. */
  message: string;
  /** The action to write instead, when exactly one is meant. */
  replacement?: string;
}

// The same action is usually written many times across a repository; judging it once is enough.
// Bounded because actions come from user files.
const verdicts = new Map<string, Verdict | undefined>();
const maxCachedVerdicts = 10_000;

/** Whether an action string names nothing IAM knows; undefined when it is fine or cannot be judged. */
export function judgeAction(action: string): Verdict | undefined {
  if (verdicts.has(action)) return verdicts.get(action);
  const verdict = judgeActionUncached(action);
  if (verdicts.size >= maxCachedVerdicts) verdicts.clear();
  verdicts.set(action, verdict);
  return verdict;
}

function judgeActionUncached(action: string): Verdict | undefined {
  if (action === '*' || action.includes('${')) return undefined;
  // No IAM action is this long; a value this size is not a typo to suggest a fix for.
  if (action.length > 200) return { severity: 'warning', message: `${action.slice(0, 60)}... (${action.length} characters) is not an IAM action` };
  const colon = action.indexOf(':');
  if (colon <= 0) return { severity: 'warning', message: `${action} is not an IAM action: actions are written service:Action (ecr:BatchGetImage)` };
  const prefix = action.slice(0, colon);
  const name = action.slice(colon + 1);
  if (/[*?]/.test(prefix)) return undefined;
  const service = findCatalogService(prefix);
  if (!service) {
    // A near prefix under which the same name exists is almost surely what was meant; the finding stays
    // a notice all the same, since a service newer than the catalogue looks exactly like this.
    const near = suggestServicePrefixes(prefix).filter((candidate) => {
      const other = `${candidate}:${name}`;
      return /[*?]/.test(name) ? expandActionPattern(other).length > 0 : findCatalogService(candidate)!.lowerActions.has(name.toLowerCase());
    });
    const meant = near.map((candidate) => `${candidate}:${/[*?]/.test(name) ? name : findCatalogService(candidate)!.actions.find((a) => a.toLowerCase() === name.toLowerCase())}`);
    return {
      severity: 'notice',
      message:
        `${action} names the service prefix ${prefix}, which the IAM action catalogue (${actionCatalogSource.name} ${actionCatalogSource.version}) does not know` +
        (meant.length ? `; did you mean ${meant.join(' or ')}?` : '; if the service is new, a newer linter release will know it'),
      replacement: meant.length === 1 ? meant[0] : undefined,
    };
  }
  if (/[*?]/.test(name)) {
    if (expandActionPattern(action).length > 0) return undefined;
    return { severity: 'warning', message: `${action} matches no ${service.prefix} action, so it grants nothing` };
  }
  if (service.lowerActions.has(name.toLowerCase())) return undefined;
  return unknownActionVerdict(service, prefix, name);
}

function unknownActionVerdict(service: CatalogService, prefix: string, name: string): Verdict {
  const action = `${prefix}:${name}`;
  const meant = authorizedBy[action.toLowerCase()];
  if (meant) {
    return {
      severity: 'warning',
      message: `${action} is an API operation, not an IAM action, so it grants nothing; IAM authorizes that operation with ${meant}`,
      replacement: meant,
    };
  }
  const suggestions = suggestActionNames(service, name).map((candidate) => `${prefix}:${candidate}`);
  const base = `${action} is not an IAM action, so it grants nothing`;
  if (suggestions.length === 0) {
    // The right name under another prefix (`resource-groups:GetResources` is `tag:GetResources`).
    const names = findActionsNamed(name);
    if (names.length > 0 && names.length <= 3) return { severity: 'warning', message: `${base}; ${names.join(' and ')} ${names.length > 1 ? 'exist' : 'exists'} under another service prefix` };
    return { severity: 'warning', message: `${base}; no ${service.prefix} action is close to it` };
  }
  if (suggestions.length === 1) return { severity: 'warning', message: `${base}; did you mean ${suggestions[0]}?`, replacement: suggestions[0] };
  return { severity: 'warning', message: `${base}; did you mean ${suggestions.slice(0, 3).join(', ')}${suggestions.length > 3 ? ' or another' : ''}?` };
}

/** The literal strings of an Action value: a scalar, list items, and both branches of Fn::If. */
function actionScalars(node: DocNode | undefined): ScalarNode[] {
  if (node === undefined) return [];
  if (isScalar(node)) return typeof node.value === 'string' ? [node] : [];
  if (isSeq(node)) return node.items.flatMap(actionScalars);
  if (isMap(node) && intrinsicName(node) === 'Fn::If') {
    const arg = node.entries[0].value;
    return isSeq(arg) && arg.items.length === 3 ? [...actionScalars(arg.items[1]), ...actionScalars(arg.items[2])] : [];
  }
  return [];
}

/** A policy written as a JSON string: one finding per unknown action, at the string, without a fix. */
function checkJsonStringPolicy(policy: TemplatePolicy, report: (report: Report) => void): void {
  const seen = new Set<string>();
  for (const statement of policy.document.statements) {
    for (const [key, actions] of [['Action', statement.action], ['NotAction', statement.notAction]] as const) {
      for (const action of actions ?? []) {
        const verdict = judgeAction(action);
        if (!verdict || seen.has(action) || !policy.node) continue;
        seen.add(action);
        report({
          path: policy.template.path,
          node: policy.node,
          severity: verdict.severity,
          message: `${key} ${verdict.message} (in ${describePolicy(policy)}, written as a JSON string).`,
          messageId: `unknown:${action.slice(0, 200)}`,
        });
      }
    }
  }
}

function describePolicy(policy: TemplatePolicy): string {
  const name = policy.document.name;
  if (policy.kind === 'trust') return `the trust policy of ${policy.resource.logicalId}`;
  return name && name !== policy.key && name !== policy.resource.logicalId ? `policy ${name} of ${policy.resource.logicalId}` : `${policy.key} of ${policy.resource.logicalId}`;
}

function fixesOf(fix: Fix | undefined): Fix[] {
  return fix ? [fix] : [];
}

function buildReplaceFix(repo: Repository, path: string, node: ScalarNode, replacement: string): Fix | undefined {
  const doc = editableDocument(repo, path);
  if (!doc) return undefined;
  return { title: `Replace ${String(node.value)} with ${replacement}`, edits: replaceScalarOrNode(doc, node, { kind: 'string', value: replacement }) };
}
