export { realDataDir, realDataPath } from './real-data';
export { openLiveClient, type LiveTestClient } from './live-client';
