export { buildApp } from './app/build-app';
export type { AppContext, AppContextInput } from './app/app-context';
export { loadConfig, ConfigError, type ApiConfig } from './config/config';
export { startStack, type Stack } from './stack/start-stack';
export { parseApiKeys, ROLES, type Role } from './auth/roles';
