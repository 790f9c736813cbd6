"""EC2 CreateLaunchTemplate: the template's own tags are not copied into its version data.

AWS documents the request's `TagSpecifications` as "the tags to apply to the
launch template on creation" (resource type `launch-template`), distinct from
`LaunchTemplateData.TagSpecifications`, the tags applied to the resources an
instance launch creates
(https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html,
https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RequestLaunchTemplateData.html).
moto 5.2.5 also appends the template's tags to the version data, so the
provider reads `tag_specifications` nobody wrote and plans to remove them.
"""
from ._patch import replace


def apply() -> None:
    from moto.ec2.responses import EC2Response

    def make(original):
        def create_launch_template(self):
            # The version data is built from the request's LaunchTemplateData only; the template's tags still tag the template.
            data_tag_specifications = list(self._get_param("LaunchTemplateData", {}).get("TagSpecifications", []))
            result = original(self)
            template = self.ec2_backend.describe_launch_templates(template_ids=[result.result["LaunchTemplate"]["LaunchTemplateId"]])[0]
            version = template.default_version()
            if data_tag_specifications:
                version.data["TagSpecifications"] = data_tag_specifications
            else:
                version.data.pop("TagSpecifications", None)
            return result

        return create_launch_template

    replace(EC2Response, "create_launch_template", make)
