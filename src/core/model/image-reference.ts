/**
 * Private ECR image URIs in every partition, FIPS and dual-stack, literal or written with Sub tokens,
 * and the repository ARN a role must be granted to pull them (requirements.md §4.1).
 */

/** One `${...}` Sub token: a pseudo parameter, a parameter or a resource attribute. */
const token = String.raw`\$\{[^}]+\}`;
const tokenPattern = new RegExp(token);
const leadingTokenPattern = new RegExp(`^${token}`);

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function hasToken(text: string): boolean {
  return tokenPattern.test(text);
}

/** Partitions by region prefix (botocore partitions.json); the DNS suffix alone can't tell GovCloud from aws. */
function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

export interface EcrImage {
  /** 12-digit registry (account) ID, or a token such as `${AWS::AccountId}`. */
  registryId: string;
  region: string;
  /**
   * ARN partition: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso-b`..., or `${AWS::Partition}` when tokens hide
   * it: a token region with a token suffix, or with amazonaws.com / on.aws, which GovCloud shares.
   */
  partition: string;
  /** DNS suffix after the region: `amazonaws.com`, `on.aws`, `${AWS::URLSuffix}`... */
  dnsSuffix: string;
  repository: string;
  tag?: string;
  digest?: string;
  dualStack: boolean;
  fips: boolean;
}

const regionPattern = String.raw`[a-z]{2,4}(?:-[a-z]+)+-\d+`;

// IPv4 and dual-stack DNS suffixes with their partitions (S8 partitions.json, S11, and the ECS agent's
// ECRImagePattern / ECRDualStackImagePattern). EUSC dual-stack is listed by analogy as
// `on.amazonwebservices.eu`; the agent's comment shows it without `on.`, so both are accepted.
const ipv4Suffixes: Record<string, string> = {
  'amazonaws.com': 'aws',
  'amazonaws.com.cn': 'aws-cn',
  'amazonaws.eu': 'aws-eusc',
  'c2s.ic.gov': 'aws-iso',
  'sc2s.sgov.gov': 'aws-iso-b',
  'cloud.adc-e.uk': 'aws-iso-e',
  'csp.hci.ic.gov': 'aws-iso-f',
};
const dualStackSuffixes: Record<string, string> = {
  'on.aws': 'aws',
  'on.amazonwebservices.com.cn': 'aws-cn',
  'on.amazonwebservices.eu': 'aws-eusc',
  'amazonwebservices.eu': 'aws-eusc',
  'on.aws.ic.gov': 'aws-iso',
  'on.aws.scloud': 'aws-iso-b',
  'on.cloud-aws.adc-e.uk': 'aws-iso-e',
  'on.aws.hci.ic.gov': 'aws-iso-f',
};

function alternatives(suffixes: Record<string, string>): string {
  // Longest first, so that `on.aws.ic.gov` is not cut short at `on.aws`.
  return Object.keys(suffixes)
    .sort((a, b) => b.length - a.length)
    .map(escapeForPattern)
    .join('|');
}

// The ECR API's RepositoryName pattern, one or more `/`-separated components.
const repositoryComponent = String.raw`[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*`;
const repositoryPattern = String.raw`${repositoryComponent}(?:/${repositoryComponent})*`;
const tagPattern = String.raw`[A-Za-z0-9_][A-Za-z0-9_.#-]{0,299}`;
const digestPattern = String.raw`sha256:[A-Fa-f0-9]{64}`;

function ecrHostPattern(registry: string, region: string, ipv4Suffix: string): string {
  return (
    String.raw`(?<registry>${registry})\.(?:` +
    String.raw`dkr\.ecr(?<fips>-fips)?\.(?<region>${region})\.(?<suffix>${ipv4Suffix})` +
    String.raw`|dkr-ecr(?<dsFips>-fips)?\.(?<dsRegion>${region})\.(?<dsSuffix>${alternatives(dualStackSuffixes)}))`
  );
}

const ecrImagePattern = new RegExp(
  '^' +
    ecrHostPattern(String.raw`\d{12}`, regionPattern, alternatives(ipv4Suffixes)) +
    String.raw`/(?<repo>${repositoryPattern})(?::(?<tag>${tagPattern}))?(?:@(?<digest>${digestPattern}))?$`,
);

// Template form: any component may be a token, and a token may stand for part of a repository or tag.
const ecrImageTemplatePattern = new RegExp(
  '^' +
    ecrHostPattern(String.raw`\d{12}|${token}`, `${regionPattern}|${token}`, `${alternatives(ipv4Suffixes)}|${token}`) +
    String.raw`/(?<repo>(?:[a-z0-9]|${token})(?:[a-z0-9._/-]|${token})*)` +
    String.raw`(?::(?<tag>(?:[A-Za-z0-9_.#-]|${token})+))?(?:@(?<digest>${digestPattern}|${token}))?$`,
);

function toEcrImage(groups: Record<string, string | undefined>): EcrImage {
  const dualStack = groups.dsRegion !== undefined;
  const region = (dualStack ? groups.dsRegion : groups.region)!;
  const dnsSuffix = (dualStack ? groups.dsSuffix : groups.suffix)!;
  const image: EcrImage = {
    registryId: groups.registry!,
    region,
    partition: partitionOfEcrHost(region, dnsSuffix, dualStack),
    dnsSuffix,
    repository: groups.repo!,
    dualStack,
    fips: (dualStack ? groups.dsFips : groups.fips) !== undefined,
  };
  if (groups.tag !== undefined) image.tag = groups.tag;
  if (groups.digest !== undefined) image.digest = groups.digest;
  return image;
}

function partitionOfEcrHost(region: string, dnsSuffix: string, dualStack: boolean): string {
  const fromSuffix = (dualStack ? dualStackSuffixes : ipv4Suffixes)[dnsSuffix];
  if (fromSuffix === undefined) {
    // A token suffix (`${AWS::URLSuffix}`): a literal region still tells the partition, because the
    // host only resolves when the two agree.
    return hasToken(region) ? '${AWS::Partition}' : partitionOfRegion(region);
  }
  if (fromSuffix !== 'aws') return fromSuffix;
  // GovCloud shares amazonaws.com and on.aws with the commercial partition, so the region decides.
  return hasToken(region) ? '${AWS::Partition}' : partitionOfRegion(region);
}

/** A literal private ECR image URI, in any partition, FIPS or dual-stack; undefined for anything else. */
export function parseEcrImage(image: string): EcrImage | undefined {
  const groups = ecrImagePattern.exec(image.trim())?.groups;
  return groups ? toEcrImage(groups) : undefined;
}

/**
 * Like parseEcrImage, but the URI may be written with Sub tokens, as in
 * `${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/app:${Tag}`; tokens are kept in the fields.
 */
export function parseEcrImageTemplate(image: string): EcrImage | undefined {
  const literal = parseEcrImage(image);
  if (literal) return literal;
  const groups = ecrImageTemplatePattern.exec(image.trim())?.groups;
  return groups ? toEcrImage(groups) : undefined;
}

export type ImageRegistryKind = 'ecr-private' | 'ecr-public' | 'other-registry' | 'docker-hub' | 'unknown';

const ecrHostOnlyPattern = new RegExp(
  '^' + ecrHostPattern(String.raw`\d{12}|${token}`, `${regionPattern}|${token}`, `${alternatives(ipv4Suffixes)}|${token}`) + '$',
);
const dockerHubHosts = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/**
 * Which kind of registry an image comes from, which decides whether pulling it needs IAM (only
 * `ecr-private` does). `unknown` when the registry is a token (`${ImageUri}`, `${Repo.RepositoryUri}:tag`):
 * the caller resolves the token against the template, e.g. an `AWS::ECR::Repository` attribute.
 * An image on an ECR host whose repository or tag is malformed is still `ecr-private`.
 */
export function classifyImage(image: string): ImageRegistryKind {
  const text = image.trim();
  if (text === '') return 'unknown';
  const slash = text.indexOf('/');
  const first = slash < 0 ? '' : text.slice(0, slash);
  if (first !== '' && ecrHostOnlyPattern.test(first)) return 'ecr-private';
  if (leadingTokenPattern.test(text)) return 'unknown';
  // Docker's rule: the first component names a registry only if it has a dot or a port, or is localhost.
  if (!(first.includes('.') || first.includes(':') || first === 'localhost' || hasToken(first))) return 'docker-hub';
  if (hasToken(first)) return 'unknown';
  const host = first.toLowerCase();
  if (host === 'public.ecr.aws') return 'ecr-public';
  if (dockerHubHosts.has(host)) return 'docker-hub';
  return 'other-registry';
}

/** The IAM resource for pulling the image: `arn:<partition>:ecr:<region>:<registry>:repository/<repo>`. */
export function ecrRepositoryArn(image: EcrImage): string {
  return `arn:${image.partition}:ecr:${image.region}:${image.registryId}:repository/${image.repository}`;
}
