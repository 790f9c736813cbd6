"""ECS DescribeServices: no networkConfiguration for a service that was given none.

AWS documents a Service's `networkConfiguration` as "the VPC subnet and
security group configuration for tasks that receive their own elastic network
interface by using the awsvpc networking mode"
(https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Service.html);
a bridge- or host-mode service created without one has none. moto 5.2.5
answers an empty `networkConfiguration: {}`, on which the AWS provider crashes
reading the service back.
"""
from ._patch import replace


def apply() -> None:
    from moto.ecs.models import Service

    def make(original):
        def __init__(self, *args, **kwargs):
            original(self, *args, **kwargs)
            if self.network_configuration == {}:
                self.network_configuration = None

        return __init__

    replace(Service, "__init__", make)
