"""API Gateway domain names: the name in the request path is percent-decoded.

AWS documents the domain name as a URI parameter of GetDomainName and the
base-path-mapping calls (`GET /domainnames/domain_name`,
https://docs.aws.amazon.com/apigateway/latest/api/API_GetDomainName.html);
a wildcard custom domain (`*.example.app`,
https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-custom-domain-names.html)
reaches the service as `%2A.example.app`. moto 5.2.5 looks the encoded text
up, so a wildcard domain is created and then never found again.
"""
from urllib.parse import unquote

from ._patch import replace

# Every APIGatewayResponse method that reads the domain name from /domainnames/<name>/...
METHODS = (
    "get_domain_name",
    "delete_domain_name",
    "create_base_path_mapping",
    "get_base_path_mapping",
    "get_base_path_mappings",
    "update_base_path_mapping",
    "delete_base_path_mapping",
)


def decoded_domain_path(path: str) -> str:
    parts = path.split("/")
    if len(parts) > 2 and parts[1] == "domainnames":
        parts[2] = unquote(parts[2])
    return "/".join(parts)


def apply() -> None:
    from moto.apigateway.responses import APIGatewayResponse

    def make(original):
        def method(self, *args, **kwargs):
            self.path = decoded_domain_path(self.path)
            return original(self, *args, **kwargs)

        return method

    for name in METHODS:
        replace(APIGatewayResponse, name, make)
