import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { describeTaskDefinition, json, lineOf, registerTaskDefinition } from './cfn-snippets.js';
import { testFixClears } from './fix-clears.js';
import { seedCases } from './seed-variants.js';

const rule = 'ecs-tasks-trust';

/** A role whose trust policy's `Principal` is written as given (one line, at the statement's indentation). */
function roleYaml(logicalId: string, principal: string, extra = ''): string {
  return `  ${logicalId}:
    Type: AWS::IAM::Role
    Properties:
${extra}      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            ${principal}
            Action: sts:AssumeRole
`;
}

function taskYaml(logicalId: string, roles: string): string {
  return `  ${logicalId}:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: ${logicalId.toLowerCase()}
      RequiresCompatibilities: [EC2]
${roles}      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          Memory: 256
`;
}

function template(...resources: string[]): string {
  return `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${resources.join('')}`;
}

/** Line of the first key inside a role's AssumeRolePolicyDocument: where an "untrusted" finding points. */
function trustLine(text: string, occurrence = 1): number {
  return lineOf(text, 'AssumeRolePolicyDocument:', occurrence) + 1;
}

const taskRoleTrustsEcs = template(
  roleYaml('AppTaskRole', 'Principal: {Service: ecs.amazonaws.com}'),
  taskYaml('Api', '      TaskRoleArn: !GetAtt AppTaskRole.Arn\n'),
);

const taskRoleByRefTrustsEc2 = template(
  roleYaml('WorkerRole', 'Principal:\n              Service: ec2.amazonaws.com'),
  taskYaml('Worker', '      TaskRoleArn: !Ref WorkerRole\n'),
);

const executionRoleTrustsEcs = template(
  roleYaml('ExecutionRole', 'Principal: {Service: [ecs.amazonaws.com]}'),
  taskYaml('Api', '      ExecutionRoleArn: !GetAtt ExecutionRole.Arn\n'),
);

const urlSuffixPrincipal = template(
  roleYaml('TaskRole', "Principal:\n              Service: !Sub 'ecs-tasks.${AWS::URLSuffix}'"),
  taskYaml('Api', '      TaskRoleArn: !GetAtt TaskRole.Arn\n'),
);

const joinUrlSuffixPrincipal = template(
  roleYaml('TaskRole', "Principal:\n              Service: !Join ['', [ecs-tasks., !Ref 'AWS::URLSuffix']]"),
  taskYaml('Api', '      TaskRoleArn: !GetAtt TaskRole.Arn\n'),
);

const chinaPrincipal = template(
  roleYaml('ExecutionRole', 'Principal:\n              Service: ecs-tasks.amazonaws.com.cn'),
  taskYaml('Api', '      ExecutionRoleArn: !GetAtt ExecutionRole.Arn\n'),
);

const chinaPrincipalBesideGlobal = template(
  roleYaml('ExecutionRole', 'Principal:\n              Service: [ecs-tasks.amazonaws.com, ecs-tasks.amazonaws.com.cn]'),
  taskYaml('Api', '      ExecutionRoleArn: !GetAtt ExecutionRole.Arn\n'),
);

const sharedByTwoTasks = template(
  roleYaml('SharedTaskRole', 'Principal: {Service: ecs.amazonaws.com}'),
  taskYaml('Api', '      TaskRoleArn: !GetAtt SharedTaskRole.Arn\n'),
  taskYaml('Worker', '      TaskRoleArn: !GetAtt SharedTaskRole.Arn\n      ExecutionRoleArn: !GetAtt SharedTaskRole.Arn\n'),
);

/** Older templates keep the trust policy as a JSON string in a block scalar. */
function jsonStringTrust(service: string): string {
  return `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  LegacyTaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: |
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Effect": "Allow",
              "Principal": { "Service": "${service}" },
              "Action": "sts:AssumeRole"
            }
          ]
        }
${taskYaml('Legacy', '      TaskRoleArn: !GetAtt LegacyTaskRole.Arn\n')}`;
}

const jsonTemplateUntrusted = json({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    ExecutionRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: ['ecs.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
        },
      },
    },
    TaskDefinition: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        Family: 'billing',
        RequiresCompatibilities: ['FARGATE'],
        NetworkMode: 'awsvpc',
        Cpu: '256',
        Memory: '512',
        ExecutionRoleArn: { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] },
        ContainerDefinitions: [{ Name: 'billing', Image: 'public.ecr.aws/docker/library/python:3.12' }],
      },
    },
  },
});

const jsonTemplateTrusted = jsonTemplateUntrusted.replace('"ecs.amazonaws.com"', '"ecs-tasks.amazonaws.com"');

/** Roles defined by literal RoleName, for task-definition JSON that names them by ARN or name. */
const namedRoles = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  ReportsExecutionRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: reports-execution
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ec2.amazonaws.com
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub arn:\${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
  ReportsTaskRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: reports-task
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ecs.amazonaws.com
            Action: sts:AssumeRole
`;

const reportsContainers = [{ name: 'reports', image: 'public.ecr.aws/docker/library/node:22', essential: true, memory: 256 }];

const registerByArn = registerTaskDefinition({
  family: 'reports',
  executionRoleArn: 'arn:aws:iam::123456789012:role/reports-execution',
  containerDefinitions: reportsContainers,
});

const describeByName = describeTaskDefinition({
  family: 'reports',
  taskRoleArn: 'reports-task',
  containerDefinitions: reportsContainers,
});

const trustedNamedRoles = namedRoles.replace(/Service: ec2\.amazonaws\.com|Service: ecs\.amazonaws\.com/g, 'Service: ecs-tasks.amazonaws.com');

testRule(rule, {
  valid: [
    ...seedCases,
    {
      name: 'the trust lists several services including ecs-tasks.amazonaws.com',
      files: {
        'app.yaml': template(
          roleYaml('TaskRole', 'Principal:\n              Service:\n                - ecs.amazonaws.com\n                - ecs-tasks.amazonaws.com\n                - ec2.amazonaws.com'),
          taskYaml('Api', '      TaskRoleArn: !GetAtt TaskRole.Arn\n'),
        ),
      },
    },
    {
      name: 'the trust carries confused-deputy conditions (aws:SourceArn, aws:SourceAccount)',
      files: {
        'app.yaml': template(
          `  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal:
              Service: ecs-tasks.amazonaws.com
            Action: sts:AssumeRole
            Condition:
              ArnLike:
                aws:SourceArn: !Sub arn:\${AWS::Partition}:ecs:\${AWS::Region}:\${AWS::AccountId}:*
              StringEquals:
                aws:SourceAccount: !Ref AWS::AccountId
`,
          taskYaml('Api', '      TaskRoleArn: !GetAtt TaskRole.Arn\n'),
        ),
      },
    },
    {
      name: 'the principal is written in flow style {Service: [ecs-tasks.amazonaws.com]}',
      files: {
        'app.yaml': template(
          roleYaml('ExecutionRole', 'Principal: {Service: [ecs-tasks.amazonaws.com]}'),
          taskYaml('Api', '      ExecutionRoleArn: !GetAtt ExecutionRole.Arn\n'),
        ),
      },
    },
    { name: 'the trust is a JSON string in a YAML block scalar and names ecs-tasks', files: { 'legacy.yaml': jsonStringTrust('ecs-tasks.amazonaws.com') } },
    { name: 'a JSON template trusts ecs-tasks.amazonaws.com', files: { 'billing.json': jsonTemplateTrusted } },
    {
      name: 'register-task-definition JSON names roles (by ARN) that trust ecs-tasks in another file',
      files: { 'iam/roles.yaml': trustedNamedRoles, 'reports.json': registerByArn },
    },
    {
      name: 'describe-task-definition JSON names a role (by name) that trusts ecs-tasks in another file',
      files: { 'iam/roles.yaml': trustedNamedRoles, 'reports.describe.json': describeByName },
    },
    {
      name: 'task-definition JSON names a role that no file in the repository defines (role-not-verifiable territory)',
      files: { 'reports.json': registerByArn },
    },
    {
      name: 'a role trusting ecs.amazonaws.com is not used by any task definition (a service or infrastructure role)',
      files: {
        'app.yaml': template(roleYaml('InfrastructureRole', 'Principal: {Service: ecs.amazonaws.com}'), taskYaml('Api', '')),
      },
    },
    {
      name: 'the principal comes from a parameter whose value cannot be known',
      files: {
        'app.yaml':
          `AWSTemplateFormatVersion: '2010-09-09'\nParameters:\n  TaskPrincipal:\n    Type: String\nResources:\n` +
          roleYaml('TaskRole', 'Principal: {Service: !Ref TaskPrincipal}') +
          taskYaml('Api', '      TaskRoleArn: !GetAtt TaskRole.Arn\n'),
      },
    },
    {
      name: 'the role resource suppresses the rule in its Metadata',
      files: {
        'app.yaml': template(
          roleYaml('AppTaskRole', 'Principal: {Service: ecs.amazonaws.com}', '').replace(
            '    Type: AWS::IAM::Role\n',
            '    Type: AWS::IAM::Role\n    Metadata:\n      ecs-iam-lint:\n        ignore: [ecs-tasks-trust]\n',
          ),
          taskYaml('Api', '      TaskRoleArn: !GetAtt AppTaskRole.Arn\n'),
        ),
      },
    },
    {
      name: 'the template suppresses the rule in its top-level Metadata',
      files: {
        'app.yaml': taskRoleTrustsEcs.replace('Resources:\n', 'Metadata:\n  ecs-iam-lint:\n    ignore: ecs-tasks-trust\nResources:\n'),
      },
    },
    {
      name: 'the rule is turned off in config',
      files: { 'app.yaml': taskRoleTrustsEcs },
      config: { rules: { 'ecs-tasks-trust': 'off' } },
    },
  ],
  invalid: [
    {
      name: 'a task role (!GetAtt R.Arn) trusts ecs.amazonaws.com only',
      files: { 'app.yaml': taskRoleTrustsEcs },
      expect: [
        {
          path: 'app.yaml',
          line: trustLine(taskRoleTrustsEcs),
          severity: 'error',
          message: ['Role AppTaskRole', 'task role of task definition Api', 'ecs-tasks.amazonaws.com', 'it trusts ecs.amazonaws.com', 'ECS was unable to assume the role'],
        },
      ],
    },
    {
      name: 'a task role given by name (!Ref R) trusts ec2.amazonaws.com only',
      files: { 'worker.yaml': taskRoleByRefTrustsEc2 },
      expect: [{ line: trustLine(taskRoleByRefTrustsEc2), severity: 'error', message: ['Role WorkerRole', 'task role of task definition Worker', 'it trusts ec2.amazonaws.com'] }],
    },
    {
      name: 'an execution role trusts ecs.amazonaws.com in flow style {Service: [ecs.amazonaws.com]}',
      files: { 'app.yaml': executionRoleTrustsEcs },
      expect: [{ line: trustLine(executionRoleTrustsEcs), severity: 'error', message: ['Role ExecutionRole', 'execution role of task definition Api'] }],
    },
    {
      name: 'a JSON template execution role ({"Fn::GetAtt": [...]}) trusts ecs.amazonaws.com',
      files: { 'billing.json': jsonTemplateUntrusted },
      expect: [
        {
          path: 'billing.json',
          line: lineOf(jsonTemplateUntrusted, '"AssumeRolePolicyDocument"'),
          severity: 'error',
          message: ['Role ExecutionRole', 'execution role of task definition TaskDefinition', 'it trusts ecs.amazonaws.com'],
        },
      ],
    },
    {
      name: 'register-task-definition JSON names (by ARN) an execution role in another file that trusts ec2 only',
      files: { 'iam/roles.yaml': namedRoles, 'reports.json': registerByArn },
      expect: [
        {
          path: 'iam/roles.yaml',
          line: trustLine(namedRoles, 1),
          severity: 'error',
          message: ['Role reports-execution', 'execution role of task definition reports', 'it trusts ec2.amazonaws.com'],
        },
      ],
    },
    {
      name: 'describe-task-definition JSON names (by bare name) a task role in another file that trusts ecs only',
      files: { 'iam/roles.yaml': namedRoles, 'out/reports.describe.json': describeByName },
      expect: [
        {
          path: 'iam/roles.yaml',
          line: trustLine(namedRoles, 2),
          severity: 'error',
          message: ['Role reports-task', 'task role of task definition reports', 'it trusts ecs.amazonaws.com'],
        },
      ],
    },
    {
      name: "the principal is !Sub 'ecs-tasks.${AWS::URLSuffix}' (ecs-tasks.amazonaws.com.cn in China, which IAM rejects)",
      files: { 'app.yaml': urlSuffixPrincipal },
      expect: [
        {
          line: lineOf(urlSuffixPrincipal, '- Effect: Allow'),
          severity: 'error',
          message: ["trusts 'ecs-tasks.${AWS::URLSuffix}'", 'ecs-tasks.amazonaws.com.cn', 'invalid principal', 'ecs-tasks.amazonaws.com in every partition'],
        },
      ],
    },
    {
      name: 'the principal is built with !Join from AWS::URLSuffix',
      files: { 'app.yaml': joinUrlSuffixPrincipal },
      expect: [{ line: lineOf(joinUrlSuffixPrincipal, '- Effect: Allow'), message: ["'ecs-tasks.${AWS::URLSuffix}'"] }],
    },
    {
      name: 'the principal is ecs-tasks.amazonaws.com.cn (myth M9)',
      files: { 'app.yaml': chinaPrincipal },
      expect: [{ line: lineOf(chinaPrincipal, '- Effect: Allow'), severity: 'error', message: ["trusts 'ecs-tasks.amazonaws.com.cn'", 'invalid principal'] }],
    },
    {
      name: 'ecs-tasks.amazonaws.com.cn sits beside the correct principal (IAM rejects the whole trust policy)',
      files: { 'app.yaml': chinaPrincipalBesideGlobal },
      expect: [{ line: lineOf(chinaPrincipalBesideGlobal, '- Effect: Allow'), message: ["'ecs-tasks.amazonaws.com.cn'"] }],
    },
    {
      name: 'one untrusted role serves two task definitions, as task and execution role (reported once)',
      files: { 'app.yaml': sharedByTwoTasks },
      expect: [{ line: trustLine(sharedByTwoTasks), message: ['Role SharedTaskRole', 'of task definition Api'] }],
    },
    {
      name: 'the trust is a JSON string in a YAML block scalar and names ecs.amazonaws.com',
      files: { 'legacy.yaml': jsonStringTrust('ecs.amazonaws.com') },
      expect: [
        {
          line: lineOf(jsonStringTrust('ecs.amazonaws.com'), 'AssumeRolePolicyDocument: |'),
          severity: 'error',
          message: ['Role LegacyTaskRole', 'task role of task definition Legacy', 'it trusts ecs.amazonaws.com'],
        },
      ],
    },
    {
      name: 'the suppression sits on the task definition, not on the role where the finding lies',
      files: {
        'app.yaml': taskRoleTrustsEcs.replace(
          '    Type: AWS::ECS::TaskDefinition\n',
          '    Type: AWS::ECS::TaskDefinition\n    Metadata:\n      ecs-iam-lint:\n        ignore: [ecs-tasks-trust]\n',
        ),
      },
      expect: [{ message: ['Role AppTaskRole'] }],
    },
    {
      name: 'config lowers the severity to warning',
      files: { 'app.yaml': taskRoleTrustsEcs },
      config: { rules: { 'ecs-tasks-trust': 'warning' } },
      expect: [{ severity: 'warning' }],
    },
  ],
});

test('ecs-tasks-trust: a role used by a task-definition JSON and a template task definition is reported once, naming the file that uses it', () => {
  const roles = namedRoles.replace(
    'Resources:\n',
    `Resources:\n${taskYaml('Nightly', '      ExecutionRoleArn: !GetAtt ReportsExecutionRole.Arn\n')}`,
  );
  const result = lintFiles({ 'iam/roles.yaml': roles, 'reports.json': registerByArn });
  const found = findingsOf(result, rule).filter((f) => f.message.includes('reports-execution'));
  assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
  assert.equal(found[0].path, 'iam/roles.yaml');
  assert.deepEqual(found[0].nodePath.slice(0, 4), ['Resources', 'ReportsExecutionRole', 'Properties', 'AssumeRolePolicyDocument']);
});

test('ecs-tasks-trust: a finding about a role in another file lists the task definition as a related path', () => {
  const result = lintFiles({ 'iam/roles.yaml': namedRoles, 'reports.json': registerByArn });
  const [finding] = findingsOf(result, rule);
  assert.deepEqual(finding.relatedPaths, ['reports.json']);
});

testFixClears(rule, [
  { name: 'a task role trusts ecs.amazonaws.com', files: { 'app.yaml': taskRoleTrustsEcs } },
  { name: 'an execution role trusts ecs.amazonaws.com in flow style', files: { 'app.yaml': executionRoleTrustsEcs } },
  { name: "the principal is !Sub 'ecs-tasks.${AWS::URLSuffix}'", files: { 'app.yaml': urlSuffixPrincipal } },
  { name: 'the principal is ecs-tasks.amazonaws.com.cn', files: { 'app.yaml': chinaPrincipal } },
  { name: 'a JSON template role trusts ecs.amazonaws.com', files: { 'billing.json': jsonTemplateUntrusted } },
  { name: 'the role is in another file than the task-definition JSON', files: { 'iam/roles.yaml': namedRoles, 'reports.json': registerByArn } },
  {
    name: 'the trust is a JSON string in a block scalar',
    files: { 'legacy.yaml': jsonStringTrust('ecs.amazonaws.com') },
    todo: 'no fix is offered for a trust policy held in a JSON string (the statement nodes all point at the string)',
  },
]);

test('ecs-tasks-trust: a role declared in config with the wrong trust is reported at the task definition reference', () => {
  const result = lintFiles(
    {
      'task.json': JSON.stringify(
        {
          family: 'web',
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          executionRoleArn: 'arn:aws:iam::123456789012:role/declared-exec',
          containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
        },
        null,
        2,
      ),
    },
    { externalRoles: [{ arn: 'arn:aws:iam::123456789012:role/declared-exec', trust: ['ecs.amazonaws.com'] }] },
  );
  const found = findingsOf(result, 'ecs-tasks-trust');
  assert.equal(found.length, 1);
  assert.equal(found[0].path, 'task.json');
  assert.equal(found[0].line, 7);
  assert.match(found[0].message, /declared in config to trust ecs\.amazonaws\.com/);
  const trusted = lintFiles(
    { 'task.json': JSON.stringify({ family: 'web', executionRoleArn: 'arn:aws:iam::123456789012:role/declared-exec', containerDefinitions: [{ name: 'web', image: 'nginx' }] }) },
    { externalRoles: [{ arn: 'arn:aws:iam::123456789012:role/declared-exec', trust: ['ecs-tasks.amazonaws.com'] }] },
  );
  assert.equal(findingsOf(trusted, 'ecs-tasks-trust').length, 0);
});
