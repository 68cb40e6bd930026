export { realDataDir, realDataPath } from './real-data';
