/**
 * Classification of `ValueFrom` and `CredentialsParameter` values into Secrets Manager secrets and SSM
 * parameters, with the IAM resource each one needs (requirements.md §4.2). Values may contain Sub
 * tokens, which are kept in the ARNs returned.
 */

/** One `${...}` Sub token: a pseudo parameter, a parameter or a resource attribute. */
const token = String.raw`\$\{[^}]+\}`;
const leadingTokenPattern = new RegExp(`^${token}`);

/** Where a bare name or pseudo-parameter-built ARN is resolved; tokens stand in for what is not given. */
export interface ReferenceContext {
  region?: string;
  account?: string;
  partition?: string;
  /**
   * What a value without `arn:` names. `ssm` for container `Secrets` and log `SecretOptions` (the
   * default); `secretsmanager` for `RepositoryCredentials.CredentialsParameter`, where a bare name is
   * a secret in the task's region (S8).
   */
  bareNameKind?: 'ssm' | 'secretsmanager';
}

export interface SecretsManagerReference {
  kind: 'secretsmanager';
  /** The secret's ARN without the ECS `:json-key:version-stage:version-id` suffix: the IAM resource. */
  secretArn: string;
  /** Secret name, without the random suffix when hasRandomSuffix is true. */
  name: string;
  /**
   * Whether the ARN ends in the 6-character suffix Secrets Manager appends (`-AbCdEf`). `unknown` when
   * the name ends in something suffix-shaped that could be part of the name (`db-master`) or in a token.
   */
  hasRandomSuffix: boolean | 'unknown';
  partition: string;
  region: string;
  account: string;
  jsonKey?: string;
  versionStage?: string;
  versionId?: string;
  /** Given as a bare secret name (CredentialsParameter), not an ARN. */
  bareName: boolean;
}

export interface SsmParameterReference {
  kind: 'ssm';
  /** `arn:<p>:ssm:<region>:<account>:parameter/<name-without-leading-slash>`: the IAM resource. */
  parameterArn: string;
  /** Parameter name as written: `/app/db` or `db-pass` for a bare name, the part after `parameter/` for an ARN. */
  name: string;
  /** Given as a name, valid only in the task's region. */
  bareName: boolean;
  partition: string;
  region: string;
  account: string;
  /** Under `/aws/reference/secretsmanager/`: the task also needs secretsmanager:GetSecretValue (R12). */
  referencesSecretsManager: boolean;
  /** The secret such a parameter reads, in the parameter's partition, region and account. */
  referencedSecret?: SecretsManagerReference;
  /** Written `…:parameter:/name`, a typo from one ECS docs page and not a valid ARN (flag it). */
  malformedColonForm: boolean;
}

export type SecretReference =
  | SecretsManagerReference
  | SsmParameterReference
  | { kind: 'invalid'; reason: string }
  /** Starts with a token (`${DbSecret}`), so the service can't be told without resolving it. */
  | { kind: 'unknown'; reason: string };

const partitionOrToken = String.raw`aws(?:-cn|-us-gov|-eusc|-iso(?:-[bef])?)?|${token}`;
const regionOrToken = String.raw`[a-z0-9-]+|${token}`;
const accountOrToken = String.raw`\d{12}|${token}`;

const secretsManagerArnPattern = new RegExp(
  String.raw`^arn:(?<partition>${partitionOrToken}):secretsmanager:(?<region>${regionOrToken}):(?<account>${accountOrToken}):secret:` +
    String.raw`(?<name>(?:[A-Za-z0-9/_+=.@-]|${token})+?)(?<suffix>-[A-Za-z0-9]{6})?` +
    String.raw`(?::(?<jsonKey>[^:]*):(?<versionStage>[^:]*):(?<versionId>[^:]*))?$`,
);

// `parameter:` is the docs typo; the name may start with `/` only after it.
const ssmParameterArnPattern = new RegExp(
  String.raw`^arn:(?<partition>aws[a-z-]*|${token}):ssm:(?<region>${regionOrToken}):(?<account>${accountOrToken}):` +
    String.raw`parameter(?<separator>[/:])(?<name>(?:[A-Za-z0-9_.\-/]|${token})+)$`,
);

const ssmNamePattern = new RegExp(String.raw`^/?(?:[A-Za-z0-9_.\-]|${token})+(?:/(?:[A-Za-z0-9_.\-]|${token})+)*$`);
const secretNamePattern = new RegExp(String.raw`^(?:[A-Za-z0-9/_+=.@-]|${token})+$`);

// Tokens such as `${AWS::Partition}` contain colons, so the service can't be found by splitting.
const arnServicePattern = new RegExp(String.raw`^arn:(?:${token}|[^:]*):(?<service>[^:]*):`);

const secretsManagerReferencePrefix = '/aws/reference/secretsmanager/';

/**
 * A random suffix is six letters and digits; a name can end the same way (`db-master`), so only a
 * suffix with both cases that isn't a capitalised word counts as random.
 */
function judgeRandomSuffix(suffix: string | undefined, name: string): boolean | 'unknown' {
  if (suffix === undefined) return /\}$/.test(name) ? 'unknown' : false;
  const letters = suffix.slice(1);
  const random = /[A-Z]/.test(letters) && /[a-z]/.test(letters) && !/^[A-Z][a-z0-9]*$/.test(letters);
  return random ? true : 'unknown';
}

function buildSecretsManagerReference(
  fields: { partition: string; region: string; account: string; name: string; suffix?: string },
  bareName: boolean,
): SecretsManagerReference {
  const hasRandomSuffix = judgeRandomSuffix(fields.suffix, fields.name);
  const fullName = fields.name + (fields.suffix ?? '');
  return {
    kind: 'secretsmanager',
    secretArn: `arn:${fields.partition}:secretsmanager:${fields.region}:${fields.account}:secret:${fullName}`,
    name: hasRandomSuffix === true ? fields.name : fullName,
    hasRandomSuffix,
    partition: fields.partition,
    region: fields.region,
    account: fields.account,
    bareName,
  };
}

function splitSecretName(secretName: string): { name: string; suffix?: string } {
  const match = /^(?<name>.+?)(?<suffix>-[A-Za-z0-9]{6})?$/.exec(secretName)!.groups!;
  return match.suffix === undefined ? { name: match.name! } : { name: match.name!, suffix: match.suffix };
}

function buildSsmReference(
  fields: { partition: string; region: string; account: string; name: string },
  bareName: boolean,
  malformedColonForm: boolean,
): SsmParameterReference {
  const withoutLeadingSlash = fields.name.replace(/^\/+/, '');
  const reference: SsmParameterReference = {
    kind: 'ssm',
    parameterArn: `arn:${fields.partition}:ssm:${fields.region}:${fields.account}:parameter/${withoutLeadingSlash}`,
    name: fields.name,
    bareName,
    partition: fields.partition,
    region: fields.region,
    account: fields.account,
    referencesSecretsManager: false,
    malformedColonForm,
  };
  const absoluteName = '/' + withoutLeadingSlash;
  if (absoluteName.startsWith(secretsManagerReferencePrefix) && absoluteName.length > secretsManagerReferencePrefix.length) {
    reference.referencesSecretsManager = true;
    reference.referencedSecret = buildSecretsManagerReference(
      { ...fields, ...splitSecretName(absoluteName.slice(secretsManagerReferencePrefix.length)) },
      true,
    );
  }
  return reference;
}

const invalidValueFrom =
  'supported values are either the full ARN of the Secrets Manager secret or the full ARN of the parameter in the SSM Parameter Store';

/**
 * Classifies a `ValueFrom` / `CredentialsParameter` value, in the order of requirements.md §4.2:
 * Secrets Manager ARN, SSM parameter ARN, bare name, anything else invalid.
 */
export function classifySecretReference(valueFrom: string, context: ReferenceContext = {}): SecretReference {
  const value = valueFrom.trim();
  if (value === '') return { kind: 'invalid', reason: `the value is empty; ${invalidValueFrom}` };
  if (leadingTokenPattern.test(value)) {
    return { kind: 'unknown', reason: 'the value starts with a reference that is resolved only at deployment' };
  }
  const partition = context.partition ?? '${AWS::Partition}';
  const region = context.region ?? '${AWS::Region}';
  const account = context.account ?? '${AWS::AccountId}';

  if (value.startsWith('arn:')) {
    const service = arnServicePattern.exec(value)?.groups?.service;
    if (service === 'secretsmanager') {
      const groups = secretsManagerArnPattern.exec(value)?.groups;
      if (!groups) {
        return {
          kind: 'invalid',
          reason:
            'malformed Secrets Manager secret ARN; expected arn:<partition>:secretsmanager:<region>:<account>:secret:<name>, optionally followed by :<json-key>:<version-stage>:<version-id>',
        };
      }
      const reference = buildSecretsManagerReference(
        {
          partition: groups.partition!,
          region: groups.region!,
          account: groups.account!,
          name: groups.name!,
          ...(groups.suffix === undefined ? {} : { suffix: groups.suffix }),
        },
        false,
      );
      if (groups.jsonKey !== undefined) {
        reference.jsonKey = groups.jsonKey;
        reference.versionStage = groups.versionStage!;
        reference.versionId = groups.versionId!;
      }
      return reference;
    }
    if (service === 'ssm') {
      const groups = ssmParameterArnPattern.exec(value)?.groups;
      if (!groups) {
        return {
          kind: 'invalid',
          reason: 'malformed SSM parameter ARN; expected arn:<partition>:ssm:<region>:<account>:parameter/<name>',
        };
      }
      return buildSsmReference(
        { partition: groups.partition!, region: groups.region!, account: groups.account!, name: groups.name! },
        false,
        groups.separator === ':',
      );
    }
    return { kind: 'invalid', reason: `an ARN of service '${service ?? ''}'; ${invalidValueFrom}` };
  }

  if (context.bareNameKind === 'secretsmanager') {
    if (!secretNamePattern.test(value)) {
      return { kind: 'invalid', reason: `'${value}' is neither a secret name nor a secret ARN` };
    }
    return buildSecretsManagerReference({ partition, region, account, ...splitSecretName(value) }, true);
  }
  if (!ssmNamePattern.test(value)) {
    return { kind: 'invalid', reason: `'${value}' is not a valid SSM parameter name; ${invalidValueFrom}` };
  }
  return buildSsmReference({ partition, region, account, name: value }, true, false);
}

/**
 * Resources to test a policy against for a secret: the ARN as given, and, unless the given ARN is
 * known to end in the random suffix, the same ARN with a stand-in suffix. A grant on `<arn>-??????`
 * or `<arn>*` then matches the second, a grant on exactly what the task definition wrote matches the
 * first; a policy that covers either covers the secret.
 */
export function secretResourceCandidates(reference: SecretsManagerReference): string[] {
  if (reference.hasRandomSuffix === true) return [reference.secretArn];
  return [reference.secretArn, `${reference.secretArn}-AbCdEf`];
}
