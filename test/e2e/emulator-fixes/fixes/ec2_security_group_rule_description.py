"""EC2 DescribeSecurityGroupRules: a rule's description, whatever its source.

AWS documents `Description` on every SecurityGroupRule, whether the rule
references a CIDR range, a prefix list or another security group
(https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SecurityGroupRule.html,
https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_PrefixListId.html).
moto 5.2.5 reads it from the CIDR range only, and keeps only the id of a prefix
list, so a rule that references a security group or a prefix list comes back
without the description it was created with.
"""
from inspect import signature

from ._patch import replace


def apply() -> None:
    from moto.ec2.models.security_groups import SecurityGroupRule

    def make_init(original):
        parameters = signature(original)

        def __init__(self, *args, **kwargs):
            original(self, *args, **kwargs)
            # moto keeps only the PrefixListId of the entry; the whole entry, Description included, is the rule's source.
            self.prefix_list = dict(parameters.bind(self, *args, **kwargs).arguments.get("prefix_list_id") or {})

        return __init__

    def make(_original):
        def description(self):
            # ip_range first: ModifySecurityGroupRules writes a new description there whatever the source.
            for source in (self.ip_range, self.source_group, getattr(self, "prefix_list", None)):
                if source and source.get("Description") is not None:
                    return source["Description"]
            return None

        return property(description)

    replace(SecurityGroupRule, "__init__", make_init)
    replace(SecurityGroupRule, "description", make)
