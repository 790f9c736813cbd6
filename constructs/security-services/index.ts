export { SecurityServices, SecurityServicesProps, OrganizationTrailOptions, SecurityHubStandard, InspectorResource } from './security-services';
