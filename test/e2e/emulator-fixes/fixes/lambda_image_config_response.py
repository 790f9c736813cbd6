"""Lambda GetFunction / GetFunctionConfiguration: no ImageConfigResponse for an image function without image settings.

AWS documents ImageConfigResponse on FunctionConfiguration as optional ("The
function's image configuration values", Required: No), and the ImageConfig in
it as the "configuration values that override the container image Dockerfile"
(https://docs.aws.amazon.com/lambda/latest/api/API_FunctionConfiguration.html,
https://docs.aws.amazon.com/lambda/latest/api/API_ImageConfigResponse.html,
https://docs.aws.amazon.com/lambda/latest/api/API_ImageConfig.html): a function
created without ImageConfig overrides nothing, and AWS reports no image
configuration for it: hashicorp/aws reads any ImageConfig it is given into
image_config, which is not computed, and its TestAccLambdaFunction_imageConfigNull
creates an image function without one against AWS and expects no change after
apply. moto 5.2.5 answers every image
function with `ImageConfigResponse: {ImageConfig: {Command: [], EntryPoint: []}}`,
so the provider plans to remove an image_config block after every apply.
"""
from ._patch import replace


def _overrides_anything(image_config) -> bool:
    return bool(image_config.cmd or image_config.entry_point or image_config.working_directory)


def apply() -> None:
    from moto.awslambda.models import LambdaFunction

    def make_get_configuration(original):
        def get_configuration(self, on_create=False):
            config = original(self, on_create)
            if "ImageConfigResponse" in config and not _overrides_anything(self.image_config):
                del config["ImageConfigResponse"]
            return config

        return get_configuration

    replace(LambdaFunction, "get_configuration", make_get_configuration)
