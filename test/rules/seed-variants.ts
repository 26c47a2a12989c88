/**
 * Variants of the seed setup that the role rules (trust, instance profile, agent and execution-role
 * permissions, service role, ARN form) must all leave alone: every way the seed is commonly written.
 */
import { readFileSync } from 'node:fs';
import type { RuleCase } from '../rule-tester.js';
import { seedFiles } from './cfn-snippets.js';

const dir = new URL('../fixtures/rules/seed-variants/', import.meta.url);

function fixture(name: string): string {
  return readFileSync(new URL(name, dir), 'utf8');
}

const webRoles = fixture('web-roles.yaml');

/** Clean cases, one per variant, for a rule's `valid` list. */
export const seedCases: RuleCase[] = [
  { name: 'the seed setup (launch template by Arn, managed policy through !Sub, Fargate execution role) is linted', files: seedFiles },
  {
    name: 'the seed uses a literal arn:aws: managed policy ARN and a launch template naming the profile with {Name: !Ref Profile}',
    files: { 'infra/shop.yaml': fixture('ec2-literal-arn.yaml') },
  },
  {
    name: 'the seed uses a launch configuration (IamInstanceProfile: !Ref Profile) behind a capacity provider',
    files: { 'infra/orders.yaml': fixture('ec2-launch-configuration.yaml') },
  },
  { name: 'the seed is a JSON template in long form ({"Fn::Sub": ...}, {"Fn::GetAtt": [...]})', files: { 'infra/cluster.json': fixture('ec2-cluster.json') } },
  {
    name: 'the seed task definition is register-task-definition JSON whose roles are defined by name in a template',
    files: { 'infra/web-roles.yaml': webRoles, 'task-definitions/web.json': fixture('web.register.json') },
  },
  {
    name: 'the seed task definition is describe-task-definition output (taskDefinition wrapper)',
    files: { 'infra/web-roles.yaml': webRoles, 'task-definitions/web.describe.json': fixture('web.describe.json') },
  },
];
