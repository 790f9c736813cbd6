"""API Gateway PutIntegration: a VPC_LINK integration keeps its connectionId.

AWS documents `connectionId` on PutIntegration and on the Integration it
returns: "the ID of the VpcLink used for the integration when
connectionType=VPC_LINK"
(https://docs.aws.amazon.com/apigateway/latest/api/API_PutIntegration.html,
https://docs.aws.amazon.com/apigateway/latest/api/API_Integration.html).
moto 5.2.5 stores the connection type but drops the ID, so the provider reads
`connection_id` back empty and plans to set it again.
"""
import json

from ._patch import replace


def apply() -> None:
    from moto.apigateway.models import Integration
    from moto.apigateway.responses import APIGatewayResponse

    def make_to_json(original):
        def to_json(self):
            result = original(self)
            if getattr(self, "connection_id", None):
                result["connectionId"] = self.connection_id
            return result

        return to_json

    def make_put(original):
        def put_integration(self):
            status, headers, _ = original(self)
            parts = self.path.split("/")
            integration = self.backend.get_integration(parts[2], parts[4], parts[6])
            integration.connection_id = self._get_param("connectionId")
            return status, headers, json.dumps(integration.to_json())

        return put_integration

    replace(Integration, "to_json", make_to_json)
    replace(APIGatewayResponse, "put_integration", make_put)
