export { SharedRegistry, SharedRegistryProps, PullAccount, PULL_ACTIONS } from './shared-registry';
