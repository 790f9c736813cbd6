"""EC2 DescribeInstances / DescribeNetworkInterfaces: no association without a public IP.

AWS documents `Association` on a network interface as "the association
information for an Elastic IP address (IPv4) associated with the network
interface" (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceNetworkInterface.html);
an interface without a public address has none. moto 5.2.5 answers an empty
`<association/>`, which the AWS provider reads as a public IP being present,
so `associate_public_ip_address = false` plans a replacement every time.
"""
from ._patch import replace


def apply() -> None:
    from moto.ec2.models.elastic_network_interfaces import NetworkInterface

    def make(original):
        def association(self):
            return original.fget(self) if self.public_ip else None

        return property(association)

    replace(NetworkInterface, "association", make)
