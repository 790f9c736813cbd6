import { ApiGatewayDeployment, ApiGatewayIntegration, ApiGatewayMethod, ApiGatewayResource, ApiGatewayRestApi, ApiGatewayStage, DataAwsSsmParameter, EcsCluster, EcsService, EcsTaskDefinition, IamInstanceProfile, IamRole, IamRolePolicyAttachment, InternetGateway, Lb, LbListener, LbListenerRule, LbTargetGroup, Route, RouteTable, RouteTableAssociation, SecurityGroup, Subnet, Vpc } from '../../core/aws';
import { AutoscalingGroup, LaunchTemplate } from '../../core/aws-examples';
import { App, Environment, TenantformStack } from 'tenantform/stacks';
import { freeTierEnvironment } from './environment';
import { AVAILABILITY_ZONES, SERVICES } from './services';

const ANYWHERE = '0.0.0.0/0';
const ALL_EGRESS = [{ fromPort: 0, toPort: 0, protocol: '-1', cidrBlocks: [ANYWHERE], description: 'all outbound traffic' }];

/**
 * The free-tier intrusion-detection system as its authors describe it, warts
 * and all: written with raw provider resources (not tenantform's secure
 * constructs) so the compliance gate has something real to find. The
 * TenantformStack base still pins the account, tags and state.
 */
export class FreeTierIdsStack extends TenantformStack {
  constructor(scope: App, id: string, environment: Environment) {
    super(scope, id, { environment });

    const vpc = new Vpc(this, 'vpc', { cidrBlock: '10.0.0.0/16', enableDnsHostnames: true, tags: { Name: 'free-tier-ids' } });
    const igw = new InternetGateway(this, 'internet-gateway', { vpcId: vpc.id });
    // No NAT gateway on the free tier: every subnet, "private" ones included, shares this route to the internet gateway.
    const routes = new RouteTable(this, 'route-table-shared', { vpcId: vpc.id });
    new Route(this, 'route-internet', { routeTableId: routes.id, destinationCidrBlock: ANYWHERE, gatewayId: igw.id });

    const subnet = (id: string, cidrBlock: string, az: string, tier: string): Subnet => {
      const s = new Subnet(this, id, { vpcId: vpc.id, cidrBlock, availabilityZone: az, mapPublicIpOnLaunch: true, tags: { Name: id, tier } });
      new RouteTableAssociation(this, `${id}-routes`, { subnetId: s.id, routeTableId: routes.id });
      return s;
    };
    const publicSubnets = AVAILABILITY_ZONES.map((az, i) => subnet(`default-subnet-public-${az}`, `10.0.${i}.0/24`, az, 'public'));

    const lbGroup = new SecurityGroup(this, 'lb-security-group', {
      name: 'lb-security-group',
      description: 'Load balancer: HTTP from API Gateway, which calls it over the internet',
      vpcId: vpc.id,
      ingress: [{ fromPort: 80, toPort: 80, protocol: 'tcp', cidrBlocks: [ANYWHERE], description: 'HTTP from API Gateway' }],
      egress: ALL_EGRESS,
    });
    const elb = new Lb(this, 'elb', { name: 'free-tier-ids', loadBalancerType: 'application', internal: false, securityGroups: [lbGroup.id], subnets: publicSubnets.map((s) => s.id) });
    const listener = new LbListener(this, 'elb-http', {
      loadBalancerArn: elb.arn,
      port: 80,
      protocol: 'HTTP',
      defaultAction: [{ type: 'fixed-response', fixedResponse: { contentType: 'text/plain', statusCode: '404', messageBody: 'no such service' } }],
    });

    const cluster = new EcsCluster(this, 'cluster', { name: 'free-tier-ids' });
    const instanceRole = new IamRole(this, 'ecs-instance-role', {
      name: 'free-tier-ids-ecs-instance',
      assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    });
    new IamRolePolicyAttachment(this, 'ecs-instance-role-ecs', { role: instanceRole.name, policyArn: 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role' });
    const profile = new IamInstanceProfile(this, 'ecs-instance-profile', { name: 'free-tier-ids-ecs-instance', role: instanceRole.name });
    const ami = new DataAwsSsmParameter(this, 'ecs-ami', { name: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id' });

    SERVICES.forEach((svc, index) => {
      // Each service has a dedicated pair of "private" subnets, which nonetheless hand out public IPs.
      const subnets = AVAILABILITY_ZONES.map((az, i) => subnet(`${svc.name}-${az}`, `10.0.${10 + index * 2 + i}.0/24`, az, 'private'));
      const group = new SecurityGroup(this, `${svc.name}-security-group`, {
        name: `${svc.name}-security-group`,
        description: `${svc.name}: its service port from the load balancer, SSH from anywhere`,
        vpcId: vpc.id,
        ingress: [
          { fromPort: svc.port, toPort: svc.port, protocol: 'tcp', securityGroups: [lbGroup.id], description: 'service traffic from the load balancer' },
          { fromPort: 22, toPort: 22, protocol: 'tcp', cidrBlocks: [ANYWHERE], description: 'SSH from anywhere' },
        ],
        egress: ALL_EGRESS,
      });
      const template = new LaunchTemplate(this, `${svc.name}-launch-template`, {
        name: `free-tier-ids-${svc.name}`,
        imageId: ami.value,
        instanceType: 't2.micro',
        vpcSecurityGroupIds: [group.id],
        iamInstanceProfile: { arn: profile.arn },
        userData: Buffer.from(`#!/bin/bash\necho ECS_CLUSTER=free-tier-ids >> /etc/ecs/ecs.config\n`).toString('base64'),
      });
      new AutoscalingGroup(this, `${svc.name}-instances`, {
        name: `free-tier-ids-${svc.name}`,
        minSize: 1,
        // A local database container cannot be shared, so those services stay on one instance.
        maxSize: svc.statefulDatabase ? 1 : 2,
        vpcZoneIdentifier: subnets.map((s) => s.id),
        launchTemplate: { id: template.id, version: '$Latest' },
      });
      const targets = new LbTargetGroup(this, `${svc.name}-targets`, {
        name: `ids-${svc.name}`.slice(0, 32),
        port: svc.port,
        protocol: 'HTTP',
        targetType: 'instance',
        vpcId: vpc.id,
        healthCheck: { path: '/health', interval: 30, healthyThreshold: 2, unhealthyThreshold: 3 },
      });
      new LbListenerRule(this, `${svc.name}-route`, {
        listenerArn: listener.arn,
        priority: svc.priority,
        condition: [{ pathPattern: { values: [svc.pathPattern] } }],
        action: [{ type: 'forward', targetGroupArn: targets.arn }],
      });
      const task = new EcsTaskDefinition(this, `${svc.name}-task`, {
        family: `free-tier-ids-${svc.name}`,
        requiresCompatibilities: ['EC2'],
        networkMode: 'bridge',
        containerDefinitions: JSON.stringify([
          { name: svc.name, image: `public.ecr.aws/free-tier-ids/${svc.name}:latest`, memory: 256, essential: true, portMappings: [{ containerPort: svc.port, hostPort: svc.port }] },
        ]),
      });
      new EcsService(this, `${svc.name}-service`, {
        name: svc.name,
        cluster: cluster.id,
        taskDefinition: task.arn,
        launchType: 'EC2',
        desiredCount: svc.statefulDatabase ? 1 : 2,
        loadBalancer: [{ targetGroupArn: targets.arn, containerName: svc.name, containerPort: svc.port }],
      });
    });

    // API Gateway maps every request onto the load balancer, path and all.
    const api = new ApiGatewayRestApi(this, 'gateway', { name: 'free-tier-ids', endpointConfiguration: { types: ['REGIONAL'] } });
    const proxy = new ApiGatewayResource(this, 'gateway-proxy', { restApiId: api.id, parentId: api.rootResourceId, pathPart: '{proxy+}' });
    const method = new ApiGatewayMethod(this, 'gateway-proxy-any', {
      restApiId: api.id,
      resourceId: proxy.id,
      httpMethod: 'ANY',
      authorization: 'NONE',
      requestParameters: { 'method.request.path.proxy': true },
    });
    const integration = new ApiGatewayIntegration(this, 'gateway-proxy-elb', {
      restApiId: api.id,
      resourceId: proxy.id,
      httpMethod: method.httpMethod,
      type: 'HTTP_PROXY',
      integrationHttpMethod: 'ANY',
      uri: `http://${elb.dnsName}/{proxy}`,
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
    });
    const deployment = new ApiGatewayDeployment(this, 'gateway-deployment', { restApiId: api.id, dependsOn: [integration], lifecycle: { createBeforeDestroy: true } });
    new ApiGatewayStage(this, 'gateway-stage', { restApiId: api.id, deploymentId: deployment.id, stageName: 'prod' });
  }
}

/** Builds the weak free-tier system in `app`; `main.ts` only adds `app.synth()`. */
export function buildFreeTierIds(app: App, environment: Environment = freeTierEnvironment()): FreeTierIdsStack {
  return new FreeTierIdsStack(app, 'free-tier-ids', environment);
}
