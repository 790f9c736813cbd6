"""RDS DescribeDBParameters: parameters a user set carry `Source: user`, and the Source filter holds.

AWS documents `Source` on every Parameter ("the source of the parameter
value") and the request's `Source` as a filter, with `user` meaning the
parameters the user has changed
(https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBParameters.html,
https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_Parameter.html).
moto 5.2.5 keeps only the parameters given to Create/ModifyDBParameterGroup,
answers them without a Source and ignores the filter, so the AWS provider,
which reads back the `user` parameters, finds none and plans to set them again.
"""
from ._patch import replace


def user_parameters(stored) -> list:
    return [{**parameter, "Source": parameter.get("Source") or "user"} for parameter in stored]


def apply() -> None:
    from moto.core.responses import ActionResult
    from moto.rds.exceptions import DBParameterGroupNotFoundError
    from moto.rds.responses import RDSResponse

    def describe_db_parameters(self):
        name = self.params.get("DBParameterGroupName")
        groups = self.backend.describe_db_parameter_groups({"db_parameter_group_name": name})
        if not groups:
            raise DBParameterGroupNotFoundError(name)
        # Every parameter moto holds was set by the user: it keeps no system or engine-default values.
        parameters = user_parameters(groups[0].parameters.values())
        source = self.params.get("Source")
        if source is not None:
            parameters = [p for p in parameters if p["Source"] == source]
        return ActionResult({"Parameters": parameters})

    replace(RDSResponse, "describe_db_parameters", lambda _o: describe_db_parameters)
