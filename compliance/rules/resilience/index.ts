import { Rule } from '../../types';
import { DataVolumePreventDestroy } from './DataVolumePreventDestroy';
import { DataVolumeSnapshots } from './DataVolumeSnapshots';
import { EcsServiceRedundancy } from './EcsServiceRedundancy';
import { LoadBalancerDeletionProtection } from './LoadBalancerDeletionProtection';
import { RdsBackupRetention } from './RdsBackupRetention';
import { RdsDeletionProtection } from './RdsDeletionProtection';
import { RdsMultiAz } from './RdsMultiAz';
import { LambdaDeadLetterQueue } from './LambdaDeadLetterQueue';

export { DataVolumePreventDestroy, DataVolumeSnapshots, EcsServiceRedundancy, LoadBalancerDeletionProtection, RdsBackupRetention, RdsDeletionProtection, RdsMultiAz, LambdaDeadLetterQueue };

/** The resilience rules, in ID order. */
export const rules: Rule[] = [RdsBackupRetention, RdsDeletionProtection, RdsMultiAz, LoadBalancerDeletionProtection, DataVolumePreventDestroy, DataVolumeSnapshots, EcsServiceRedundancy, LambdaDeadLetterQueue];
