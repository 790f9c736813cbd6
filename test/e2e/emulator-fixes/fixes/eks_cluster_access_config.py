"""EKS CreateCluster / DescribeCluster: the cluster keeps its accessConfig.

AWS documents `accessConfig` as a CreateCluster parameter (CreateAccessConfigRequest:
`authenticationMode`, "the default is CONFIG_MAP" through the EKS API and SDKs, and
`bootstrapClusterCreatorAdminPermissions`, "the default value is true"), returned on
the Cluster that CreateCluster and DescribeCluster answer as AccessConfigResponse;
UpdateClusterConfig changes the authentication mode
(https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html,
https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateAccessConfigRequest.html,
https://docs.aws.amazon.com/eks/latest/APIReference/API_AccessConfigResponse.html,
https://docs.aws.amazon.com/eks/latest/APIReference/API_UpdateClusterConfig.html).
moto 5.2.5 reads neither request's accessConfig and returns none, so the provider
plans to set `bootstrap_cluster_creator_admin_permissions` again, which forces a
new cluster.
"""
from ._patch import replace


def access_config(sent):
    sent = sent or {}
    return {
        "authenticationMode": sent.get("authenticationMode") or "CONFIG_MAP",
        "bootstrapClusterCreatorAdminPermissions": sent.get("bootstrapClusterCreatorAdminPermissions", True),
    }


def apply() -> None:
    from moto.eks.responses import EKSResponse

    def make_create(original):
        def create_cluster(self):
            result = original(self)
            result.result["cluster"].access_config = access_config(self._get_param("accessConfig"))
            return result

        return create_cluster

    def make_update(original):
        def update_cluster_config(self):
            result = original(self)
            mode = (self._get_param("accessConfig") or {}).get("authenticationMode")
            if mode:
                cluster = self.eks_backend.describe_cluster(name=self._get_param("name"))
                # A cluster created before the fix was applied (moto_as_released) has no accessConfig yet.
                cluster.access_config = {**(getattr(cluster, "access_config", None) or access_config(None)), "authenticationMode": mode}
            return result

        return update_cluster_config

    replace(EKSResponse, "create_cluster", make_create)
    replace(EKSResponse, "update_cluster_config", make_update)
