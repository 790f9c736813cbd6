import { EcrImage } from './ecr-image';

export interface HostUserDataOptions {
  /** ID of the data volume (a token); the script finds its NVMe device by it. */
  readonly volumeId: string;
  readonly image: EcrImage;
  readonly port: number;
  readonly tenantId: string;
}

/**
 * Boot script of the immutable database host: wait for the data volume,
 * format it only if it is blank, mount it at /data, then run the database
 * container from ECR. The host is never patched in place; a new script
 * replaces the instance (user_data_replace_on_change).
 *
 * Terraform reads `${` and `%{` in strings as templates, so the script uses
 * neither: plain `$VAR` and `$(...)` only.
 */
export function hostUserData(o: HostUserDataOptions): string {
  return [
    '#!/bin/bash',
    'set -euo pipefail',
    `VOLUME_ID="${o.volumeId}"`,
    'SERIAL=$(echo "$VOLUME_ID" | tr -d -)',
    'DEVICE="/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_$SERIAL"',
    '# The attachment is created after the instance boots: wait for it.',
    'for attempt in $(seq 1 120); do [ -e "$DEVICE" ] && break; sleep 5; done',
    '[ -e "$DEVICE" ] || { echo "data volume $VOLUME_ID never attached" >&2; exit 1; }',
    '# Never format a volume that already holds a file system (the data outlives hosts).',
    'blkid "$DEVICE" >/dev/null || mkfs -t xfs "$DEVICE"',
    'mkdir -p /data',
    'UUID=$(blkid -s UUID -o value "$DEVICE")',
    'grep -q "$UUID" /etc/fstab || echo "UUID=$UUID /data xfs defaults,nofail 0 2" >> /etc/fstab',
    'mount -a',
    'dnf install -y docker',
    'systemctl enable --now docker',
    `aws ecr get-login-password --region ${o.image.region} | docker login --username AWS --password-stdin ${o.image.registry}`,
    `docker run -d --name tenant-db --restart always -p ${o.port}:${o.port} -v /data:/data -e TENANT_ID=${o.tenantId} -e PORT=${o.port} ${o.image.reference}`,
    '',
  ].join('\n');
}
