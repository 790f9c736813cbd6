import { SnapshotsStayInEnvironment } from '../../../../compliance/rules/account-separation/SnapshotsStayInEnvironment';
import { byStatus, runRule } from '../../support/compliance-fixtures';
import { DEV, devStack, PROD, prodStack } from './separation-fixtures';

describe('TF-SEP-8 snapshots and images stay in their environment', () => {
  test('GIVEN a prod stack beside dev THEN sharing with dev, the organization or everyone fails', () => {
    const prod = prodStack({
      resource: {
        aws_snapshot_create_volume_permission: { to_dev: { snapshot_id: 'snap-1', account_id: DEV }, own: { snapshot_id: 'snap-1', account_id: PROD } },
        aws_ami_launch_permission: {
          to_dev: { image_id: 'ami-1', account_id: DEV },
          public: { image_id: 'ami-1', group: 'all' },
          org: { image_id: 'ami-1', organization_arn: 'arn:aws:organizations::333333333333:organization/o-abc' },
          ou: { image_id: 'ami-1', organizational_unit_arn: 'arn:aws:organizations::333333333333:ou/o-abc/ou-1' },
        },
        aws_db_snapshot: { to_dev: { db_instance_identifier: 'db', db_snapshot_identifier: 's', shared_accounts: [DEV] }, public: { db_instance_identifier: 'db', db_snapshot_identifier: 's', shared_accounts: ['all'] }, private: { db_instance_identifier: 'db', db_snapshot_identifier: 's' } },
        aws_db_cluster_snapshot: { var: { db_cluster_identifier: 'c', db_cluster_snapshot_identifier: 's', shared_accounts: '${var.accounts}' } },
      },
    });
    expect(byStatus(runRule(SnapshotsStayInEnvironment, prod, devStack()).filter((f) => f.stack === 'prod'))).toEqual({
      fail: ['aws_ami_launch_permission.org', 'aws_ami_launch_permission.public', 'aws_ami_launch_permission.to_dev', 'aws_db_snapshot.public', 'aws_db_snapshot.to_dev', 'aws_snapshot_create_volume_permission.to_dev'],
      unknown: ['aws_ami_launch_permission.ou', 'aws_db_cluster_snapshot.var'],
      suppressed: [],
      pass: ['aws_db_snapshot.private', 'aws_snapshot_create_volume_permission.own'],
    });
  });
});
