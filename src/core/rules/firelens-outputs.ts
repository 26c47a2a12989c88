/**
 * The AWS destinations of `awsfirelens` log configurations and the IAM actions their Fluent Bit
 * output plugins call (R25): the plugin is the `Name` option, its destination the other options.
 */
import { logGroupArns } from '../model/log-group-arn.js';
import type { ContainerDefinition, FieldValue, TaskDefinition } from '../model/task-definition.js';
import type { DocNode } from '../parse/node.js';

export interface OutputRequirement {
  actions: string[];
  /** Candidate resources, any of which granted is enough (a log group is granted as `name` or `name:*`). */
  resources: string[];
  /** What a fix grants. */
  grant: string;
}

export interface FirelensOutput {
  container: ContainerDefinition;
  /** `container app`, for messages. */
  containerLabel: string;
  /** The plugin name as written (`kinesis_firehose`). */
  plugin: string;
  /** The `Name` option, where findings point. */
  node: DocNode;
  /** `delivery stream my-stream`, for messages. */
  destination: string;
  requirements: OutputRequirement[];
  /** The `role_arn` option: the plugin assumes this role and writes with it instead of the task role. */
  assumedRoleArn?: string;
  assumedRoleNode?: DocNode;
  /** The destination's name is filled in by Fluent Bit at run time (`$(ecs_cluster)`, `${ENV}`). */
  nameKnownAtRunTimeOnly: boolean;
}

type PluginKind = 'firehose' | 'cloudwatch-go' | 'cloudwatch-c' | 'kinesis' | 's3';

// The Go plugins (firehose, cloudwatch, kinesis) and their C successors (kinesis_firehose,
// cloudwatch_logs, kinesis_streams, s3), as aws-for-fluent-bit ships them.
const pluginKinds: Record<string, PluginKind> = {
  firehose: 'firehose',
  kinesis_firehose: 'firehose',
  cloudwatch: 'cloudwatch-go',
  cloudwatch_logs: 'cloudwatch-c',
  kinesis: 'kinesis',
  kinesis_streams: 'kinesis',
  s3: 's3',
};

const defaultS3KeyFormat = '/fluent-bit-logs/$TAG/%Y/%m/%d/%H/%M/%S';

export function firelensOutputs(task: TaskDefinition): FirelensOutput[] {
  const outputs: FirelensOutput[] = [];
  for (const container of task.containers) {
    const log = container.logConfiguration;
    if (!log?.driver?.values.includes('awsfirelens')) continue;
    // Fluent Bit keys are case-insensitive (`Name`, `name`).
    const options = new Map<string, FieldValue>();
    for (const [key, value] of log.options) options.set(key.toLowerCase(), value);
    const nameOption = options.get('name');
    const plugin = nameOption?.values[0];
    const kind = plugin ? pluginKinds[plugin.toLowerCase()] : undefined;
    if (!nameOption || !plugin || !kind) continue;
    let runTime = false;
    const option = (key: string) => {
      const value = options.get(key)?.values[0];
      if (value === undefined || value === '') return undefined;
      const pattern = toSubPattern(value);
      if (pattern !== value) runTime = true;
      return pattern;
    };
    const region = option('region') ?? '${AWS::Region}';
    const output = buildOutput(kind, option, (key) => options.get(key)?.values[0] || undefined, region);
    const roleArn = options.get('role_arn');
    outputs.push({
      container,
      containerLabel: container.name ? `container ${container.name}` : 'a container',
      plugin,
      node: nameOption.node,
      ...output,
      nameKnownAtRunTimeOnly: runTime,
      ...(roleArn?.values[0] ? { assumedRoleArn: roleArn.values[0], assumedRoleNode: roleArn.node } : {}),
    });
  }
  return outputs;
}

/** `option` gives values as patterns for ARNs; `written` gives them as written, for messages. */
function buildOutput(
  kind: PluginKind,
  option: (key: string) => string | undefined,
  written: (key: string) => string | undefined,
  region: string,
): Pick<FirelensOutput, 'destination' | 'requirements'> {
  const partition = '${AWS::Partition}';
  const account = '${AWS::AccountId}';
  switch (kind) {
    case 'firehose': {
      const stream = option('delivery_stream');
      const arn = `arn:${partition}:firehose:${region}:${account}:deliverystream/${stream ?? '${DeliveryStream}'}`;
      return {
        destination: stream ? `delivery stream ${written('delivery_stream')}` : 'its delivery stream',
        requirements: [{ actions: ['firehose:PutRecordBatch'], resources: [arn], grant: arn }],
      };
    }
    case 'kinesis': {
      const stream = option('stream');
      const arn = `arn:${partition}:kinesis:${region}:${account}:stream/${stream ?? '${KinesisStream}'}`;
      return {
        destination: stream ? `Kinesis stream ${written('stream')}` : 'its Kinesis stream',
        requirements: [{ actions: ['kinesis:PutRecords'], resources: [arn], grant: arn }],
      };
    }
    case 's3': {
      const bucket = option('bucket');
      const keyFormat = option('s3_key_format') ?? defaultS3KeyFormat;
      // The key is built at run time; only its literal start is known.
      const prefix = /^[^$%]*/.exec(keyFormat)![0].replace(/^\/+/, '');
      const bucketPart = bucket ?? '${LogBucket}';
      return {
        destination: bucket ? `bucket ${written('bucket')}` : 'its bucket',
        requirements: [
          {
            actions: ['s3:PutObject'],
            resources: [`arn:${partition}:s3:::${bucketPart}/${prefix}\${ObjectKey}`],
            grant: `arn:${partition}:s3:::${bucketPart}/${prefix}*`,
          },
        ],
      };
    }
    case 'cloudwatch-go':
    case 'cloudwatch-c': {
      const group = option('log_group_name') ?? option('log_group_template');
      const { groupArn, streamsArn } = logGroupArns(group ?? '${LogGroupName}', region);
      const streamActions = ['logs:CreateLogStream', 'logs:PutLogEvents'];
      // The Go plugin looks up its stream before writing (fluent/fluent-bit-docs#913).
      if (kind === 'cloudwatch-go') streamActions.push('logs:DescribeLogStreams');
      const groupActions: string[] = [];
      if (/^(?:true|on|yes)$/i.test(option('auto_create_group') ?? '')) groupActions.push('logs:CreateLogGroup');
      if (option('log_retention_days') !== undefined) groupActions.push('logs:PutRetentionPolicy');
      // `!Sub ${LogGroup.Arn}:*` is `log-group:name:*:*`: it covers the streams although it covers neither group form.
      const requirements: OutputRequirement[] = [
        { actions: streamActions, resources: [groupArn, streamsArn, `${groupArn}:log-stream:fluent-bit`], grant: streamsArn },
      ];
      if (groupActions.length) requirements.push({ actions: groupActions, resources: [groupArn, streamsArn], grant: streamsArn });
      return { destination: group ? `log group ${written('log_group_name') ?? written('log_group_template')}` : 'its log group', requirements };
    }
  }
}

/**
 * Fluent Bit fills some values at run time: `$(ecs_task_id)` and `$TAG` (record accessors), and
 * `${ENV_VAR}` from the environment. They become `${...}` tokens, which policies cover only with a
 * wildcard at that place (a `*` covers them, a literal matches "maybe").
 */
function toSubPattern(value: string): string {
  return value
    .replace(/\$\(([^)]*)\)/g, (_, name: string) => `\${${name.replace(/[^\w]/g, '_')}}`)
    .replace(/\$(?!\{)([A-Za-z_]\w*(?:\[[^\]]*\])*)/g, (_, name: string) => `\${${name.replace(/[^\w]/g, '_')}}`);
}
