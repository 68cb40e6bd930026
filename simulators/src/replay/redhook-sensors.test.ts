import { describe, expect, it } from 'vitest';
import { parseRedHookLocations, parseRedHookReadings } from './redhook-sensors';

// Rows of redhook_sensor_locations.csv and redhook_LuxDustNoise_summarized_4hour_2016.csv (NYU class data).
const LOCATIONS = `sensor,site,address,lat,lon,coord_source
sensor_3,"RHI entrance (Hicks St, street level)","767 Hicks St, Brooklyn, NY 11231",40.6767795,-74.0044647,as10724_HW4.ipynb markdown
sensor_4,PioneerWorks,"(not given in source; Pioneer Works, Red Hook)",,,not in source - geocode if needed
`;
const READINGS = `dt,sensor,lux,con,spl
2016-06-21 00:00:00,sensor_3,0.0,1686.44125,76.2357382632
2016-06-21 00:00:00,sensor_4,0.0,2324.65875,70.6523338747
`;

describe('Red Hook sensors', () => {
  it('replays located sensors only, spl as noise_db at New York time', () => {
    const located = parseRedHookLocations(LOCATIONS);
    expect(located.withoutLocation).toEqual(['sensor_4']);
    const { rows, skipped } = parseRedHookReadings(READINGS, located);
    expect(skipped).toBe(1);
    expect(rows).toEqual([expect.objectContaining({ tsMs: Date.UTC(2016, 5, 21, 4), values: { noise_db: 76.24 } })]);
    expect(rows[0]!.sensor).toMatchObject({ id: 'redhook-sensor_3', kind: 'noise', lat: 40.6767795, lng: -74.0044647 });
  });
});
