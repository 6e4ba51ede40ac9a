export * from './auth.contract.js';
export * from './common.js';
export * from './endpoint.js';
export * from './errors.js';
export * from './tokens.contract.js';
export * from './workspaces.contract.js';
export * from './client.js';
