"""EC2 GetEbsDefaultKmsKeyId / ResetEbsDefaultKmsKeyId, implemented on moto's own state.

moto 5.2.5 implements ModifyEbsDefaultKmsKeyId and stores the key, and uses
it for encrypted volumes created without a key, but lacks the two calls that
read and reset it. AWS documents GetEbsDefaultKmsKeyId as describing the
default KMS key for EBS encryption, and ResetEbsDefaultKmsKeyId as resetting it
to the AWS managed key `aws/ebs`, both answering `KmsKeyId`
(https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetEbsDefaultKmsKeyId.html,
https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ResetEbsDefaultKmsKeyId.html).
Both read and write the same stored key moto already keeps; the AWS managed
key is created the way moto creates it for volumes.
"""
from ._patch import replace


def apply() -> None:
    from moto.core.responses import ActionResult
    from moto.ec2.responses import EC2Response

    def get(self):
        self.error_on_dryrun()
        backend = self.ec2_backend
        key = backend.default_kms_key_id or backend._create_default_encryption_key()
        return ActionResult({"KmsKeyId": key})

    def reset(self):
        self.error_on_dryrun()
        return ActionResult({"KmsKeyId": self.ec2_backend._create_default_encryption_key()})

    replace(EC2Response, "get_ebs_default_kms_key_id", lambda _o: get)
    replace(EC2Response, "reset_ebs_default_kms_key_id", lambda _o: reset)
