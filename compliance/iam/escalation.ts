/** Privilege-escalation action sets, shared by the rules that look for them. */

/**
 * Privilege-escalation methods (Rhino Security Labs' list, as cloudsplaining
 * names them): each is a set of actions that together let a principal grant
 * itself more than it was given.
 */
export const ESCALATION_METHODS: Readonly<Record<string, readonly string[]>> = {
  CreateNewPolicyVersion: ['iam:CreatePolicyVersion'],
  SetExistingDefaultPolicyVersion: ['iam:SetDefaultPolicyVersion'],
  CreateEC2WithExistingInstanceProfile: ['iam:PassRole', 'ec2:RunInstances'],
  CreateAccessKey: ['iam:CreateAccessKey'],
  CreateLoginProfile: ['iam:CreateLoginProfile'],
  UpdateLoginProfile: ['iam:UpdateLoginProfile'],
  AttachUserPolicy: ['iam:AttachUserPolicy'],
  AttachGroupPolicy: ['iam:AttachGroupPolicy'],
  AttachRolePolicy: ['iam:AttachRolePolicy'],
  PutUserPolicy: ['iam:PutUserPolicy'],
  PutGroupPolicy: ['iam:PutGroupPolicy'],
  PutRolePolicy: ['iam:PutRolePolicy'],
  AddUserToGroup: ['iam:AddUserToGroup'],
  UpdateRolePolicyToAssumeIt: ['iam:UpdateAssumeRolePolicy'],
  PassExistingRoleToNewLambdaThenInvoke: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
  PassExistingRoleToNewLambdaThenTriggerWithNewDynamo: ['iam:PassRole', 'lambda:CreateFunction', 'lambda:CreateEventSourceMapping'],
  EditExistingLambdaFunctionWithRole: ['lambda:UpdateFunctionCode'],
  PassExistingRoleToNewGlueDevEndpoint: ['iam:PassRole', 'glue:CreateDevEndpoint'],
  UpdateExistingGlueDevEndpoint: ['glue:UpdateDevEndpoint'],
  PassExistingRoleToNewCloudFormation: ['iam:PassRole', 'cloudformation:CreateStack'],
  PassExistingRoleToNewDataPipeline: ['iam:PassRole', 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'],
};
