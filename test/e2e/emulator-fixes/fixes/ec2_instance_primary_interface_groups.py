"""EC2 RunInstances: an instance's security groups are its primary interface's.

AWS documents that when network interfaces are given, security groups must be
given on the interface, and that DescribeInstances reports the instance's
security groups (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html,
`NetworkInterfaces` and `SecurityGroupIds`; an instance's security groups are
those of its primary network interface,
https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-security-groups.html).
moto 5.2.5 attaches the groups to the interface but leaves the instance's own
group set empty, so the provider sees `vpc_security_group_ids` drift.
"""
from ._patch import replace


def apply() -> None:
    from moto.ec2.models.instances import Instance

    def make(original):
        def prep_nics(self, *args, **kwargs):
            result = original(self, *args, **kwargs)
            if not self.security_groups:
                primary = self.nics.get(0)
                groups = list(getattr(primary, "_group_set", None) or getattr(primary, "group_set", None) or [])
                if groups:
                    self.security_groups = groups
            return result

        return prep_nics

    replace(Instance, "prep_nics", make)
