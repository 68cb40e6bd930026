export { buildApp } from './app/build-app';
export type { AppContext, AppContextInput } from './app/app-context';
export { loadConfig, ConfigError, type ApiConfig } from './config/config';
export { startStack, type Stack } from './stack/start-stack';
export { parseApiKeys, ROLES, type Role } from './auth/roles';
export { loadBoundaryFile, BoundaryFileError, type BoundaryFeature } from './areas/boundary-file';
export { createAdminAreaLocator, type AdminAreaLocator } from './areas/admin-area-locator';
export { loadCityAreas, type CityAreas } from './areas/city-areas';
export { CITIES_DIR, type BoundarySource } from './config/boundary-sources';
