"""ELBv2 SetSecurityGroups: EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic is kept and read back.

AWS documents `EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic` ("on" or
"off", Network Load Balancers only) as a SetSecurityGroups parameter, answered
by SetSecurityGroups and by DescribeLoadBalancers
(https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetSecurityGroups.html,
https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancer.html).
moto 5.2.5 ignores it, so the provider reads it back empty and plans to set it again.
"""
from ._patch import replace

PARAMETER = "EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic"
ATTRIBUTE = "enforce_security_group_inbound_rules_on_private_link_traffic"


def apply() -> None:
    from moto.elbv2.responses import ELBV2Response

    def make(original):
        def set_security_groups(self):
            result = original(self)
            value = self._get_param(PARAMETER)
            if value is not None:
                balancer = self.elbv2_backend.load_balancers[self._get_param("LoadBalancerArn")]
                setattr(balancer, ATTRIBUTE, value)
                result.result[PARAMETER] = value
            return result

        return set_security_groups

    replace(ELBV2Response, "set_security_groups", make)
