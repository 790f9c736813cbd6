export { discoverStacks, loadStack, loadStacks, readJson } from './load';
export type { StackSource } from './load';
export { stackFromJson } from './build';
export { Resolver, splitTemplate } from './resolve';
export { linkCrossStackReferences } from './cross-stack';
