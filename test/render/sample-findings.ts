// Hand-built findings over a small template and task definition, with fixes whose edits are real offsets.
import type { Finding } from '../../src/core/finding.js';
import { SourceFile } from '../../src/core/text/source-file.js';

export const templateText = [
  "AWSTemplateFormatVersion: '2010-09-09'",
  'Resources:',
  '  ExecRole:',
  '    Type: AWS::IAM::Role',
  '    Properties:',
  '      ManagedPolicyArns:',
  '        - arn:aws:iam::aws:policy/ReadOnlyAccess',
  '  TaskDef:',
  '    Type: AWS::ECS::TaskDefinition',
  '    Properties:',
  '      ExecutionRoleArn: !GetAtt ExecRole.Arn',
  '',
].join('\n');

export const taskDefinitionText = '{\n  "family": "web",\n  "taskRoleArn": "arn:aws:iam::123456789012:role/app"\n}\n';

export function sampleFiles(): Map<string, SourceFile> {
  return new Map([
    ['infra/template.yaml', new SourceFile('infra/template.yaml', templateText)],
    ['tasks/web.json', new SourceFile('tasks/web.json', taskDefinitionText)],
  ]);
}

const execRoleRef = '!GetAtt ExecRole.Arn';
const insertAt = templateText.indexOf('  TaskDef:');
export const addedPolicyLine = '        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy\n';

/** An error on line 11 whose fix inserts one line after line 7. */
export function executionRoleFinding(): Finding {
  const start = templateText.indexOf(execRoleRef);
  return {
    ruleId: 'execution-role-permissions',
    severity: 'error',
    message: 'ExecRole cannot pull the image: it lacks ecr:GetAuthorizationToken.',
    messageId: 'missing:ExecRole:ecr:GetAuthorizationToken',
    path: 'infra/template.yaml',
    startOffset: start,
    endOffset: start + execRoleRef.length,
    nodePath: ['Resources', 'TaskDef', 'Properties', 'ExecutionRoleArn'],
    fixes: [{
      title: 'Attach AmazonECSTaskExecutionRolePolicy to ExecRole',
      edits: [{ path: 'infra/template.yaml', startOffset: insertAt, endOffset: insertAt, newText: addedPolicyLine }],
    }],
  };
}

/** A warning in the task definition whose fix edits both files. */
export function crossFileFinding(): Finding {
  const roleValue = '"arn:aws:iam::123456789012:role/app"';
  const start = taskDefinitionText.indexOf(roleValue);
  const familyStart = taskDefinitionText.indexOf('"web"');
  const readOnly = templateText.indexOf('ReadOnlyAccess');
  return {
    ruleId: 'task-role-missing',
    severity: 'warning',
    message: 'Role app is not defined in any template.',
    messageId: 'undefined:app',
    path: 'tasks/web.json',
    startOffset: start,
    endOffset: start + roleValue.length,
    nodePath: ['taskRoleArn'],
    fixes: [{
      title: 'Rename',
      edits: [
        { path: 'tasks/web.json', startOffset: familyStart, endOffset: familyStart + 5, newText: '"api"' },
        { path: 'infra/template.yaml', startOffset: readOnly, endOffset: readOnly + 'ReadOnlyAccess'.length, newText: 'PowerUserAccess' },
      ],
    }],
  };
}

/** A notice without a fix whose message carries characters every output must escape. */
export function hostileFinding(): Finding {
  return {
    ruleId: 'role-not-verifiable',
    severity: 'notice',
    message: 'Role `x` @octocat <details>[click](https://evil.example) 100%, a:b\nsecond line | pipe',
    messageId: 'unverifiable:x',
    path: 'infra/template.yaml',
    startOffset: templateText.indexOf('ExecRole:'),
    endOffset: templateText.indexOf('ExecRole:') + 'ExecRole'.length,
    nodePath: ['Resources', 'ExecRole'],
    fixes: [],
  };
}
