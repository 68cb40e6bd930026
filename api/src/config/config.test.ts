import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded mode for Beijing with the simulator on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, mqttPort: 1883, databaseUrl: undefined, mqttUrl: undefined, simulate: true, baseResolution: 9 });
    expect(config.city.code).toBe('beijing');
    expect(config.dataDir.endsWith('.citytwin/data')).toBe(true);
    expect(config.portsChosen).toEqual({ http: false, mqtt: false });
  });

  it("takes the city's boundary files from the repository, not from a data folder beside it", () => {
    const [districts] = loadConfig({}).boundaries;
    expect(districts).toMatchObject({ level: 'district', datum: 'gcj02', origin: 'shipped' });
    expect(districts!.path.endsWith('/api/cities/beijing/districts.geojson')).toBe(true);
    expect(loadConfig({ CITY: 'nyc' }).boundaries.map((file) => file.level)).toEqual(['street', 'district']);
  });

  it('reads the server mode, the city and the keys', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      MQTT_URL: 'mqtt://127.0.0.1:1883',
      CITY: 'NYC',
      SIMULATE: 'off',
      API_KEYS: 'a=admin,b=open311',
      PORT: '0',
    });
    expect(config).toMatchObject({ port: 0, simulate: false, databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', mqttUrl: 'mqtt://127.0.0.1:1883' });
    expect(config.city.timeZone).toBe('America/New_York');
    expect(config.apiKeys.get('b')).toBe('open311');
    expect(config.portsChosen).toEqual({ http: true, mqtt: false });
  });

  it.each([
    [{ PORT: '80000' }, /PORT/],
    [{ MQTT_PORT: 'abc' }, /MQTT_PORT/],
    [{ CITY: 'paris' }, /CITY.*beijing, nyc/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ MQTT_URL: 'not a url' }, /MQTT_URL/],
    [{ SIMULATE: 'maybe' }, /SIMULATE/],
    [{ API_KEYS: 'k=root' }, /API_KEYS/],
    [{ H3_BASE_RES: '15' }, /H3_BASE_RES/],
    [{ CITY_BOUNDARIES: '/nonexistent/jiedao.geojson:street' }, /^CITY_BOUNDARIES: "\/nonexistent\/jiedao.geojson:street": cannot read/],
    [{ CITY_BOUNDARIES: 'package.json:ward' }, /^CITY_BOUNDARIES: .*level "ward"/],
    [{ DATABASE_READ_URL: 'postgres://replica:5432/citytwin' }, /DATABASE_READ_URL needs DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://db/x', DATABASE_READ_URL: 'http://replica' }, /DATABASE_READ_URL/],
    [{ DATABASE_URL: 'postgres://db/x', READ_REPLICA_MAX_LAG_S: '-1' }, /READ_REPLICA_MAX_LAG_S/],
  ])('refuses %o with a message naming the variable', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(pattern);
  });
});
