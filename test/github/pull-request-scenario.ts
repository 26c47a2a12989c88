// Pull requests for the GitHub tests: real broken templates, their diffs as GitHub's `patch` field, and
// the file entries GitHub's "list pull request files" endpoint returns.
import { defaultLintConfig, type LintConfig } from '../../src/core/config.js';
import { ruleMetas } from '../../src/core/lint.js';
import { computeGitBlobSha } from '../../src/github/file-source.js';

/**
 * The rules these scenarios are about. Every other rule is turned off, so a rule added later that also
 * has something to say about the templates does not change what the tests expect.
 */
export const scenarioRuleIds = ['parse-error', 'awslogs-create-group-permission', 'ecs-tasks-trust'];

export function buildScenarioConfig(): LintConfig {
  const config = defaultLintConfig();
  for (const meta of ruleMetas) if (!scenarioRuleIds.includes(meta.id)) config.rules[meta.id] = 'off';
  return config;
}

/** The same setting as a `.github/ecs-iam-lint.yml`, for the end-to-end runs. */
export function renderScenarioConfigFile(): string {
  return `rules:\n${ruleMetas.filter((meta) => !scenarioRuleIds.includes(meta.id)).map((meta) => `  ${meta.id}: off\n`).join('')}`;
}

/** Lines as a diff counts them: a final line break does not start another line. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The unified diff GitHub would show from `base` to `head`, as one hunk around the changed region with
 * three lines of context; an added file (no base) is one hunk of added lines.
 */
export function buildPatch(base: string | undefined, head: string, context = 3): string {
  const headLines = splitLines(head);
  if (base === undefined) return `@@ -0,0 +1,${headLines.length} @@\n${headLines.map((line) => `+${line}`).join('\n')}`;
  const baseLines = splitLines(base);
  const shorter = Math.min(baseLines.length, headLines.length);
  let prefix = 0;
  while (prefix < shorter && baseLines[prefix] === headLines[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && baseLines[baseLines.length - 1 - suffix] === headLines[headLines.length - 1 - suffix]) suffix++;
  const start = Math.max(0, prefix - context);
  const baseChangeEnd = baseLines.length - suffix;
  const headChangeEnd = headLines.length - suffix;
  const headEnd = Math.min(headLines.length, headChangeEnd + context);
  const baseEnd = Math.min(baseLines.length, baseChangeEnd + context);
  const body = [
    ...baseLines.slice(start, prefix).map((line) => ` ${line}`),
    ...baseLines.slice(prefix, baseChangeEnd).map((line) => `-${line}`),
    ...headLines.slice(prefix, headChangeEnd).map((line) => `+${line}`),
    ...headLines.slice(headChangeEnd, headEnd).map((line) => ` ${line}`),
  ];
  return `@@ -${start + 1},${baseEnd - start} +${start + 1},${headEnd - start} @@\n${body.join('\n')}`;
}

export interface ApiPullRequestFile {
  sha: string;
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
}

/** The entry of GET /repos/{owner}/{repo}/pulls/{n}/files for a file changed from `base` (absent: added) to `head`. */
export function buildPullRequestFile(path: string, base: string | undefined, head: string): ApiPullRequestFile {
  const patch = buildPatch(base, head);
  const additions = patch.split('\n').filter((line) => line.startsWith('+')).length;
  const deletions = patch.split('\n').filter((line) => line.startsWith('-')).length;
  return {
    sha: computeGitBlobSha(Buffer.from(head, 'utf8')),
    filename: path,
    status: base === undefined ? 'added' : 'modified',
    additions,
    deletions,
    changes: additions + deletions,
    patch,
  };
}

/** 1-based line of the first line holding `needle`; throws when absent so a typo fails loudly. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`'${needle}' not found`);
  return text.slice(0, index).split('\n').length;
}

const executionRole = [
  '  ExecutionRole:',
  '    Type: AWS::IAM::Role',
  '    Properties:',
  '      AssumeRolePolicyDocument:',
  "        Version: '2012-10-17'",
  '        Statement:',
  '          - Effect: Allow',
  '            Principal:',
  '              Service: ecs-tasks.amazonaws.com',
  '            Action: sts:AssumeRole',
  '      ManagedPolicyArns:',
  '        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
];

const createGroupPolicy = [
  '      Policies:',
  '        - PolicyName: create-log-group',
  '          PolicyDocument:',
  "            Version: '2012-10-17'",
  '            Statement:',
  '              - Effect: Allow',
  '                Action: logs:CreateLogGroup',
  "                Resource: '*'",
];

function taskDefinition(logicalId: string, options: { taskRole?: boolean; group?: string } = {}): string[] {
  const group = options.group ?? '/ecs/web';
  return [
    `  ${logicalId}:`,
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    `      Family: ${logicalId.toLowerCase()}`,
    '      RequiresCompatibilities: [FARGATE]',
    '      NetworkMode: awsvpc',
    "      Cpu: '256'",
    "      Memory: '512'",
    '      ExecutionRoleArn: !GetAtt ExecutionRole.Arn',
    ...(options.taskRole ? ['      TaskRoleArn: !GetAtt TaskRole.Arn'] : []),
    '      ContainerDefinitions:',
    '        - Name: web',
    '          Image: public.ecr.aws/nginx/nginx:1.27',
    '          LogConfiguration:',
    '            LogDriver: awslogs',
    '            Options:',
    `              awslogs-group: ${group}`,
    '              awslogs-region: eu-west-1',
    '              awslogs-stream-prefix: web',
    "              awslogs-create-group: 'true'",
  ];
}

export interface ServiceTemplateOptions {
  /** Grant logs:CreateLogGroup (fixes awslogs-create-group-permission). */
  createGroupGranted?: boolean;
  /** Add a task role that trusts ecs.amazonaws.com instead of ecs-tasks (an ecs-tasks-trust finding). */
  wrongTaskRoleTrust?: boolean;
  /** Extra lines in the Description, to move everything below down. */
  description?: string;
}

/**
 * A Fargate service template whose execution role lacks logs:CreateLogGroup although the container sets
 * awslogs-create-group "true": an awslogs-create-group-permission error on the task definition.
 */
export function buildServiceTemplate(options: ServiceTemplateOptions = {}): string {
  const taskRole = options.wrongTaskRoleTrust === undefined
    ? []
    : [
      '',
      '  TaskRole:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument:',
      "        Version: '2012-10-17'",
      '        Statement:',
      '          - Effect: Allow',
      '            Principal:',
      `              Service: ${options.wrongTaskRoleTrust ? 'ecs.amazonaws.com' : 'ecs-tasks.amazonaws.com'}`,
      '            Action: sts:AssumeRole',
    ];
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    `Description: ${options.description ?? 'A Fargate web service.'}`,
    'Resources:',
    '  LogGroup:',
    '    Type: AWS::Logs::LogGroup',
    '    Properties:',
    '      LogGroupName: /ecs/web',
    '      RetentionInDays: 14',
    '',
    ...executionRole,
    ...(options.createGroupGranted ? createGroupPolicy : []),
    ...taskRole,
    '',
    ...taskDefinition('TaskDefinition', { taskRole: options.wrongTaskRoleTrust !== undefined }),
    '',
  ].join('\n');
}

/** One execution role without logs:CreateLogGroup and `count` task definitions that need it: `count` findings. */
export function buildManyTaskDefinitionsTemplate(count: number): string {
  const lines = ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:', ...executionRole];
  for (let index = 0; index < count; index++) lines.push('', ...taskDefinition(`Task${index}`, { group: `/ecs/task-${index}` }));
  return `${lines.join('\n')}\n`;
}

/** Roles in their own file, as teams share them: `orders-execution`, with or without logs:CreateLogGroup. */
export function buildRolesTemplate(options: { createGroupGranted: boolean }): string {
  return [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  OrdersExecutionRole:',
    '    Type: AWS::IAM::Role',
    '    Properties:',
    '      RoleName: orders-execution',
    '      AssumeRolePolicyDocument:',
    "        Version: '2012-10-17'",
    '        Statement:',
    '          - Effect: Allow',
    '            Principal:',
    '              Service: ecs-tasks.amazonaws.com',
    '            Action: sts:AssumeRole',
    '      ManagedPolicyArns:',
    '        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
    ...(options.createGroupGranted
      ? [
        '      Policies:',
        '        - PolicyName: create-log-group',
        '          PolicyDocument:',
        "            Version: '2012-10-17'",
        '            Statement:',
        '              - Effect: Allow',
        '                Action: logs:CreateLogGroup',
        "                Resource: '*'",
      ]
      : []),
    '',
  ].join('\n');
}

/** A register-task-definition JSON that uses `orders-execution` with awslogs-create-group "true". */
export const ordersTaskDefinition = `${JSON.stringify({
  family: 'orders',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  executionRoleArn: 'arn:aws:iam::123456789012:role/orders-execution',
  containerDefinitions: [{
    name: 'orders',
    image: 'public.ecr.aws/nginx/nginx:1.27',
    logConfiguration: {
      logDriver: 'awslogs',
      options: {
        'awslogs-group': '/ecs/orders',
        'awslogs-region': 'eu-west-1',
        'awslogs-stream-prefix': 'orders',
        'awslogs-create-group': 'true',
      },
    },
  }],
}, null, 2)}\n`;

/** The suggestion block of a comment body: its content, or undefined when the comment has none. */
export function extractSuggestion(body: string): string | undefined {
  const lines = body.split('\n');
  const start = lines.findIndex((line) => /^`{3,}suggestion$/.test(line));
  if (start < 0) return undefined;
  const fence = lines[start].slice(0, -'suggestion'.length);
  const end = lines.indexOf(fence, start + 1);
  return lines.slice(start + 1, end).join('\n');
}

/** What committing a suggestion does: lines startLine..line of `text` become `suggestion`. */
export function applySuggestionToText(text: string, startLine: number, endLine: number, suggestion: string): string {
  const lines = text.split('\n');
  lines.splice(startLine - 1, endLine - startLine + 1, ...(suggestion === '' ? [] : suggestion.split('\n')));
  return lines.join('\n');
}
