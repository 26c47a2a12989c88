/** role-not-verifiable: a check needed the policies of a role defined outside the repository. */
import type { DocNode } from '../parse/node.js';
import type { Report, Rule } from './rule.js';

export interface UnverifiableNote {
  roleText: string;
  path: string;
  node: DocNode;
  neededFor: string;
}

export const roleNotVerifiable: Rule = {
  meta: {
    id: 'role-not-verifiable',
    defaultSeverity: 'notice',
    description: 'A rule needs the policies of a role defined outside the repository; declare it in config to have it checked.',
    requirements: [],
    fixable: false,
  },
  // The engine collects notes from the other rules and calls buildUnverifiableFindings once.
  check() {},
};

/** One finding per external role, at its first use, listing every check that needed it. */
export function buildUnverifiableFindings(notes: readonly UnverifiableNote[]): Report[] {
  const byRole = new Map<string, UnverifiableNote[]>();
  for (const note of notes) {
    // An ARN, a name or an import is one role wherever it is used; a template parameter is one per template.
    const key = /^\$\{[^}:]+\}$/.test(note.roleText) ? `${note.path}\u0000${note.roleText}` : note.roleText;
    const list = byRole.get(key) ?? [];
    list.push(note);
    byRole.set(key, list);
  }
  const reports: Report[] = [];
  for (const list of byRole.values()) {
    const first = list[0];
    const roleText = first.roleText;
    const needs = [...new Set(list.map((n) => n.neededFor))];
    reports.push({
      path: first.path,
      node: first.node,
      message:
        `Role ${describeRole(roleText)} is defined outside the repository, so ${joinList(needs)} could not be verified; ` +
        `declare it under external-roles in .github/ecs-iam-lint.yml (its trust and managed policies) to have it checked.`,
      messageId: `external:${roleText}`,
    });
  }
  return reports;
}

function describeRole(text: string): string {
  if (text.startsWith('${ImportValue:')) return `imported from export ${text.slice(14, -1)}`;
  if (text === '${?}') return 'given by an unresolved value';
  if (/^\$\{[^}]+\}$/.test(text)) return `given by parameter ${text.slice(2, -1)}`;
  return `'${text}'`;
}

export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
