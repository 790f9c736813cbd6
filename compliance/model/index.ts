export { discoverStacks, loadStack, loadStacks, readJson } from './load';
export type { StackSource } from './load';
export { stackFromJson } from './build';
export { MAX_DEPTH, Resolver, splitTemplate } from './resolve';
export { isIdentifierAttribute } from './identifiers';
export { linkCrossStackReferences, missingProducers } from './cross-stack';
