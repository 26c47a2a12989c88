import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, lintFiles, testRule } from '../rule-tester.js';
import { account, assertFirstFixResolves, describeTaskDefinition, json, lineOf, registerTaskDefinition, roleYaml, yamlTemplate, type RoleOptions } from './cfn-snippets.js';
import { seedCases } from './seed-variants.js';
import { taskRoleYaml, taskWithRoleYaml } from './task-role-snippets.js';

const rule = 'efs-iam-authorization';
const fsId = 'fs-0123456789abcdef0';
const fsArn = `!Sub arn:\${AWS::Partition}:elasticfilesystem:\${AWS::Region}:\${AWS::AccountId}:file-system/${fsId}`;

const mountContainer = (readOnly = false) => `
- Name: app
  Image: public.ecr.aws/docker/library/httpd:2.4
  MountPoints:
    - SourceVolume: data
      ContainerPath: /data
      ReadOnly: ${readOnly}`;

interface VolumeOptions {
  fileSystemId?: string;
  transitEncryption?: string | null;
  iam?: string | null;
  accessPointId?: string;
}

function volumesYaml(options: VolumeOptions = {}): string {
  const { fileSystemId = fsId, transitEncryption = 'ENABLED', iam = 'ENABLED', accessPointId } = options;
  const authorization = iam || accessPointId ? ['    AuthorizationConfig:', ...(iam ? [`      IAM: ${iam}`] : []), ...(accessPointId ? [`      AccessPointId: ${accessPointId}`] : [])] : [];
  return [
    'Volumes:',
    '  - Name: data',
    '    EFSVolumeConfiguration:',
    `      FilesystemId: ${fileSystemId}`,
    '      RootDirectory: /',
    ...(transitEncryption ? [`      TransitEncryption: ${transitEncryption}`] : []),
    ...authorization.map((line) => '  ' + line),
  ].join('\n');
}

const grant = (actions: string, resource = fsArn, condition = '') => `
- Effect: Allow
  Action: ${actions}
  Resource: ${resource}${condition}`;

/** A Fargate task mounting `data` from EFS, with the task role `role` (none when null) and extra resources. */
function efsTemplate(role: RoleOptions | null, volume: VolumeOptions = {}, options: { readOnly?: boolean; resources?: string[] } = {}): string {
  return yamlTemplate([
    ...(options.resources ?? []),
    ...(role ? [taskRoleYaml(role)] : []),
    taskWithRoleYaml({
      compatibilities: '[FARGATE]',
      taskRoleArn: role ? '!GetAtt TaskRole.Arn' : undefined,
      containers: mountContainer(options.readOnly),
      properties: volumesYaml(volume),
    }),
  ]);
}

const fileSystemYaml = (policy?: string) => `  FileSystem:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
${policy ? `      FileSystemPolicy:\n        Version: '2012-10-17'\n        Statement:\n${policy.replace(/^/gm, '          ').replace(/^\s+$/gm, '')}\n` : ''}`;

const mountWrite = '[elasticfilesystem:ClientMount, elasticfilesystem:ClientWrite]';
const granted = efsTemplate({ statements: grant(mountWrite) });
const noTransit = efsTemplate({ statements: grant(mountWrite) }, { transitEncryption: null });
const transitDisabled = efsTemplate({ statements: grant(mountWrite) }, { transitEncryption: 'DISABLED' });
const accessPointNoTransit = efsTemplate(null, { transitEncryption: null, iam: null, accessPointId: 'fsap-0123456789abcdef0' });
const noTaskRole = efsTemplate(null);
const onlyMount = efsTemplate({ statements: grant('elasticfilesystem:ClientMount') });
const denyPolicy = (principal: string) =>
  efsTemplate({ statements: grant('s3:GetObject', "'*'") }, { fileSystemId: '!Ref FileSystem' }, {
    resources: [fileSystemYaml(`- Effect: Allow\n  Principal:\n    AWS: ${principal}\n  Action: [elasticfilesystem:ClientMount, elasticfilesystem:ClientWrite]\n  Resource: '*'`), roleYaml({ logicalId: 'OtherRole' })],
  });
const policyForOtherRole = denyPolicy('!GetAtt OtherRole.Arn');
const policyForAccount = denyPolicy("!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'");
/** Access points by literal id: two tokens of the same template could be anything, so only literals differ for certain. */
const accessPointArn = (id: string) => `!Sub arn:\${AWS::Partition}:elasticfilesystem:\${AWS::Region}:\${AWS::AccountId}:access-point/${id}`;
const onAccessPoint = (conditionId: string) =>
  efsTemplate(
    { statements: grant(mountWrite, '!GetAtt FileSystem.Arn', `\n  Condition:\n    StringEquals:\n      elasticfilesystem:AccessPointArn: ${accessPointArn(conditionId)}`) },
    { fileSystemId: '!Ref FileSystem', accessPointId: 'fsap-0aaaaaaaaaaaaaaaa' },
    { resources: [fileSystemYaml("- Effect: Deny\n  Principal: '*'\n  Action: '*'\n  Resource: '*'\n  Condition:\n    Bool:\n      aws:SecureTransport: 'false'")] },
  );
const otherAccessPoint = onAccessPoint('fsap-0bbbbbbbbbbbbbbbb');

const jsonRoles = yamlTemplate([taskRoleYaml({ roleName: 'app-task', statements: grant('elasticfilesystem:ClientMount', `arn:aws:elasticfilesystem:us-east-1:${account}:file-system/${fsId}`) })]);
const jsonTask = (fields: Record<string, unknown> = {}, efs: Record<string, unknown> = {}) => ({
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  taskRoleArn: `arn:aws:iam::${account}:role/app-task`,
  containerDefinitions: [{ name: 'app', image: 'nginx:1.27', mountPoints: [{ sourceVolume: 'data', containerPath: '/data', readOnly: true }] }],
  volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: fsId, transitEncryption: 'ENABLED', authorizationConfig: { iam: 'ENABLED' }, ...efs } }],
  ...fields,
});
const registerGranted = registerTaskDefinition(jsonTask());
const registerWritable = registerTaskDefinition(jsonTask({ containerDefinitions: [{ name: 'app', image: 'nginx:1.27', mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] }] }));
const registerNoTransit = registerTaskDefinition(jsonTask({}, { transitEncryption: undefined }));
const describeNoTaskRole = describeTaskDefinition(jsonTask({ taskRoleArn: undefined }));
const describeIamDisabled = describeTaskDefinition(jsonTask({ taskRoleArn: undefined }, { authorizationConfig: { iam: 'DISABLED' }, transitEncryption: 'DISABLED' }));

function cfnJson(efs: Record<string, unknown>): string {
  return json({
    AWSTemplateFormatVersion: '2010-09-09',
    Resources: {
      TaskRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
          Policies: [
            {
              PolicyName: 'efs',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'], Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:elasticfilesystem:\${AWS::Region}:\${AWS::AccountId}:file-system/${fsId}` } }],
              },
            },
          ],
        },
      },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          RequiresCompatibilities: ['FARGATE'],
          NetworkMode: 'awsvpc',
          Cpu: '256',
          Memory: '512',
          TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] },
          ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', MountPoints: [{ SourceVolume: 'data', ContainerPath: '/data' }] }],
          Volumes: [{ Name: 'data', EFSVolumeConfiguration: { FilesystemId: fsId, AuthorizationConfig: { IAM: 'ENABLED' }, ...efs } }],
        },
      },
    },
  });
}

const cfnJsonGranted = cfnJson({ TransitEncryption: 'ENABLED' });
const cfnJsonNoTransit = cfnJson({});

testRule(rule, {
  valid: [
    ...seedCases,
    { name: 'the task role allows ClientMount and ClientWrite on the file system', files: { 'app.yaml': granted } },
    { name: 'every mount is read-only and the task role allows ClientMount', files: { 'app.yaml': efsTemplate({ statements: grant('elasticfilesystem:ClientMount') }, {}, { readOnly: true }) } },
    {
      name: 'IAM authorization is off (ClientMount on the execution role is misplaced but harmless) and there is no task role',
      files: { 'app.yaml': efsTemplate(null, { iam: null }) },
    },
    { name: 'IAM is DISABLED and transit encryption is off', files: { 'app.yaml': efsTemplate(null, { iam: 'DISABLED', transitEncryption: 'DISABLED' }) } },
    {
      name: 'the file system is in the template without a FileSystemPolicy (EFS default policy lets every client mount)',
      files: { 'app.yaml': efsTemplate({ statements: grant('s3:GetObject', "'*'") }, { fileSystemId: '!Ref FileSystem' }, { resources: [fileSystemYaml()] }) },
    },
    { name: 'the FileSystemPolicy grants the task role', files: { 'app.yaml': denyPolicy('!GetAtt TaskRole.Arn') } },
    { name: "the FileSystemPolicy grants '*' through mount targets", files: { 'app.yaml': denyPolicy("'*'").replace("Resource: '*'\n", "Resource: '*'\n          Condition:\n            Bool:\n              elasticfilesystem:AccessedViaMountTarget: 'true'\n") } },
    {
      name: 'the task role grant is conditioned on the access point the volume mounts',
      files: { 'app.yaml': onAccessPoint('fsap-0aaaaaaaaaaaaaaaa') },
    },
    {
      name: 'the file system comes from a parameter and the grant is conditioned on the access point resource the volume mounts',
      files: {
        'app.yaml': efsTemplate(
          { statements: grant(mountWrite, "!Sub 'arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:file-system/${FileSystemId}'", '\n  Condition:\n    StringEquals:\n      elasticfilesystem:AccessPointArn: !GetAtt AccessPoint.Arn') },
          { fileSystemId: '!Ref FileSystemId', accessPointId: '!Ref AccessPoint' },
          { resources: ['  AccessPoint:\n    Type: AWS::EFS::AccessPoint\n    Properties:\n      FileSystemId: !Ref FileSystemId\n'] },
        ).replace('Resources:', 'Parameters:\n  FileSystemId:\n    Type: String\nResources:'),
      },
    },
    { name: 'a register-input task definition mounts read-only with a role that allows ClientMount', files: { 'infra/roles.yaml': jsonRoles, 'deploy/taskdef.json': registerGranted } },
    { name: 'a describe-output task definition has IAM authorization DISABLED and no task role', files: { 'deploy/describe.json': describeIamDisabled } },
    { name: 'a CloudFormation JSON task role allows both actions and transit encryption is on', files: { 'app.template.json': cfnJsonGranted } },
    { name: 'the rule is turned off in config', files: { 'app.yaml': noTaskRole }, config: { rules: { [rule]: 'off' } } },
  ],
  invalid: [
    {
      name: 'IAM authorization without TransitEncryption',
      files: { 'app.yaml': noTransit },
      expect: [{ line: lineOf(noTransit, 'IAM: ENABLED'), severity: 'error', message: ['EFS volume data of task definition TaskDefinition uses IAM authorization without TransitEncryption: ENABLED'] }],
    },
    {
      name: 'IAM authorization with TransitEncryption: DISABLED',
      files: { 'app.yaml': transitDisabled },
      expect: [{ line: lineOf(transitDisabled, 'TransitEncryption: DISABLED'), severity: 'error', message: ['TransitEncryption: ENABLED'] }],
    },
    {
      name: 'an access point without transit encryption (IAM authorization off)',
      files: { 'app.yaml': accessPointNoTransit },
      expect: [{ line: lineOf(accessPointNoTransit, 'AccessPointId:'), severity: 'error', message: ['mounts access point fsap-0123456789abcdef0'] }],
    },
    {
      name: 'IAM authorization and no task role',
      files: { 'app.yaml': noTaskRole },
      expect: [{ line: lineOf(noTaskRole, 'IAM: ENABLED'), severity: 'error', message: ['EFS volume data of task definition TaskDefinition uses IAM authorization but the task definition has no task role'] }],
    },
    {
      name: 'IAM authorization and no task role, even though the file system has no FileSystemPolicy (efs-utils needs the credentials)',
      files: { 'app.yaml': efsTemplate(null, { fileSystemId: '!Ref FileSystem' }, { resources: [fileSystemYaml()] }) },
      expect: [{ severity: 'error', message: ['no task role'] }],
    },
    {
      name: 'a writable mount and a task role with ClientMount only, file system outside the repository',
      files: { 'app.yaml': onlyMount },
      expect: [
        {
          severity: 'warning',
          message: ['Task role TaskRole of task definition TaskDefinition does not allow elasticfilesystem:ClientWrite on file system fs-0123456789abcdef0', 'file system policy could not be seen', 'access denied by server'],
        },
      ],
    },
    {
      name: 'the FileSystemPolicy grants another role only',
      files: { 'app.yaml': policyForOtherRole },
      expect: [{ severity: 'warning', message: ['elasticfilesystem:ClientMount and elasticfilesystem:ClientWrite', 'the FileSystemPolicy of FileSystem does not grant them either'] }],
    },
    {
      name: 'the FileSystemPolicy names only the account, which delegates to the role policies',
      files: { 'app.yaml': policyForAccount },
      expect: [{ severity: 'warning', message: ['FileSystemPolicy of FileSystem'] }],
    },
    {
      name: 'the task role grant is conditioned on another access point',
      files: { 'app.yaml': otherAccessPoint },
      expect: [{ severity: 'warning', message: ['does not allow elasticfilesystem:ClientMount and elasticfilesystem:ClientWrite'] }],
    },
    {
      name: 'a register-input task definition mounts writable with a role that allows ClientMount only',
      files: { 'infra/roles.yaml': jsonRoles, 'deploy/taskdef.json': registerWritable },
      expect: [{ path: 'deploy/taskdef.json', line: lineOf(registerWritable, '"iam"'), severity: 'warning', message: ['Task role app-task', 'elasticfilesystem:ClientWrite'] }],
    },
    {
      name: 'a register-input task definition without transitEncryption',
      files: { 'infra/roles.yaml': jsonRoles, 'deploy/taskdef.json': registerNoTransit },
      expect: [{ severity: 'error', message: ['without transitEncryption: ENABLED'] }],
    },
    {
      name: 'a describe-output task definition with IAM authorization and no task role',
      files: { 'deploy/describe.json': describeNoTaskRole },
      expect: [{ path: 'deploy/describe.json', line: lineOf(describeNoTaskRole, '"iam"'), severity: 'error', message: ['no task role'] }],
    },
    {
      name: 'a CloudFormation JSON volume without TransitEncryption',
      files: { 'app.template.json': cfnJsonNoTransit },
      expect: [{ path: 'app.template.json', line: lineOf(cfnJsonNoTransit, '"IAM"'), severity: 'error' }],
    },
  ],
});

test('an external task role is reported once by role-not-verifiable, naming EFS', () => {
  const text = efsTemplate(null).replace('      ContainerDefinitions:', `      TaskRoleArn: arn:aws:iam::${account}:role/shared-task\n      ContainerDefinitions:`);
  assert.equal(findingsOf(lintFiles({ 'app.yaml': text }), rule).length, 0);
  const notes = findingsOf(lintFiles({ 'app.yaml': text }), 'role-not-verifiable');
  assert.equal(notes.length, 1);
  assert.match(notes[0].message, /EFS IAM authorization/);
});

test('the transit-encryption fix adds TransitEncryption: ENABLED next to RootDirectory', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': noTransit });
  assert.match(patched['app.yaml'], /RootDirectory: \/\n\s+TransitEncryption: ENABLED\n/);
});

test('the transit-encryption fix replaces DISABLED', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': transitDisabled });
  assert.doesNotMatch(patched['app.yaml'], /DISABLED/);
});

test('the transit-encryption fix writes camelCase in task-definition JSON and keeps it valid', () => {
  const patched = assertFirstFixResolves(rule, { 'infra/roles.yaml': jsonRoles, 'deploy/taskdef.json': registerNoTransit });
  assert.equal(JSON.parse(patched['deploy/taskdef.json']).volumes[0].efsVolumeConfiguration.transitEncryption, 'ENABLED');
});

test('the transit-encryption fix keeps a CloudFormation JSON template valid', () => {
  const patched = assertFirstFixResolves(rule, { 'app.template.json': cfnJsonNoTransit });
  assert.doesNotThrow(() => JSON.parse(patched['app.template.json']));
});

test('the fix for a missing task role adds one allowed to mount and write', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': noTaskRole });
  assert.match(patched['app.yaml'], /TaskRoleArn:[\s\S]{0,40}TaskDefinitionTaskRole/);
  assert.match(patched['app.yaml'], /elasticfilesystem:ClientWrite/);
});

test('the fix for a missing action extends the statement on the file system', () => {
  const patched = assertFirstFixResolves(rule, { 'app.yaml': onlyMount });
  assert.doesNotMatch(patched['app.yaml'], /PolicyName: efs-access/);
});

test('the fix for a task-definition JSON edits the role template, not the JSON', () => {
  const patched = assertFirstFixResolves(rule, { 'infra/roles.yaml': jsonRoles, 'deploy/taskdef.json': registerWritable });
  assert.equal(patched['deploy/taskdef.json'], registerWritable);
});
