/**
 * Hostile inputs the issue names, written out rather than left to chance, and the minimal reproductions
 * of what the fuzz test found. Each hostile input is linted next to the witnesses like a fuzz case.
 */

export interface HostileInput {
  name: string;
  text: string;
  /** What the file is rejected for, as a fragment of the parse error; '' when it must be linted. */
  rejectedFor: string;
}

const role = (indent: string) =>
  `${indent}Type: AWS::IAM::Role\n${indent}Properties:\n${indent}  AssumeRolePolicyDocument:\n${indent}    Statement:\n` +
  `${indent}      - Effect: Allow\n${indent}        Principal: {Service: ecs-tasks.amazonaws.com}\n${indent}        Action: sts:AssumeRole\n`;

const knownActions = ['s3:GetObject', 's3:PutObject', 'logs:PutLogEvents', 'logs:CreateLogStream', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'sqs:ReceiveMessage', 'dynamodb:GetItem', 'kms:Decrypt', 'secretsmanager:GetSecretValue'];

export const hostileInputs: HostileInput[] = [
  { name: 'deep-flow-seq.yaml', text: `Resources:\n  A:\n${role('    ')}    Metadata: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, rejectedFor: 'nesting is deeper than' },
  { name: 'deep-flow-map.yaml', text: `Resources:\n  A:\n    Type: AWS::IAM::Role\n    Properties: ${'{a: '.repeat(20_000)}b${'}'.repeat(20_000)}\n`, rejectedFor: 'nesting is deeper than' },
  { name: 'deep-unclosed.yaml', text: `Resources: ${'['.repeat(100_000)}\n`, rejectedFor: 'nesting is deeper than' },
  { name: 'deep-intrinsics.yaml', text: `Resources:\n  A:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: ${'!Join ["", ['.repeat(300)}x${']]'.repeat(300)}\n`, rejectedFor: 'nesting is deeper than' },
  { name: 'deep.json', text: `{"Resources": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`, rejectedFor: 'nesting is deeper than' },
  { name: 'deep-block.yaml', text: `Resources:\n${Array.from({ length: 1000 }, (_, level) => `${' '.repeat(level + 1)}a:`).join('\n')} x\n`, rejectedFor: 'nesting is deeper than' },
  {
    name: 'alias-chain.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n${Array.from({ length: 40 }, (_, level) => `  k${level}: &a${level} [${level === 0 ? 'lol, lol' : `*a${level - 1}, *a${level - 1}`}]`).join('\n')}\nResources: {}\n`,
    rejectedFor: 'aliases expand the file',
  },
  { name: 'alias-fan.yaml', text: `AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n  base: &b x\n  many: [${Array.from({ length: 100_000 }, () => '*b').join(', ')}]\nResources: {}\n`, rejectedFor: 'aliases' },
  { name: 'alias-cycle.yaml', text: `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: &a\n    Type: AWS::IAM::Role\n    Properties: {Self: *a}\n`, rejectedFor: 'contains it' },
  {
    name: 'ten-thousand-actions.yaml',
    text: `AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Role:\n${role('    ')}      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Resource: '*'\n                Action:\n` +
      Array.from({ length: 10_000 }, (_, i) => `                  - ${knownActions[i % knownActions.length]}\n`).join('') +
      '  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      TaskRoleArn: !GetAtt Role.Arn\n      ExecutionRoleArn: !GetAtt Role.Arn\n      ContainerDefinitions:\n        - Name: a\n          Image: nginx\n',
    rejectedFor: '',
  },
  {
    name: 'ten-thousand-statements.json',
    text: JSON.stringify({
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
            Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: Array.from({ length: 10_000 }, (_, i) => ({ Effect: i % 2 ? 'Allow' : 'Deny', Action: [knownActions[i % knownActions.length], 'logs:PutLogEvents'], Resource: '*', Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } })) } }],
          },
        },
        Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { TaskRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, ExecutionRoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, ContainerDefinitions: [{ Name: 'a', Image: 'nginx', LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': '/g1' } } }] } },
      },
    }, null, 2),
    rejectedFor: '',
  },
  {
    name: 'ten-thousand-containers.json',
    text: JSON.stringify({ family: 'f', executionRoleArn: 'arn:aws:iam::123456789012:role/e', containerDefinitions: Array.from({ length: 10_000 }, (_, i) => ({ name: `c${i}`, image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/r${i}:1`, secrets: [{ name: 'S', valueFrom: `arn:aws:ssm:us-east-1:123456789012:parameter/p${i}` }] })) }, null, 2),
    rejectedFor: '',
  },
  {
    name: 'intrinsic-shapes.yaml',
    text: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: {Fn::Sub: {a: b}}\n      AssumeRolePolicyDocument: {Fn::Join: scalar}\n      Policies: {Ref: [a, b]}\n      ManagedPolicyArns: !GetAtt [x]\n      PermissionsBoundary: !Select [99999999999999999999, []]\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      TaskRoleArn: {Fn::If: [c]}\n      ExecutionRoleArn: {Fn::GetAtt: NoDot}\n      ContainerDefinitions: {Fn::Sub: [x, {y: {Ref: Role}}]}\n",
    rejectedFor: '',
  },
  {
    name: 'huge-numbers.json',
    text: `{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Cpu": 1e999999, "Memory": ${'9'.repeat(5000)}, "ContainerDefinitions": [{"Name": "a", "Image": "x", "Memory": -0.0000000000000000000000000000001e-400}]}}}}`,
    rejectedFor: '',
  },
  { name: 'nul-and-bom.yaml', text: "\ufeffAWSTemplateFormatVersion: '2010-09-09'\r\nResources:\r\n  A:\0\r\n", rejectedFor: 'NUL byte' },
  {
    name: 'rtl-and-emoji.yaml',
    text: "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Role\u202e:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: 'r\u202ele\u200f💥e\u0301\u0301'\n      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: 'ecs\u200b.amazonaws.com'}, Action: 'sts:AssumeRole'}]}\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      TaskRoleArn: !GetAtt Role\u202e.Arn\n      ContainerDefinitions: [{Name: '👩‍👩‍👧‍👦', Image: nginx}]\n",
    rejectedFor: '',
  },
];

/** A template of `pairs` roles that trust the wrong principal, each the task role of its own task definition: one fixable finding per pair. */
export function buildManyResourcesTemplate(pairs: number): string {
  let text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";
  for (let i = 0; i < pairs; i++) {
    text += `  R${i}:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n        Statement:\n          - Effect: Allow\n            Principal:\n              Service: ecs.amazonaws.com\n            Action: sts:AssumeRole\n`;
    text += `  T${i}:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      TaskRoleArn: !GetAtt R${i}.Arn\n      ContainerDefinitions:\n        - Name: a\n          Image: nginx\n`;
  }
  return text;
}

/**
 * A JSON template with one fixable finding (hardcoded-partition) per statement: on one line as minifiers and
 * `aws cloudformation get-template` write it, or pretty-printed with `indent`.
 */
export function buildOneLineTemplate(statements: number, indent?: number): string {
  return JSON.stringify({
    Resources: {
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: Array.from({ length: statements }, () => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' })) } }] },
      },
    },
  }, null, indent);
}

/** A task definition reading `count` SSM parameters through an execution role with no permission for them: one fixable finding per parameter. */
export function buildManySecretsTemplate(count: number): string {
  let text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ExecutionRole:\n" + role('    ');
  text += '  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ExecutionRoleArn: !GetAtt ExecutionRole.Arn\n      ContainerDefinitions:\n        - Name: app\n          Image: nginx\n          Secrets:\n';
  for (let i = 0; i < count; i++) text += `            - {Name: S${i}, ValueFrom: app/param-${i}}\n`;
  return text;
}
