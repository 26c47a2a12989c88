import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderText, sanitizeForTerminal } from '../../src/render/text.js';
import { crossFileFinding, executionRoleFinding, hostileFinding, sampleFiles } from './sample-findings.js';

test('prints location, severity, rule and message, then the first fix indented with its diff, then the counts', () => {
  assert.equal(
    renderText([executionRoleFinding(), hostileFinding()], sampleFiles(), { color: false }),
    [
      'infra/template.yaml:11:25  error  execution-role-permissions  ExecRole cannot pull the image: it lacks ecr:GetAuthorizationToken.',
      '  fix: Attach AmazonECSTaskExecutionRolePolicy to ExecRole',
      '  --- a/infra/template.yaml',
      '  +++ b/infra/template.yaml',
      '  @@ -6,4 +6,5 @@',
      '         ManagedPolicyArns:',
      '           - arn:aws:iam::aws:policy/ReadOnlyAccess',
      '  +        - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
      '     TaskDef:',
      '       Type: AWS::ECS::TaskDefinition',
      '',
      'infra/template.yaml:3:3  notice  role-not-verifiable  Role `x` @octocat <details>[click](https://evil.example) 100%, a:b\\x0asecond line | pipe',
      '',
      '1 error, 0 warnings, 1 notice',
      '',
    ].join('\n'),
  );
});

test('says "no findings" when there are none', () => {
  assert.equal(renderText([], sampleFiles(), { color: false }), 'no findings\n');
});

test('pluralises the counts', () => {
  const output = renderText([executionRoleFinding(), executionRoleFinding(), crossFileFinding()], sampleFiles(), { color: false });
  assert.match(output, /\n2 errors, 1 warning, 0 notices\n$/);
});

test('colors only when asked to', () => {
  const plain = renderText([executionRoleFinding()], sampleFiles(), { color: false });
  const colored = renderText([executionRoleFinding()], sampleFiles(), { color: true });
  assert.doesNotMatch(plain, /\x1b/);
  assert.match(colored, /\x1b\[31merror\x1b\[0m/);
  assert.match(colored, /\x1b\[32m\+ {8}- arn:aws:iam::aws:policy\/service-role/);
  assert.equal(colored.replace(/\x1b\[\d+m/g, ''), plain);
});

test('maps paths for display when given cwdRelative', () => {
  const output = renderText([executionRoleFinding()], sampleFiles(), { color: false, cwdRelative: (path) => `../${path}` });
  assert.match(output, /^\.\.\/infra\/template\.yaml:11:25 {2}error/);
});

test('still reports a finding whose fix is malformed', () => {
  const finding = executionRoleFinding();
  finding.fixes[0].edits[0].endOffset = 1_000_000;
  const output = renderText([finding], sampleFiles(), { color: false });
  assert.match(output, /^infra\/template\.yaml:11:25 {2}error/);
  assert.match(output, /\n {2}\(the patch cannot be shown: edit \[\d+, 1000000\) is outside infra\/template\.yaml/);
});

test('shows escape sequences and bidi overrides from file content instead of sending them to the terminal', () => {
  assert.equal(sanitizeForTerminal('a\x1b[2Jb\u202ec\td'), 'a\\x1b[2Jb\\u202ec\td');
});
