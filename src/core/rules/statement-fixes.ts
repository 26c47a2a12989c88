/**
 * Fixes that give a role whole statements (with conditions, which the wave-1 permission fix does not
 * write), and fixes that add a missing role property together with a new role resource.
 */
import { addMapEntry, insertTopLevelResource } from '../fix/document-edits.js';
import type { FixValue } from '../fix/fix-value.js';
import type { Fix } from '../finding.js';
import type { IamRole } from '../model/iam-model.js';
import type { Repository } from '../model/repository.js';
import type { Template } from '../model/template.js';
import { getEntry, getValue, isMap, type MapNode } from '../parse/node.js';
import { combineEdits, editableDocument, toFixValue, unusedLogicalId } from './fix-builders.js';

/** How a policy in `template` names the role: `!GetAtt Role.Arn` in the same template, else its ARN as far as it is known. */
export function roleArnValue(role: IamRole, template: Template | undefined): FixValue {
  if (role.template && role.template === template && role.resource) return { kind: 'getatt', logicalId: role.resource.logicalId, attribute: 'Arn' };
  return toFixValue(role.arn, template);
}

/** `iam:PassRole` on exactly these roles, only towards one service (the pattern AWS's own policies use). */
export function passRoleStatement(roleArns: FixValue[], service: string): FixValue {
  return {
    kind: 'map',
    entries: [
      ['Effect', { kind: 'string', value: 'Allow' }],
      ['Action', { kind: 'string', value: 'iam:PassRole' }],
      ['Resource', roleArns.length === 1 ? roleArns[0] : { kind: 'list', items: roleArns }],
      ['Condition', { kind: 'map', entries: [['StringEquals', { kind: 'map', entries: [['iam:PassedToService', { kind: 'string', value: service }]] }]] }],
    ],
  };
}

/** An Allow statement with an optional condition block (operator -> key -> value). */
export function conditionalStatement(actions: string[], resources: FixValue[], condition?: [string, string, FixValue]): FixValue {
  const entries: [string, FixValue][] = [
    ['Effect', { kind: 'string', value: 'Allow' }],
    ['Action', actions.length === 1 ? { kind: 'string', value: actions[0] } : { kind: 'list', items: actions.map((value): FixValue => ({ kind: 'string', value })) }],
    ['Resource', resources.length === 1 ? resources[0] : { kind: 'list', items: resources }],
  ];
  if (condition) entries.push(['Condition', { kind: 'map', entries: [[condition[0], { kind: 'map', entries: [[condition[1], condition[2]]] }]] }]);
  return { kind: 'map', entries };
}

export interface NewRoleReference {
  template: Template;
  /** The map that gets the role property. */
  map: MapNode;
  key: string;
  /** Key in `map` the property goes after. */
  after?: string;
  /** Preferred logical id of the new role. */
  logicalId: string;
  /** The new resource, as `newRoleBody` builds it. */
  body: FixValue;
  /** Resource the new role is placed after. */
  placeAfter: string;
}

/** Adds `key: !GetAtt NewRole.Arn` to a map and the new role resource to the same template. */
export function buildNewRoleFix(repo: Repository, reference: NewRoleReference, title: (logicalId: string) => string): Fix | undefined {
  const doc = editableDocument(repo, reference.template.path);
  const resources = getValue(reference.template.root, 'Resources');
  if (!doc || !isMap(resources) || getEntry(reference.map, reference.key)) return undefined;
  const logicalId = unusedLogicalId(reference.template, reference.logicalId);
  const edits = combineEdits([
    ...addMapEntry(doc, reference.map, reference.key, { kind: 'getatt', logicalId, attribute: 'Arn' }, { after: reference.after }),
    ...insertTopLevelResource(doc, resources, logicalId, reference.body, { after: reference.placeAfter }),
  ]);
  return { title: title(logicalId), edits };
}
