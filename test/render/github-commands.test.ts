import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeData, escapeProperty, renderWorkflowCommands } from '../../src/render/github-commands.js';
import { crossFileFinding, executionRoleFinding, hostileFinding, sampleFiles, templateText } from './sample-findings.js';

test('writes one command per finding, named after its severity, with the rule in the title', () => {
  assert.equal(
    renderWorkflowCommands([executionRoleFinding(), crossFileFinding(), hostileFinding()], sampleFiles()),
    '::error file=infra/template.yaml,line=11,col=25,endLine=11,endColumn=45,title=ecs-iam-lint (execution-role-permissions)::' +
      'ExecRole cannot pull the image: it lacks ecr:GetAuthorizationToken.\n' +
      '::warning file=tasks/web.json,line=3,col=18,endLine=3,endColumn=54,title=ecs-iam-lint (task-role-missing)::' +
      'Role app is not defined in any template.\n' +
      '::notice file=infra/template.yaml,line=3,col=3,endLine=3,endColumn=11,title=ecs-iam-lint (role-not-verifiable)::' +
      'Role `x` @octocat <details>[click](https://evil.example) 100%25, a:b%0Asecond line | pipe\n',
  );
});

test('leaves out columns for a range over several lines, ending it on the line before a trailing break', () => {
  const finding = executionRoleFinding();
  finding.startOffset = templateText.indexOf('  ExecRole:');
  finding.endOffset = templateText.indexOf('  TaskDef:');
  assert.equal(
    renderWorkflowCommands([finding], sampleFiles()),
    '::error file=infra/template.yaml,line=3,endLine=7,title=ecs-iam-lint (execution-role-permissions)::' +
      'ExecRole cannot pull the image: it lacks ecr:GetAuthorizationToken.\n',
  );
});

test('escapes properties and data the way the runner decodes them', () => {
  assert.equal(escapeData('100% done\r\nnext: a,b'), '100%25 done%0D%0Anext: a,b');
  assert.equal(escapeProperty('dir,1/a:b%\n.yaml'), 'dir%2C1/a%3Ab%25%0A.yaml');
  const finding = { ...executionRoleFinding(), path: 'odd,name:x.yaml' };
  const files = new Map([['odd,name:x.yaml', sampleFiles().get('infra/template.yaml')!]]);
  assert.match(renderWorkflowCommands([finding], files), /^::error file=odd%2Cname%3Ax\.yaml,line=11,/);
});

test('is empty without findings', () => {
  assert.equal(renderWorkflowCommands([], sampleFiles()), '');
});
