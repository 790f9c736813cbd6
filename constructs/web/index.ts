export * from './static-site';
export * from './web-edge';
