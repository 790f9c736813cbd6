"""Lambda CreateFunction / UpdateFunctionConfiguration: the function keeps its LoggingConfig and DeadLetterConfig.

AWS documents both on CreateFunction and UpdateFunctionConfiguration, and on
the FunctionConfiguration that GetFunction returns: `DeadLetterConfig`
("a dead-letter queue configuration that specifies the queue or topic where
Lambda sends asynchronous events when they fail processing", TargetArn) and
`LoggingConfig` (LogFormat, ApplicationLogLevel, SystemLogLevel, LogGroup)
(https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html,
https://docs.aws.amazon.com/lambda/latest/api/API_FunctionConfiguration.html,
https://docs.aws.amazon.com/lambda/latest/api/API_LoggingConfig.html).
Every function reports a LoggingConfig: LogFormat defaults to Text and
LogGroup to /aws/lambda/<function name>; with LogFormat JSON both levels
default to INFO (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-advanced.html).
moto 5.2.5 reads neither from the request and returns neither, so the
provider plans to set them again after every apply.
"""
from ._patch import replace


def _logging_config(function_name, sent):
    config = {"LogFormat": "Text", "LogGroup": f"/aws/lambda/{function_name}", **(sent or {})}
    if config["LogFormat"] == "JSON":
        config.setdefault("ApplicationLogLevel", "INFO")
        config.setdefault("SystemLogLevel", "INFO")
    return config


def apply() -> None:
    from moto.awslambda.models import LambdaFunction

    def make_init(original):
        def __init__(self, account_id, spec, region, version=1):
            original(self, account_id, spec, region, version)
            self.dead_letter_config = spec.get("DeadLetterConfig") or None
            self.logging_config = _logging_config(self.function_name, spec.get("LoggingConfig"))

        return __init__

    def make_get_configuration(original):
        def get_configuration(self, on_create=False):
            config = original(self, on_create)
            # Functions created before the fix was applied (moto_as_released) have neither attribute.
            config["LoggingConfig"] = getattr(self, "logging_config", None) or _logging_config(self.function_name, None)
            dead_letter = getattr(self, "dead_letter_config", None)
            if dead_letter and dead_letter.get("TargetArn"):
                config["DeadLetterConfig"] = dead_letter
            return config

        return get_configuration

    def make_update_configuration(original):
        def update_configuration(self, config_updates):
            if "DeadLetterConfig" in config_updates:
                self.dead_letter_config = config_updates["DeadLetterConfig"] or None
            if "LoggingConfig" in config_updates:
                self.logging_config = _logging_config(self.function_name, {**(getattr(self, "logging_config", None) or {}), **config_updates["LoggingConfig"]})
            return original(self, config_updates)

        return update_configuration

    replace(LambdaFunction, "__init__", make_init)
    replace(LambdaFunction, "get_configuration", make_get_configuration)
    replace(LambdaFunction, "update_configuration", make_update_configuration)
