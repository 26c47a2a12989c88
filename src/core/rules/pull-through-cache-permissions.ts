/** pull-through-cache-permissions: an image behind an ECR pull-through cache rule needs ecr:BatchImportUpstreamImage in the role that pulls it (R8). */
import type { Fix } from '../finding.js';
import type { EcrImage } from '../model/image-reference.js';
import { parseEcrImageTemplate } from '../model/image-reference.js';
import type { Repository } from '../model/repository.js';
import { resolveStrings } from '../model/resolve.js';
import { resourceName } from '../model/resolve.js';
import { resourcesOfType } from '../model/template.js';
import { getValue } from '../parse/node.js';
import type { LintConfig } from '../config.js';
import { agentCredentialSource, describeSource } from './credential-sources.js';
import { capitalize } from './ecr-pull-permissions.js';
import { buildAddPermissionsFix } from './fix-builders.js';
import { checkRoleGrants } from './role-grants.js';
import { uncertainGrantReason } from './role-under-conditions.js';
import type { Rule } from './rule.js';
import { privateEcrImages } from './task-needs.js';

interface CacheRule {
  /** The prefix as ECR reads it, without the implied trailing `/`; `ROOT` for the whole registry. */
  prefix: string;
  logicalId: string;
  path: string;
}

export const pullThroughCachePermissions: Rule = {
  meta: {
    id: 'pull-through-cache-permissions',
    defaultSeverity: 'warning',
    description:
      'An image behind an ECR pull-through cache rule defined in the repository needs ecr:BatchImportUpstreamImage (and, the first time, ecr:CreateRepository) in the role that pulls it, unless the registry policy grants them.',
    requirements: ['R8'],
    fixable: true,
  },
  check({ repo, config, report, noteUnverifiable }) {
    const rules = cacheRules(repo);
    if (rules.length === 0) return;
    const plainRepositories = definedRepositoryNames(repo);
    for (const task of repo.taskDefinitions) {
      const images = privateEcrImages(task).flatMap((need) => {
        const image = parseEcrImageTemplate(need.image);
        const rule = image && matchingRule(rules, image, plainRepositories, config);
        return image && rule ? [{ need, image, rule }] : [];
      });
      if (images.length === 0) continue;
      const source = agentCredentialSource(repo, task);
      if (!source) continue; // execution-role-required (or no visible instance role) covers it
      for (const text of source.externalRoles) noteUnverifiable(text, { path: task.path, node: images[0].need.node }, 'pull-through cache permissions');
      for (const { need, image, rule } of images) {
        for (const role of source.roles) {
          const [grant] = checkRoleGrants(role, ['ecr:BatchImportUpstreamImage'], [need.repositoryArn], config);
          if (grant.state === 'yes') continue;
          const fixes: Fix[] = [];
          if (!grant.denyingStatement) {
            const fix = buildAddPermissionsFix(
              repo,
              role,
              { actions: ['ecr:BatchImportUpstreamImage', 'ecr:CreateRepository'], resources: [cacheGrantArn(image, rule)], policyName: 'pull-through-cache' },
              `Allow ${role.label} to fill the ${rule.prefix} pull-through cache`,
            );
            if (fix) fixes.push(fix);
          }
          report({
            path: task.path,
            node: need.node,
            message:
              `${capitalize(describeSource(source, role))} of task definition ${task.label} ${grant.state === 'no' ? 'does not allow' : 'may not allow'} ecr:BatchImportUpstreamImage ` +
              `on ${image.repository}, which pull-through cache rule ${rule.logicalId} (prefix ${rule.prefix}) fills from upstream` +
              `${grant.state === 'no' ? '' : ` (${uncertainGrantReason(role, 'ecr:BatchImportUpstreamImage')})`}; ` +
              `the first pull fails unless the ECR registry permissions policy, which the linter cannot see, grants it (ecr:CreateRepository too while the cache repository does not exist yet).`,
            messageId: `missing:${role.id}:${need.repositoryArn}`,
            relatedPaths: [...new Set([role.path, rule.path])],
            fixes,
          });
        }
      }
    }
  },
};

function cacheRules(repo: Repository): CacheRule[] {
  const rules: CacheRule[] = [];
  for (const template of repo.templates) {
    for (const resource of resourcesOfType(template, 'AWS::ECR::PullThroughCacheRule')) {
      for (const prefix of resolveStrings({ template }, getValue(resource.properties, 'EcrRepositoryPrefix'))) {
        // A prefix from a parameter cannot be compared with image names.
        if (prefix.includes('${')) continue;
        rules.push({ prefix: prefix.replace(/\/+$/, ''), logicalId: resource.logicalId, path: template.path });
      }
    }
  }
  return rules;
}

/** Repository names the repository creates itself: those are ordinary repositories, not cache ones. */
function definedRepositoryNames(repo: Repository): Set<string> {
  const names = new Set<string>();
  for (const template of repo.templates) {
    for (const resource of resourcesOfType(template, 'AWS::ECR::Repository')) names.add(resourceName({ template }, resource));
  }
  return names;
}

/**
 * The rule whose prefix the image's repository starts with (ECR adds the `/`); `ROOT` covers every
 * repository no other rule claims. The registry must be the stack's own (a token) or the configured account.
 */
function matchingRule(rules: CacheRule[], image: EcrImage, plainRepositories: Set<string>, config: Pick<LintConfig, 'account'>): CacheRule | undefined {
  if (/^\d{12}$/.test(image.registryId) && config.account && config.account !== image.registryId) return undefined;
  const byPrefix = rules.find((rule) => rule.prefix !== 'ROOT' && image.repository.startsWith(`${rule.prefix}/`));
  if (byPrefix) return byPrefix;
  if (plainRepositories.has(image.repository)) return undefined;
  return rules.find((rule) => rule.prefix === 'ROOT');
}

/** The grant AWS's pull-through cache policy example uses: every repository under the prefix. */
function cacheGrantArn(image: EcrImage, rule: CacheRule): string {
  const repository = rule.prefix === 'ROOT' ? image.repository : `${rule.prefix}/*`;
  return `arn:${image.partition}:ecr:${image.region}:${image.registryId}:repository/${repository}`;
}
