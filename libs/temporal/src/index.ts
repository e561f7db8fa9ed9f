export * from './search-attributes';
export * from './temporal-client';
export * from './temporal-config';
export * from './workflow-bundle';
