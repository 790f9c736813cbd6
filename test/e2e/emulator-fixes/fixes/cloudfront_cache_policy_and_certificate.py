"""CloudFront distributions: no ForwardedValues beside a cache policy; an ACM certificate is not the default one.

AWS documents that a cache behavior sets either `CachePolicyId` or the legacy
`ForwardedValues` (https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html),
and that a distribution with an ACM or IAM certificate has
`CloudFrontDefaultCertificate` false and `CertificateSource` acm or iam
(https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html).
moto 5.2.5 fills in default ForwardedValues for every behavior and answers
`CloudFrontDefaultCertificate = true` (source `cloudfront`) whatever
certificate was given, so the provider plans to change both on every run.
"""
from ._patch import replace


def apply() -> None:
    from moto.cloudfront.models import DefaultCacheBehaviour, ViewerCertificate

    def make_behaviour(original):
        def __init__(self, config):
            original(self, config)
            if config.get("CachePolicyId") and not config.get("ForwardedValues"):
                self.forwarded_values = None

        return __init__

    def make_certificate(original):
        def __init__(self, config):
            original(self, config)
            if "CloudFrontDefaultCertificate" not in config and (self.acm_certificate_arn or self.iam_certificate_id):
                self.cloud_front_default_certificate = False
                self.certificate_source = "acm" if self.acm_certificate_arn else "iam"
                self.certificate = self.acm_certificate_arn or self.iam_certificate_id

        return __init__

    replace(DefaultCacheBehaviour, "__init__", make_behaviour)
    replace(ViewerCertificate, "__init__", make_certificate)
