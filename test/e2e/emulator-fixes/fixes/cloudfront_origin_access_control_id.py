"""CloudFront distributions: an origin keeps its OriginAccessControlId.

AWS documents `OriginAccessControlId` on every Origin of a distribution
config, sent with CreateDistribution / UpdateDistribution and returned by
GetDistribution / GetDistributionConfig: "the unique identifier of an origin
access control for this origin"
(https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Origin.html).
moto 5.2.5 stores the origin but not that field, so the provider reads the
origin back without origin access control and plans to add it again.
"""
from ._patch import replace


def apply() -> None:
    from moto.cloudfront.models import Origin

    def make_init(original):
        def __init__(self, origin):
            original(self, origin)
            # Only when given: an origin without one reads back as moto answers it today.
            if origin.get("OriginAccessControlId"):
                self.origin_access_control_id = origin["OriginAccessControlId"]

        return __init__

    replace(Origin, "__init__", make_init)
