"""Each fix: moto's answer as released, then the corrected answer AWS documents."""
import json
import os
from urllib.parse import quote

from botocore.exceptions import ClientError

from .support import ACCOUNT, REGION, EmulatorTest, client, moto_as_released, raw_get


class BackupListTags(EmulatorTest):
    def test_tags_read_back_without_trailing_slash(self):
        backup = client("backup")
        arn = backup.create_backup_vault(BackupVaultName="vault", BackupVaultTags={"team": "data"})["BackupVaultArn"]
        path = f"/tags/{quote(arn, safe='')}"  # as the AWS SDK for Go sends it
        with moto_as_released():
            self.assertEqual(json.loads(raw_get("backup", path))["Tags"], {})
        self.assertEqual(json.loads(raw_get("backup", path))["Tags"], {"team": "data"})
        self.assertEqual(json.loads(raw_get("backup", path + "/"))["Tags"], {"team": "data"})


def _vpc_and_subnet(ec2):
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24")["Subnet"]["SubnetId"]
    return vpc, subnet


def _image(ec2):
    return ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]


class SecurityGroupRuleDescription(EmulatorTest):
    def test_rule_referencing_a_group_keeps_its_description(self):
        ec2 = client("ec2")
        vpc, _ = _vpc_and_subnet(ec2)
        source = ec2.create_security_group(GroupName="alb", Description="alb", VpcId=vpc)["GroupId"]
        target = ec2.create_security_group(GroupName="db", Description="db", VpcId=vpc)["GroupId"]
        ec2.authorize_security_group_ingress(
            GroupId=target,
            IpPermissions=[{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "UserIdGroupPairs": [{"GroupId": source, "Description": "from the ALB"}]}],
        )

        def descriptions():
            rules = ec2.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": [target]}])["SecurityGroupRules"]
            return [r.get("Description") for r in rules if not r["IsEgress"]]

        with moto_as_released():
            self.assertEqual(descriptions(), [None])
        self.assertEqual(descriptions(), ["from the ALB"])

    def test_rule_referencing_a_prefix_list_keeps_its_description(self):
        ec2 = client("ec2")
        vpc, _ = _vpc_and_subnet(ec2)
        prefix_list = ec2.create_managed_prefix_list(PrefixListName="origins", MaxEntries=2, AddressFamily="IPv4", Entries=[{"Cidr": "10.9.0.0/16"}])["PrefixList"]["PrefixListId"]

        def descriptions(name):
            group = ec2.create_security_group(GroupName=name, Description=name, VpcId=vpc)["GroupId"]
            ec2.authorize_security_group_ingress(
                GroupId=group,
                IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "PrefixListIds": [{"PrefixListId": prefix_list, "Description": "HTTPS from the origins"}]}],
            )
            rules = ec2.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": [group]}])["SecurityGroupRules"]
            return [(r["PrefixListId"], r.get("Description")) for r in rules if not r["IsEgress"]]

        with moto_as_released():
            self.assertEqual(descriptions("alb-before"), [(prefix_list, None)])
        self.assertEqual(descriptions("alb-after"), [(prefix_list, "HTTPS from the origins")])


class InstanceNetworkInterfaces(EmulatorTest):
    def _run(self, ec2):
        vpc, subnet = _vpc_and_subnet(ec2)
        group = ec2.create_security_group(GroupName="host", Description="host", VpcId=vpc)["GroupId"]
        instance = ec2.run_instances(
            ImageId=_image(ec2), MinCount=1, MaxCount=1, InstanceType="t3.micro",
            NetworkInterfaces=[{"DeviceIndex": 0, "SubnetId": subnet, "Groups": [group], "AssociatePublicIpAddress": False}],
        )["Instances"][0]["InstanceId"]
        return group, ec2.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]

    def test_no_association_without_a_public_ip(self):
        ec2 = client("ec2")
        with moto_as_released():
            _, described = self._run(ec2)
            self.assertIn("Association", described["NetworkInterfaces"][0])
        _, described = self._run(ec2)
        self.assertNotIn("Association", described["NetworkInterfaces"][0])

    def test_groups_of_the_primary_interface_are_the_instance_groups(self):
        ec2 = client("ec2")
        with moto_as_released():
            _, described = self._run(ec2)
            self.assertEqual(described["SecurityGroups"], [])
        group, described = self._run(ec2)
        self.assertEqual([g["GroupId"] for g in described["SecurityGroups"]], [group])


class InstanceMonitoring(EmulatorTest):
    def test_monitor_and_unmonitor_keep_state(self):
        ec2 = client("ec2")
        instance = ec2.run_instances(ImageId=_image(ec2), MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
        with moto_as_released():  # not implemented: an HTTP 500
            with self.assertRaises(Exception):
                ec2.monitor_instances(InstanceIds=[instance])
        answer = ec2.monitor_instances(InstanceIds=[instance])["InstanceMonitorings"]
        self.assertEqual(answer, [{"InstanceId": instance, "Monitoring": {"State": "enabled"}}])
        state = lambda: ec2.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]["Monitoring"]["State"]  # noqa: E731
        self.assertEqual(state(), "enabled")
        ec2.unmonitor_instances(InstanceIds=[instance])
        self.assertEqual(state(), "disabled")
        with self.assertRaises(ClientError):
            ec2.monitor_instances(InstanceIds=["i-00000000000000000"])


class EbsDefaultKmsKey(EmulatorTest):
    def test_get_and_reset_read_the_stored_key(self):
        ec2, kms = client("ec2"), client("kms")
        with moto_as_released():  # not implemented: an HTTP 500
            with self.assertRaises(Exception):
                ec2.get_ebs_default_kms_key_id()
        managed = ec2.get_ebs_default_kms_key_id()["KmsKeyId"]
        key = kms.create_key()["KeyMetadata"]["Arn"]
        ec2.modify_ebs_default_kms_key_id(KmsKeyId=key)
        self.assertEqual(ec2.get_ebs_default_kms_key_id()["KmsKeyId"], key)
        self.assertEqual(ec2.reset_ebs_default_kms_key_id()["KmsKeyId"], managed)
        self.assertEqual(ec2.get_ebs_default_kms_key_id()["KmsKeyId"], managed)


class GuardDutyFeatures(EmulatorTest):
    def test_update_detector_keeps_features_it_does_not_name(self):
        guardduty = client("guardduty")

        def features_after_two_updates():
            detector = guardduty.create_detector(Enable=True)["DetectorId"]
            guardduty.update_detector(DetectorId=detector, Features=[{"Name": "S3_DATA_EVENTS", "Status": "ENABLED"}])
            guardduty.update_detector(DetectorId=detector, Features=[{"Name": "EBS_MALWARE_PROTECTION", "Status": "ENABLED"}])
            return sorted(f["Name"] for f in guardduty.get_detector(DetectorId=detector)["Features"])

        with moto_as_released():
            self.assertEqual(features_after_two_updates(), ["EBS_MALWARE_PROTECTION"])
        self.assertEqual(features_after_two_updates(), ["EBS_MALWARE_PROTECTION", "S3_DATA_EVENTS"])


class RdsClusters(EmulatorTest):
    def _cluster(self, rds, name):
        rds.create_db_cluster(
            DBClusterIdentifier=name, Engine="aurora-postgresql", MasterUsername="admin", MasterUserPassword="password123",
            ServerlessV2ScalingConfiguration={"MinCapacity": 0.5, "MaxCapacity": 4},
        )
        return rds.describe_db_clusters(DBClusterIdentifier=name)["DBClusters"][0]

    def test_scaling_configuration_info_only_for_serverless_v1(self):
        rds = client("rds")
        with moto_as_released():
            self.assertIn("ScalingConfigurationInfo", self._cluster(rds, "before"))
        self.assertNotIn("ScalingConfigurationInfo", self._cluster(rds, "after"))
        rds.create_db_cluster(DBClusterIdentifier="v1", Engine="aurora-postgresql", EngineMode="serverless", MasterUsername="admin", MasterUserPassword="password123")
        self.assertIn("ScalingConfigurationInfo", rds.describe_db_clusters(DBClusterIdentifier="v1")["DBClusters"][0])

    def test_every_instance_has_its_own_resource_id(self):
        rds = client("rds")

        def resource_ids(prefix):
            for n in (1, 2):
                rds.create_db_instance(DBInstanceIdentifier=f"{prefix}{n}", DBInstanceClass="db.t3.micro", Engine="postgres", MasterUsername="admin", MasterUserPassword="password123", AllocatedStorage=20)
            return {i["DbiResourceId"] for i in rds.describe_db_instances()["DBInstances"] if i["DBInstanceIdentifier"].startswith(prefix)}

        with moto_as_released():
            self.assertEqual(len(resource_ids("before")), 1)
        self.assertEqual(len(resource_ids("after")), 2)


class IamServiceSpecificCredentials(EmulatorTest):
    def test_a_user_has_none_and_an_unknown_user_is_refused(self):
        iam = client("iam")
        iam.create_user(UserName="alice")
        with moto_as_released():
            with self.assertRaises(Exception):
                iam.list_service_specific_credentials(UserName="alice")
        self.assertEqual(iam.list_service_specific_credentials(UserName="alice")["ServiceSpecificCredentials"], [])
        with self.assertRaises(ClientError) as refused:
            iam.list_service_specific_credentials(UserName="nobody")
        self.assertEqual(refused.exception.response["Error"]["Code"], "NoSuchEntity")


class OrganizationMemberAccounts(EmulatorTest):
    def test_named_accounts_join_the_new_organization(self):
        orgs = client("organizations")
        os.environ["TENANTFORM_MOTO_MEMBER_ACCOUNTS"] = "222222222222"
        try:
            with moto_as_released():
                orgs.create_organization(FeatureSet="ALL")
                self.assertNotIn("222222222222", [a["Id"] for a in orgs.list_accounts()["Accounts"]])
                orgs.delete_organization()
            orgs.create_organization(FeatureSet="ALL")
        finally:
            del os.environ["TENANTFORM_MOTO_MEMBER_ACCOUNTS"]
        self.assertIn("222222222222", [a["Id"] for a in orgs.list_accounts()["Accounts"]])
        policy = orgs.create_policy(Name="p", Description="p", Type="SERVICE_CONTROL_POLICY", Content=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "organizations:LeaveOrganization", "Resource": "*"}]}))
        orgs.attach_policy(PolicyId=policy["Policy"]["PolicySummary"]["Id"], TargetId="222222222222")


class RdsParameterSource(EmulatorTest):
    def test_parameters_the_user_set_are_found_by_the_user_filter(self):
        rds = client("rds")
        rds.create_db_parameter_group(DBParameterGroupName="tls", DBParameterGroupFamily="postgres16", Description="tls")
        rds.modify_db_parameter_group(DBParameterGroupName="tls", Parameters=[{"ParameterName": "rds.force_ssl", "ParameterValue": "1", "ApplyMethod": "immediate"}])
        with moto_as_released():
            self.assertNotIn("Source", rds.describe_db_parameters(DBParameterGroupName="tls", Source="user")["Parameters"][0])
        self.assertEqual([p["Source"] for p in rds.describe_db_parameters(DBParameterGroupName="tls", Source="user")["Parameters"]], ["user"])
        self.assertEqual(rds.describe_db_parameters(DBParameterGroupName="tls", Source="engine-default")["Parameters"], [])


class ApiGatewayDomainNames(EmulatorTest):
    def test_a_wildcard_domain_is_found_again(self):
        apigateway = client("apigateway")
        apigateway.create_domain_name(domainName="*.example.app", regionalCertificateArn="arn:aws:acm:eu-west-1:111111111111:certificate/x", endpointConfiguration={"types": ["REGIONAL"]})
        path = "/domainnames/%2A.example.app"  # as every SDK encodes the name
        with moto_as_released():
            with self.assertRaises(Exception):
                raw_get("apigateway", path)
        self.assertEqual(json.loads(raw_get("apigateway", path))["domainName"], "*.example.app")


class ApiGatewayIntegrationConnectionId(EmulatorTest):
    def _integration(self, apigateway, name):
        api = apigateway.create_rest_api(name=name)["id"]
        root = apigateway.get_resources(restApiId=api)["items"][0]["id"]
        apigateway.put_method(restApiId=api, resourceId=root, httpMethod="GET", authorizationType="NONE")
        apigateway.put_integration(
            restApiId=api, resourceId=root, httpMethod="GET", type="HTTP_PROXY", integrationHttpMethod="GET",
            uri="http://nlb.internal/", connectionType="VPC_LINK", connectionId="vpclink1",
        )
        return apigateway.get_integration(restApiId=api, resourceId=root, httpMethod="GET")

    def test_a_vpc_link_integration_keeps_its_connection_id(self):
        apigateway = client("apigateway")
        with moto_as_released():
            self.assertNotIn("connectionId", self._integration(apigateway, "before"))
        self.assertEqual(self._integration(apigateway, "after")["connectionId"], "vpclink1")


class EcsCreateService(EmulatorTest):
    def _service(self, ecs, name):
        ecs.create_cluster(clusterName=name)
        ecs.register_task_definition(family=name, containerDefinitions=[{"name": "c", "image": "nginx", "memory": 128}])
        ecs.create_service(cluster=name, serviceName=name, taskDefinition=name, desiredCount=1, healthCheckGracePeriodSeconds=60, availabilityZoneRebalancing="ENABLED")
        return ecs.describe_services(cluster=name, services=[name])["services"][0]

    def test_settings_given_at_creation_read_back(self):
        ecs = client("ecs")
        with moto_as_released():
            self.assertNotIn("healthCheckGracePeriodSeconds", self._service(ecs, "before"))
        service = self._service(ecs, "after")
        self.assertEqual((service["healthCheckGracePeriodSeconds"], service["availabilityZoneRebalancing"]), (60, "ENABLED"))


class Elbv2PrivateLinkInboundRules(EmulatorTest):
    def _balancer(self, elbv2, ec2, name):
        vpc, subnet = _vpc_and_subnet(ec2) if name == "before" else self.network
        self.network = (vpc, subnet)
        group = ec2.create_security_group(GroupName=name, Description=name, VpcId=vpc)["GroupId"]
        arn = elbv2.create_load_balancer(Name=name, Type="network", Scheme="internal", Subnets=[subnet], SecurityGroups=[group])["LoadBalancers"][0]["LoadBalancerArn"]
        elbv2.set_security_groups(LoadBalancerArn=arn, SecurityGroups=[group], EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic="off")
        return elbv2.describe_load_balancers(LoadBalancerArns=[arn])["LoadBalancers"][0]

    def test_the_setting_is_read_back(self):
        elbv2, ec2 = client("elbv2"), client("ec2")
        with moto_as_released():
            self.assertNotIn("EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic", self._balancer(elbv2, ec2, "before"))
        self.assertEqual(self._balancer(elbv2, ec2, "after")["EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic"], "off")


class CloudFrontDistributions(EmulatorTest):
    def _distribution(self, cloudfront, reference):
        config = {
            "CallerReference": reference, "Comment": "", "Enabled": True, "Aliases": {"Quantity": 1, "Items": [f"{reference}.example.app"]},
            "Origins": {"Quantity": 1, "Items": [{"Id": "api", "DomainName": "api.example.app", "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}}]},
            "DefaultCacheBehavior": {"TargetOriginId": "api", "ViewerProtocolPolicy": "https-only", "CachePolicyId": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"},
            "ViewerCertificate": {"ACMCertificateArn": "arn:aws:acm:us-east-1:111111111111:certificate/x", "SSLSupportMethod": "sni-only", "MinimumProtocolVersion": "TLSv1.2_2021"},
        }
        distribution = cloudfront.create_distribution(DistributionConfig=config)["Distribution"]
        return cloudfront.get_distribution_config(Id=distribution["Id"])["DistributionConfig"]

    def test_cache_policy_and_acm_certificate_read_back_as_sent(self):
        cloudfront = client("cloudfront")
        with moto_as_released():
            before = self._distribution(cloudfront, "before")
            self.assertIn("ForwardedValues", before["DefaultCacheBehavior"])
            self.assertTrue(before["ViewerCertificate"]["CloudFrontDefaultCertificate"])
        after = self._distribution(cloudfront, "after")
        self.assertNotIn("ForwardedValues", after["DefaultCacheBehavior"])
        self.assertFalse(after["ViewerCertificate"]["CloudFrontDefaultCertificate"])
        self.assertEqual(after["ViewerCertificate"]["CertificateSource"], "acm")


class EcsServiceNetworkConfiguration(EmulatorTest):
    def test_a_bridge_mode_service_has_none(self):
        ecs = client("ecs")

        def described(name):
            ecs.create_cluster(clusterName=name)
            ecs.register_task_definition(family=name, networkMode="bridge", containerDefinitions=[{"name": "c", "image": "nginx", "memory": 128}])
            ecs.create_service(cluster=name, serviceName=name, taskDefinition=name, desiredCount=1, launchType="EC2")
            return ecs.describe_services(cluster=name, services=[name])["services"][0]

        with moto_as_released():
            self.assertEqual(described("before").get("networkConfiguration"), {})
        self.assertNotIn("networkConfiguration", described("after"))


class LaunchTemplateTags(EmulatorTest):
    def test_the_template_tags_stay_off_the_version_data(self):
        ec2 = client("ec2")

        def data(name):
            ec2.create_launch_template(
                LaunchTemplateName=name, LaunchTemplateData={"InstanceType": "t3.micro"},
                TagSpecifications=[{"ResourceType": "launch-template", "Tags": [{"Key": "team", "Value": "ids"}]}],
            )
            version = ec2.describe_launch_template_versions(LaunchTemplateName=name)["LaunchTemplateVersions"][0]
            template = ec2.describe_launch_templates(LaunchTemplateNames=[name])["LaunchTemplates"][0]
            return version["LaunchTemplateData"], template["Tags"]

        with moto_as_released():
            self.assertIn("TagSpecifications", data("before")[0])
        version_data, tags = data("after")
        self.assertNotIn("TagSpecifications", version_data)
        self.assertEqual(tags, [{"Key": "team", "Value": "ids"}])


class LambdaLoggingAndDeadLetterConfig(EmulatorTest):
    def _function(self, name, **settings):
        import io
        import zipfile

        iam = client("iam")
        role = iam.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
        code = io.BytesIO()
        with zipfile.ZipFile(code, "w") as z:
            z.writestr("index.py", "def handler(event, context):\n    return event\n")
        awslambda = client("lambda")
        awslambda.create_function(FunctionName=name, Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": code.getvalue()}, **settings)
        return awslambda.get_function(FunctionName=name)["Configuration"]

    def test_logging_and_dead_letter_config_read_back(self):
        dlq = f"arn:aws:sqs:{REGION}:{ACCOUNT}:worker-dlq"
        settings = {"LoggingConfig": {"LogFormat": "JSON", "LogGroup": "/tenantform/worker"}, "DeadLetterConfig": {"TargetArn": dlq}}
        with moto_as_released():
            before = self._function("before", **settings)
            self.assertNotIn("LoggingConfig", before)
            self.assertNotIn("DeadLetterConfig", before)
        after = self._function("after", **settings)
        self.assertEqual(after["LoggingConfig"], {"LogFormat": "JSON", "LogGroup": "/tenantform/worker", "ApplicationLogLevel": "INFO", "SystemLogLevel": "INFO"})
        self.assertEqual(after["DeadLetterConfig"], {"TargetArn": dlq})

    def test_defaults_and_updates(self):
        self.assertEqual(self._function("plain")["LoggingConfig"], {"LogFormat": "Text", "LogGroup": "/aws/lambda/plain"})
        self.assertNotIn("DeadLetterConfig", self._function("plain-2"))
        awslambda = client("lambda")
        awslambda.update_function_configuration(FunctionName="plain", LoggingConfig={"LogFormat": "JSON", "ApplicationLogLevel": "WARN"})
        self.assertEqual(awslambda.get_function(FunctionName="plain")["Configuration"]["LoggingConfig"], {"LogFormat": "JSON", "LogGroup": "/aws/lambda/plain", "ApplicationLogLevel": "WARN", "SystemLogLevel": "INFO"})


class CloudFrontOriginAccessControlId(EmulatorTest):
    def _origin(self, cloudfront, reference, control):
        origin = {"Id": "site", "DomainName": "site.s3.eu-west-1.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}, "OriginAccessControlId": control}
        config = {
            "CallerReference": reference,
            "Comment": "",
            "Enabled": True,
            "Origins": {"Quantity": 1, "Items": [origin]},
            "DefaultCacheBehavior": {"TargetOriginId": "site", "ViewerProtocolPolicy": "redirect-to-https", "CachePolicyId": "658327ea-f89d-4fab-a63d-7e88639e58f6"},
        }
        distribution = cloudfront.create_distribution(DistributionConfig=config)["Distribution"]["Id"]
        return cloudfront.get_distribution_config(Id=distribution)["DistributionConfig"]["Origins"]["Items"][0]

    def test_an_origin_keeps_its_access_control(self):
        cloudfront = client("cloudfront")
        control = cloudfront.create_origin_access_control(OriginAccessControlConfig={"Name": "site", "SigningProtocol": "sigv4", "SigningBehavior": "always", "OriginAccessControlOriginType": "s3"})["OriginAccessControl"]["Id"]
        with moto_as_released():
            self.assertFalse(self._origin(cloudfront, "before", control).get("OriginAccessControlId"))
        self.assertEqual(self._origin(cloudfront, "after", control)["OriginAccessControlId"], control)


class SqsRedrivePolicyText(EmulatorTest):
    def _redrive_policy(self, sqs, name):
        dlq = sqs.create_queue(QueueName=f"{name}-dlq")["QueueUrl"]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        queue = sqs.create_queue(QueueName=name, Attributes={"RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 5}, separators=(",", ":"))})["QueueUrl"]
        return dlq_arn, sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["RedrivePolicy"])["Attributes"]["RedrivePolicy"]

    def test_the_policy_reads_back_as_compact_json(self):
        sqs = client("sqs")
        with moto_as_released():
            _, before = self._redrive_policy(sqs, "before")
            self.assertIn('", "', before)
        dlq_arn, after = self._redrive_policy(sqs, "after")
        self.assertEqual(after, f'{{"deadLetterTargetArn":"{dlq_arn}","maxReceiveCount":5}}')


class LambdaImageConfigResponse(EmulatorTest):
    def _image_function(self, name, **settings):
        role = client("iam").create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
        awslambda = client("lambda")
        awslambda.create_function(FunctionName=name, Role=role, PackageType="Image", Code={"ImageUri": f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/backend:2.6.0"}, **settings)
        return awslambda.get_function(FunctionName=name)["Configuration"]

    def test_no_image_configuration_unless_one_was_set(self):
        with moto_as_released():
            self.assertEqual(self._image_function("image-before")["ImageConfigResponse"], {"ImageConfig": {"Command": [], "EntryPoint": []}})
        self.assertNotIn("ImageConfigResponse", self._image_function("image-after"))
        self.assertNotIn("ImageConfigResponse", client("lambda").get_function_configuration(FunctionName="image-after"))

    def test_set_image_configuration_is_reported(self):
        overrides = {"Command": ["app.handler"], "EntryPoint": ["/lambda-entrypoint.sh"], "WorkingDirectory": "/var/task"}
        self.assertEqual(self._image_function("image-set", ImageConfig=overrides)["ImageConfigResponse"], {"ImageConfig": overrides})
        self.assertEqual(self._image_function("image-workdir", ImageConfig={"WorkingDirectory": "/srv"})["ImageConfigResponse"]["ImageConfig"]["WorkingDirectory"], "/srv")


class EksClusters(EmulatorTest):
    def _role(self, name, service):
        document = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]}
        return client("iam").create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(document))["Role"]["Arn"]

    def _cluster(self, eks, name, **settings):
        _, subnet = _vpc_and_subnet(client("ec2"))
        eks.create_cluster(name=name, roleArn=self._role(name, "eks.amazonaws.com"), resourcesVpcConfig={"subnetIds": [subnet]}, **settings)
        return subnet

    def _nodegroup(self, eks, name, **settings):
        subnet = self._cluster(eks, name)
        eks.create_nodegroup(clusterName=name, nodegroupName=name, nodeRole=self._role(f"{name}-nodes", "ec2.amazonaws.com"), subnets=[subnet], **settings)
        return eks.describe_nodegroup(clusterName=name, nodegroupName=name)["nodegroup"]


class EksClusterAccessConfig(EksClusters):
    def test_access_config_given_at_creation_reads_back(self):
        eks = client("eks")
        sent = {"authenticationMode": "API", "bootstrapClusterCreatorAdminPermissions": False}
        with moto_as_released():
            self._cluster(eks, "before", accessConfig=sent)
            self.assertNotIn("accessConfig", eks.describe_cluster(name="before")["cluster"])
        self._cluster(eks, "after", accessConfig=sent)
        self.assertEqual(eks.describe_cluster(name="after")["cluster"]["accessConfig"], sent)

    def test_defaults_and_update(self):
        eks = client("eks")
        self._cluster(eks, "defaults")
        self.assertEqual(eks.describe_cluster(name="defaults")["cluster"]["accessConfig"], {"authenticationMode": "CONFIG_MAP", "bootstrapClusterCreatorAdminPermissions": True})
        eks.update_cluster_config(name="defaults", accessConfig={"authenticationMode": "API_AND_CONFIG_MAP"})
        self.assertEqual(eks.describe_cluster(name="defaults")["cluster"]["accessConfig"]["authenticationMode"], "API_AND_CONFIG_MAP")


class EksNodegroupRemoteAccess(EksClusters):
    def test_no_remote_access_unless_asked_for(self):
        eks = client("eks")
        with moto_as_released():
            before = self._nodegroup(eks, "before")
            self.assertEqual((before["remoteAccess"], "remoteAccessSecurityGroup" in before["resources"]), ({"ec2SshKey": "eksKeypair"}, True))
        after = self._nodegroup(eks, "after")
        self.assertNotIn("remoteAccess", after)
        self.assertNotIn("remoteAccessSecurityGroup", after["resources"])
        asked = self._nodegroup(eks, "asked", remoteAccess={"ec2SshKey": "ops"})
        self.assertEqual(asked["remoteAccess"], {"ec2SshKey": "ops"})
        self.assertIn("remoteAccessSecurityGroup", asked["resources"])


class EksNodegroupUpdateConfig(EksClusters):
    def test_update_config_given_at_creation_reads_back(self):
        eks = client("eks")
        with moto_as_released():
            self.assertNotIn("updateConfig", self._nodegroup(eks, "before", updateConfig={"maxUnavailable": 1}))
        self.assertEqual(self._nodegroup(eks, "after", updateConfig={"maxUnavailable": 1})["updateConfig"], {"maxUnavailable": 1})
