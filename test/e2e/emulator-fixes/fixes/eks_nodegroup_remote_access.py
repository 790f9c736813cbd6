"""EKS CreateNodegroup / DescribeNodegroup: no remote access unless the request asks for it.

AWS documents `remoteAccess` as an optional CreateNodegroup parameter ("the remote
access configuration to use with your node group"; `ec2SshKey` is "the Amazon EC2
SSH key name that provides access for SSH communication with the nodes"), not
allowed beside a launch template, and the node group's `resources` carry a
`remoteAccessSecurityGroup`, the group that "controls SSH access to the nodes"
(https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html,
https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html,
https://docs.aws.amazon.com/eks/latest/APIReference/API_NodegroupResources.html).
A node group created without it has neither. moto 5.2.5 invents
`remoteAccess: {ec2SshKey: eksKeypair}` and a remote access security group for
every node group, so the provider plans to remove the key, which forces a new
node group.
"""
from inspect import signature

from ._patch import replace


def apply() -> None:
    from moto.eks.models import Nodegroup

    def make(original):
        parameters = signature(original)

        def __init__(self, *args, **kwargs):
            original(self, *args, **kwargs)
            if not parameters.bind(self, *args, **kwargs).arguments.get("remote_access"):
                self.remote_access = None
                self.resources.pop("remoteAccessSecurityGroup", None)

        return __init__

    replace(Nodegroup, "__init__", make)
