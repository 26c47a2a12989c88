/**
 * EFS volumes of a task definition (`EFSVolumeConfiguration` / `efsVolumeConfiguration`) with their
 * authorization settings, whether any container mounts them writable, and the ARNs IAM checks.
 */
import type { MapNode } from '../parse/node.js';
import { isLiteral } from './resolve.js';
import { listItems, TaskDefinitionReader, type FieldValue, type TaskDefinition } from './task-definition.js';

export interface EfsVolume {
  /** The volume's `Name`, which mount points refer to. */
  name?: string;
  /** The `EFSVolumeConfiguration` map. */
  node: MapNode;
  /** Property names as this document spells them (`TransitEncryption` or `transitEncryption`). */
  transitEncryptionKey: string;
  fileSystemId?: FieldValue;
  transitEncryption?: FieldValue;
  /** `AuthorizationConfig.IAM`. */
  iam?: FieldValue;
  accessPointId?: FieldValue;
  /** Some container mounts the volume without `ReadOnly: true`. */
  writable: boolean;
}

export function efsVolumes(task: TaskDefinition): EfsVolume[] {
  const reader = new TaskDefinitionReader({ template: task.template }, task.naming);
  const volumes: EfsVolume[] = [];
  for (const volume of task.volumes) {
    const config = listItems(reader.get(volume, 'EFSVolumeConfiguration'))[0];
    if (!config) continue;
    const name = reader.value(volume, 'Name')?.values[0];
    const authorization = listItems(reader.get(config, 'AuthorizationConfig'))[0];
    volumes.push({
      name,
      node: config,
      transitEncryptionKey: task.naming === 'pascal' ? 'TransitEncryption' : 'transitEncryption',
      fileSystemId: reader.value(config, 'FilesystemId') ?? reader.value(config, 'FileSystemId'),
      transitEncryption: reader.value(config, 'TransitEncryption'),
      iam: reader.value(authorization, 'IAM'),
      accessPointId: reader.value(authorization, 'AccessPointId'),
      writable: name !== undefined && isMountedWritable(reader, task, name),
    });
  }
  return volumes;
}

function isMountedWritable(reader: TaskDefinitionReader, task: TaskDefinition, volumeName: string): boolean {
  return task.containers.some((container) =>
    reader.items(container.node, 'MountPoints').some((mount) => {
      if (!reader.value(mount, 'SourceVolume')?.values.includes(volumeName)) return false;
      const readOnly = reader.value(mount, 'ReadOnly')?.values ?? [];
      return !(readOnly.length > 0 && readOnly.every((value) => value.toLowerCase() === 'true'));
    }),
  );
}

/** Whether the field may be `expected` (one of its values is, case-insensitively). */
export function mayBeSetTo(field: FieldValue | undefined, expected: string): boolean {
  return !!field && field.values.some((value) => value.toUpperCase() === expected);
}

/** Whether the field is absent or definitely something other than `expected` (no unresolved values). */
export function isDefinitelyNot(field: FieldValue | undefined, expected: string): boolean {
  return !field || field.values.every((value) => isLiteral(value) && value.toUpperCase() !== expected);
}

/** `arn:<p>:elasticfilesystem:<region>:<account>:file-system/<id>`, as `!GetAtt FileSystem.Arn` also resolves. */
export function fileSystemArn(fileSystemId: string): string {
  return `arn:\${AWS::Partition}:elasticfilesystem:\${AWS::Region}:\${AWS::AccountId}:file-system/${fileSystemId}`;
}

export function accessPointArn(accessPointId: string): string {
  return accessPointId.startsWith('arn:') ? accessPointId : `arn:\${AWS::Partition}:elasticfilesystem:\${AWS::Region}:\${AWS::AccountId}:access-point/${accessPointId}`;
}
