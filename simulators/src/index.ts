export { startSensorFleet, simulatedPayload, type SensorFleet, type SensorFleetOptions } from './fleet/sensor-fleet';
export { layOutFleet, type SimulatedSensor } from './fleet/fleet-layout';
export { startAppealTrickle, type AppealTrickle, type AppealTrickleOptions } from './appeals/appeal-trickle';
export { SeededRandom } from './random/seeded-random';
