/** S3 object ARNs, as EnvironmentFiles, FireLens `config-file-value` and credspecs give them (requirements.md §4.2). */

/** One `${...}` Sub token: a pseudo parameter, a parameter or a resource attribute. */
const token = String.raw`\$\{[^}]+\}`;
const tokenPattern = new RegExp(token);

export interface S3ObjectReference {
  partition: string;
  bucket: string;
  key: string;
  /** Resource for s3:GetObject. */
  objectArn: string;
  /** Resource for s3:GetBucketLocation. */
  bucketArn: string;
}

const s3ObjectArnPattern = new RegExp(
  String.raw`^arn:(?<partition>aws[a-z-]*|${token}):s3:::` +
    String.raw`(?<bucket>(?:[a-z0-9.-]|${token})+)/(?<key>.+)$`,
);

/** The object and bucket ARNs in an S3 object ARN; undefined for anything else, `s3://` URLs included. */
export function parseS3ObjectArn(value: string): S3ObjectReference | undefined {
  const groups = s3ObjectArnPattern.exec(value.trim())?.groups;
  if (!groups) return undefined;
  const { partition, bucket, key } = groups as { partition: string; bucket: string; key: string };
  // A bucket built from tokens can't be held to the naming rules; a literal one must follow them.
  if (!tokenPattern.test(bucket) && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) return undefined;
  const bucketArn = `arn:${partition}:s3:::${bucket}`;
  return { partition, bucket, key, objectArn: `${bucketArn}/${key}`, bucketArn };
}
