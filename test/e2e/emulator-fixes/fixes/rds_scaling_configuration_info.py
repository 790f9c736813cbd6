"""RDS DescribeDBClusters: ScalingConfigurationInfo only for Serverless v1.

AWS documents `ScalingConfigurationInfo` as the scaling properties of a DB
cluster in `serverless` DB engine mode
(https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBCluster.html);
a provisioned cluster (Aurora Serverless v2 included) has none. moto 5.2.5
returns it, filled with nulls, for every cluster, so the provider reads a
`scaling_configuration` block nobody wrote and plans to remove it.
"""
from ._patch import replace


def apply() -> None:
    from moto.rds.models import DBCluster

    def make(original):
        def scaling_configuration_info(self):
            return original.fget(self) if self.engine_mode == "serverless" else None

        return property(scaling_configuration_info)

    replace(DBCluster, "scaling_configuration_info", make)
