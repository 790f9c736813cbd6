"""EKS CreateNodegroup: the node group keeps its updateConfig.

AWS documents `updateConfig` (NodegroupUpdateConfig: `maxUnavailable`,
`maxUnavailablePercentage`, `updateStrategy`) as a CreateNodegroup parameter,
returned on the Nodegroup that CreateNodegroup and DescribeNodegroup answer
(https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html,
https://docs.aws.amazon.com/eks/latest/APIReference/API_NodegroupUpdateConfig.html,
https://docs.aws.amazon.com/eks/latest/APIReference/API_Nodegroup.html).
moto 5.2.5 keeps it when given to UpdateNodegroupConfig but never reads it from
CreateNodegroup, so a node group created with it reads back without it.
"""
from ._patch import replace


def apply() -> None:
    from moto.eks.responses import EKSResponse

    def make(original):
        def create_nodegroup(self):
            result = original(self)
            update_config = self._get_param("updateConfig")
            if update_config:
                result.result["nodegroup"].update_config = update_config
            return result

        return create_nodegroup

    replace(EKSResponse, "create_nodegroup", make)
