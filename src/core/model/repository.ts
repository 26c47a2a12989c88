/**
 * The repository model: every template and task definition under the lint paths, indexed together so
 * a task definition in one file finds the role defined in another.
 */
import type { LintConfig } from '../config.js';
import type { DocNode, MapNode } from '../parse/node.js';
import type { ParsedFile } from '../parse/parsed-file.js';
import {
  buildConfigRole,
  buildPolicyAttachments,
  buildTemplateRoles,
  roleNameFromArnOrName,
  type CustomerManagedPolicy,
  type IamRole,
} from './iam-model.js';
import { buildInstanceCapacity, buildServices, instanceProfileRoles, type EcsService, type InstanceCapacity } from './ecs-resources.js';
import { isLiteral, resolveNode, resolvedToStrings, type Resolved, type ResolveScope } from './resolve.js';
import { buildTemplate, readIgnoredRules, resourcesOfType, type Template } from './template.js';
import { linkTemplates } from './template-links.js';
import { readTaskDefinition, TaskDefinitionReader, type TaskDefinition } from './task-definition.js';

export type RoleOption =
  | { kind: 'role'; role: IamRole; /** Referenced by name (`!Ref Role`), not by ARN. */ byName: boolean }
  | { kind: 'external'; /** The reference as written or resolved, for messages. */ text: string }
  | { kind: 'none' };

/** What a role property (`ExecutionRoleArn`, `TaskRoleArn`, ...) points at; several options under `Fn::If`. */
export interface RoleUse {
  node: DocNode;
  options: RoleOption[];
}

export function knownRoles(use: RoleUse | undefined): IamRole[] {
  return use ? use.options.flatMap((o) => (o.kind === 'role' ? [o.role] : [])) : [];
}

/** True when the property is absent or every option is `AWS::NoValue`. */
export function isRoleAbsent(use: RoleUse | undefined): boolean {
  return !use || use.options.every((o) => o.kind === 'none');
}

export function externalRoleTexts(use: RoleUse | undefined): string[] {
  return use ? use.options.flatMap((o) => (o.kind === 'external' ? [o.text] : [])) : [];
}

export class Repository {
  readonly templates: Template[] = [];
  readonly roles: IamRole[] = [];
  readonly taskDefinitions: TaskDefinition[] = [];
  readonly services: EcsService[] = [];
  readonly capacity: InstanceCapacity[] = [];
  readonly customerManagedPolicies: CustomerManagedPolicy[] = [];
  private readonly rolesByTemplate = new Map<Template, Map<string, IamRole>>();
  private readonly rolesByName = new Map<string, IamRole[]>();
  private readonly servicesByTask = new Map<string, EcsService[]>();
  private readonly filesByPath = new Map<string, ParsedFile>();

  constructor(
    readonly files: readonly ParsedFile[],
    readonly config: LintConfig,
    readonly configPath = '.github/ecs-iam-lint.yml',
  ) {
    for (const file of files) {
      this.filesByPath.set(file.source.path, file);
      if (file.error || !file.root) continue;
      if (file.kind === 'cfn-template') {
        const template = buildTemplate(file);
        if (template) this.templates.push(template);
      }
    }
    linkTemplates(this.templates);
    for (const template of this.templates) this.addTemplateRoles(template);
    for (const declared of config.externalRoles) this.indexRole(buildConfigRole(declared, configPath));
    this.linkPolicies();
    for (const template of this.templates) {
      this.services.push(...buildServices(template));
      this.capacity.push(...buildInstanceCapacity(template));
    }
    for (const service of this.services) {
      if (!service.taskDefinitionLogicalId) continue;
      const key = `${service.template.path}#${service.taskDefinitionLogicalId}`;
      const list = this.servicesByTask.get(key) ?? [];
      list.push(service);
      this.servicesByTask.set(key, list);
    }
    for (const template of this.templates) this.addTemplateTaskDefinitions(template);
    for (const file of files) {
      if (file.kind === 'task-definition' && !file.error && file.taskDefinitionRoot?.kind === 'map') {
        this.addJsonTaskDefinition(file, file.taskDefinitionRoot);
      }
    }
  }

  private addTemplateRoles(template: Template): void {
    const byLogicalId = new Map<string, IamRole>();
    for (const role of buildTemplateRoles(template)) {
      byLogicalId.set(role.resource!.logicalId, role);
      this.indexRole(role);
    }
    this.rolesByTemplate.set(template, byLogicalId);
  }

  private indexRole(role: IamRole): void {
    this.roles.push(role);
    if (isLiteral(role.roleName)) {
      const list = this.rolesByName.get(role.roleName) ?? [];
      list.push(role);
      this.rolesByName.set(role.roleName, list);
    }
  }

  /** Attaches AWS::IAM::Policy / RolePolicy / ManagedPolicy documents and customer managed policies to roles. */
  private linkPolicies(): void {
    const pending: { attachments: ReturnType<typeof buildPolicyAttachments>['attachments']; template: Template }[] = [];
    for (const template of this.templates) {
      const { attachments, managed } = buildPolicyAttachments(template);
      this.customerManagedPolicies.push(...managed);
      pending.push({ attachments, template });
    }
    for (const { attachments, template } of pending) {
      for (const attachment of attachments) {
        const targets = new Set<IamRole>();
        for (const id of attachment.roleLogicalIds) {
          const role = this.rolesByTemplate.get(template)?.get(id);
          if (role) targets.add(role);
        }
        for (const name of attachment.roleNames) for (const role of this.findRolesByName(name)) targets.add(role);
        for (const role of targets) role.attachedPolicies.push(attachment.document);
      }
    }
    const customerByArn = new Map(this.customerManagedPolicies.map((policy) => [policy.arn, policy]));
    for (const role of this.roles) {
      for (const managed of role.managedPolicies) {
        if (managed.document) continue;
        const customer = customerByArn.get(managed.arn);
        if (customer) managed.document = customer.document;
      }
    }
  }

  private addTemplateTaskDefinitions(template: Template): void {
    const scope: ResolveScope = { template };
    const reader = new TaskDefinitionReader(scope, 'pascal');
    for (const resource of resourcesOfType(template, 'AWS::ECS::TaskDefinition')) {
      const props: MapNode = resource.properties ?? { kind: 'map', entries: [], style: 'block', startOffset: resource.node.startOffset, endOffset: resource.node.endOffset };
      const task = readTaskDefinition(reader, props, {
        id: `${template.path}#${resource.logicalId}`,
        label: resource.logicalId,
        path: template.path,
        source: 'template',
        template,
        resource,
        ignoredRules: new Set([...template.ignoredRules, ...resource.ignoredRules]),
      });
      for (const service of this.servicesOf(task)) {
        const launchType = service.launchType ?? this.defaultLaunchType(service);
        if (launchType === 'FARGATE' || launchType === 'EC2' || launchType === 'EXTERNAL' || launchType === 'MANAGED_INSTANCES') {
          task.launchTypes.add(launchType);
        }
        for (const provider of service.capacityProviders) {
          if (provider === 'FARGATE' || provider === 'FARGATE_SPOT') task.launchTypes.add('FARGATE');
          else if (provider.startsWith('ref:')) {
            const cp = template.resources.get(provider.slice(4));
            if (cp?.properties?.entries.some((e) => e.key === 'ManagedInstancesProvider')) task.launchTypes.add('MANAGED_INSTANCES');
            else task.launchTypes.add('EC2');
          }
        }
      }
      this.taskDefinitions.push(task);
    }
  }

  /**
   * A service with neither LaunchType nor capacity provider strategy runs on its cluster's default: EC2
   * when the cluster's template provides EC2 capacity and sets no default strategy.
   */
  private defaultLaunchType(service: EcsService): string | undefined {
    if (service.capacityProviders.length || !service.cluster) return undefined;
    const cluster = service.cluster.template.resources.get(service.cluster.logicalId);
    if (cluster?.properties?.entries.some((e) => e.key === 'DefaultCapacityProviderStrategy')) return undefined;
    return this.capacity.some((c) => c.template === service.cluster!.template) ? 'EC2' : undefined;
  }

  private addJsonTaskDefinition(file: ParsedFile, node: MapNode): void {
    const reader = new TaskDefinitionReader({}, 'camel');
    const family = reader.value(node, 'Family')?.values[0];
    const task = readTaskDefinition(reader, node, {
      id: file.source.path,
      label: family ?? file.source.path.split('/').pop() ?? file.source.path,
      path: file.source.path,
      source: 'json',
      ignoredRules: new Set(),
    });
    this.taskDefinitions.push(task);
  }

  /** The parsed file at a path, when it parsed. */
  file(path: string): ParsedFile | undefined {
    const file = this.filesByPath.get(path);
    return file && !file.error && file.root ? file : undefined;
  }

  /** Roles whose literal RoleName equals the name (a Sub-style string with tokens never matches). */
  findRolesByName(name: string): IamRole[] {
    return this.rolesByName.get(name) ?? [];
  }

  roleByLogicalId(template: Template, logicalId: string): IamRole | undefined {
    return this.rolesByTemplate.get(template)?.get(logicalId);
  }

  servicesOf(task: TaskDefinition): EcsService[] {
    return task.source === 'template' ? this.servicesByTask.get(task.id) ?? [] : [];
  }

  /** Resolves a role property into the roles it may point at. */
  bindRole(scope: ResolveScope, node: DocNode | undefined): RoleUse | undefined {
    if (node === undefined) return undefined;
    const value = resolveNode(scope, node);
    const options: RoleOption[] = [];
    const visit = (v: Resolved) => {
      switch (v.kind) {
        case 'choice':
          v.options.forEach(visit);
          return;
        case 'novalue':
          options.push({ kind: 'none' });
          return;
        case 'ref': {
          const template = v.template ?? scope.template;
          const role = template ? this.roleByLogicalId(template, v.logicalId) : undefined;
          if (role) options.push({ kind: 'role', role, byName: v.attribute === undefined });
          else options.push({ kind: 'external', text: v.attribute ? `${v.logicalId}.${v.attribute}` : v.logicalId });
          return;
        }
        case 'string': {
          const name = roleNameFromArnOrName(v.text);
          const matches = name ? this.findRolesByName(name) : [];
          // A name that several templates define is ambiguous: report it as not verifiable instead of guessing.
          if (matches.length === 1) options.push({ kind: 'role', role: matches[0], byName: !v.text.startsWith('arn:') });
          else options.push({ kind: 'external', text: v.text });
          return;
        }
        default:
          options.push({ kind: 'external', text: resolvedToStrings(scope, v)[0] ?? 'an unresolved value' });
      }
    };
    visit(value);
    return { node, options };
  }

  /** Every rule asks for the same task's roles: bind each role property once. */
  private readonly boundRoles = new Map<TaskDefinition, { execution?: RoleUse; task?: RoleUse }>();

  private boundRolesOf(task: TaskDefinition): { execution?: RoleUse; task?: RoleUse } {
    let bound = this.boundRoles.get(task);
    if (!bound) {
      bound = {
        execution: this.bindRole({ template: task.template }, task.executionRoleNode),
        task: this.bindRole({ template: task.template }, task.taskRoleNode),
      };
      this.boundRoles.set(task, bound);
    }
    return bound;
  }

  executionRole(task: TaskDefinition): RoleUse | undefined {
    return this.boundRolesOf(task).execution;
  }

  taskRole(task: TaskDefinition): RoleUse | undefined {
    return this.boundRolesOf(task).task;
  }

  /**
   * Instance roles of the EC2 capacity a task may run on: the capacity in the task's own template,
   * else the only ECS capacity in the repository. Empty when none is visible.
   */
  instanceRolesFor(task: TaskDefinition): IamRole[] {
    const clusterTemplates = new Set(this.servicesOf(task).flatMap((s) => (s.cluster ? [s.cluster.template] : [])));
    const clusterCapacity = this.capacity.filter((c) => clusterTemplates.has(c.template));
    if (clusterCapacity.length) {
      return [...new Set(clusterCapacity.flatMap((c) => this.instanceRolesOf(c)))];
    }
    let capacity = this.capacity.filter((c) => c.template === task.template);
    if (capacity.length === 0) capacity = this.capacity;
    const roles = new Set<IamRole>();
    for (const c of capacity) for (const role of this.instanceRolesOf(c)) roles.add(role);
    return roles.size <= 1 || capacity.every((c) => c.template === task.template) ? [...roles] : [];
  }

  /** The roles inside the instance profile a capacity resource uses. */
  instanceRolesOf(capacity: InstanceCapacity): IamRole[] {
    if (!capacity.profileLogicalId) return [];
    const { roleLogicalIds, roleNames } = instanceProfileRoles(capacity.template, capacity.profileLogicalId);
    const roles: IamRole[] = [];
    for (const id of roleLogicalIds) {
      const role = this.roleByLogicalId(capacity.template, id);
      if (role) roles.push(role);
    }
    for (const name of roleNames) roles.push(...this.findRolesByName(name));
    return roles;
  }

  /** Rule ids suppressed at a template resource or template level, for findings in templates. */
  ignoredRulesAt(template: Template | undefined, logicalId?: string): Set<string> {
    if (!template) return new Set();
    const resource = logicalId ? template.resources.get(logicalId) : undefined;
    return new Set([...template.ignoredRules, ...(resource ? resource.ignoredRules : [])]);
  }
}

export { readIgnoredRules };
