import { fileURLToPath } from 'node:url';

/** The folder of the scenario files shipped with the simulators. */
export const SHIPPED_SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
