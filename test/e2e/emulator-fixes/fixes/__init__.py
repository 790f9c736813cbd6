"""Corrections to moto where it answers differently from AWS's documented behaviour.

Each module holds one fix: a docstring citing the AWS documentation, and an
`apply()` that patches moto in-process. Every fix has a test in ../tests that
shows moto's own answer and the corrected one. Only APIs moto implements are
corrected here; an API moto lacks is a type gap (test/e2e/support/moto-gaps.ts)
unless a module implements it faithfully, keeping real state, and says why.
"""
from importlib import import_module

FIXES = (
    "backup_list_tags",
    "ec2_security_group_rule_description",
    "ec2_network_interface_association",
    "ec2_instance_primary_interface_groups",
    "ec2_instance_monitoring",
    "ec2_ebs_default_kms_key",
    "ec2_launch_template_tags",
    "guardduty_update_detector_features",
    "rds_scaling_configuration_info",
    "rds_dbi_resource_id",
    "rds_db_parameter_source",
    "iam_service_specific_credentials",
    "apigateway_domain_name_path",
    "apigateway_integration_connection_id",
    "ecs_create_service_settings",
    "ecs_service_network_configuration",
    "elbv2_private_link_inbound_rules",
    "cloudfront_cache_policy_and_certificate",
    "organizations_member_accounts",
    "lambda_logging_and_dead_letter_config",
    "cloudfront_origin_access_control_id",
    "sqs_redrive_policy_text",
    "lambda_image_config_response",
    "eks_cluster_access_config",
    "eks_nodegroup_remote_access",
    "eks_nodegroup_update_config",
)

_applied: list[str] = []


def apply_all() -> list[str]:
    """Applies every fix once; a second call changes nothing."""
    if not _applied:
        for name in FIXES:
            import_module(f"{__name__}.{name}").apply()
            _applied.append(name)
    return list(_applied)
