"""EC2 MonitorInstances / UnmonitorInstances, implemented on moto's own state.

moto 5.2.5 lacks both calls (NotImplementedError), yet it already keeps each
instance's monitoring state: RunInstances with `Monitoring.Enabled` sets it and
DescribeInstances reports it. AWS documents MonitorInstances as enabling
detailed monitoring for the given instances and answering each instance's
monitoring state (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_MonitorInstances.html,
https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_UnmonitorInstances.html).
This is a faithful implementation, not a stub: unknown instance IDs are refused
as moto refuses them elsewhere, and the state set here is what
DescribeInstances then returns. The AWS provider calls MonitorInstances for
`monitoring = true`.
"""
from ._patch import replace


def _set_monitoring(response, state: str):
    from moto.core.responses import ActionResult

    response.error_on_dryrun()
    monitorings = []
    for instance_id in response._get_param("InstanceIds", []):
        instance = response.ec2_backend.get_instance(instance_id)
        instance.monitoring_state = state
        monitorings.append({"InstanceId": instance.id, "Monitoring": {"State": instance.monitoring_state}})
    return ActionResult({"InstanceMonitorings": monitorings})


def apply() -> None:
    from moto.ec2.responses import EC2Response

    replace(EC2Response, "monitor_instances", lambda _o: lambda self: _set_monitoring(self, "enabled"))
    replace(EC2Response, "unmonitor_instances", lambda _o: lambda self: _set_monitoring(self, "disabled"))
