"""EC2 DescribeSecurityGroupRules: a rule's description, whatever its source.

AWS documents `Description` on every SecurityGroupRule, whether the rule
references a CIDR range, a prefix list or another security group
(https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SecurityGroupRule.html).
moto 5.2.5 reads it from the CIDR range only, so a rule that references a
security group comes back without the description it was created with.
"""
from ._patch import replace


def apply() -> None:
    from moto.ec2.models.security_groups import SecurityGroupRule

    def make(_original):
        def description(self):
            for source in (self.ip_range, self.source_group):
                if source and source.get("Description") is not None:
                    return source["Description"]
            return None

        return property(description)

    replace(SecurityGroupRule, "description", make)
