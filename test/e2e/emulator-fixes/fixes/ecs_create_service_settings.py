"""ECS CreateService: the health-check grace period and AZ rebalancing are kept.

AWS documents `healthCheckGracePeriodSeconds` and `availabilityZoneRebalancing`
as CreateService parameters returned on the Service
(https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html,
https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Service.html).
moto 5.2.5 keeps them when given to UpdateService but drops them on
CreateService, so a service created with them reads back without them.
"""
from ._patch import replace

KEPT = {"healthCheckGracePeriodSeconds": "health_check_grace_period_seconds", "availabilityZoneRebalancing": "availability_zone_rebalancing"}


def apply() -> None:
    from moto.ecs.responses import EC2ContainerServiceResponse

    def make(original):
        def create_service(self):
            result = original(self)
            service = result.result["service"]
            for parameter, attribute in KEPT.items():
                value = self._get_param(parameter)
                if value is not None:
                    setattr(service, attribute, value)
            return result

        return create_service

    replace(EC2ContainerServiceResponse, "create_service", make)
