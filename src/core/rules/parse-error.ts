/** parse-error: a file that looks like a template or task definition cannot be parsed. */
import type { Rule } from './rule.js';

export const parseError: Rule = {
  meta: {
    id: 'parse-error',
    defaultSeverity: 'error',
    description: 'A CloudFormation template or task definition cannot be parsed, so nothing in it can be checked.',
    requirements: [],
    fixable: false,
  },
  check({ repo, report }) {
    for (const file of repo.files) {
      if (!file.error) continue;
      report({
        path: file.source.path,
        node: { kind: 'scalar', value: null, style: 'plain', startOffset: file.error.startOffset, endOffset: file.error.endOffset },
        message: `Cannot parse ${file.kind === 'task-definition' ? 'task definition' : 'template'}: ${file.error.message}.`.replace(/\.\.$/, '.'),
        messageId: 'parse',
      });
    }
  },
};
