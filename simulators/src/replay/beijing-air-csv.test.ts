import { describe, expect, it } from 'vitest';
import { parseBeijingAirCsv } from './beijing-air-csv';
import { parseBeijingStations, stationSensor } from './beijing-stations';
import { ReplaySource, selectRows } from './replay-source';

// The first three rows of PRSA_Data_Dongsi_20130301-20170228.csv (UCI, CC BY 4.0); rows 2 and 3
// edited to NA (one NO2, then every pollutant) to cover missing values.
const SLICE = `"No","year","month","day","hour","PM2.5","PM10","SO2","NO2","CO","O3","TEMP","PRES","DEWP","RAIN","wd","WSPM","station"
1,2013,3,1,0,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,"NNW",5.7,"Dongsi"
2,2013,3,1,1,4,4,3,NA,300,88,-0.7,1025.1,-22.1,0,"NW",3.9,"Dongsi"
3,2013,3,1,2,NA,NA,NA,NA,NA,NA,NA,1025.3,-24.6,0,"NNW",5.3,"Dongsi"
`;
const STATIONS = `station,station_code,name_zh,lon,lat
Dongsi,1003A,东四,116.4174,39.9289
`;

describe('Beijing air replay parsing', () => {
  it('reads Beijing local hours as UTC+8 and keeps only catalogue metrics, NA left out', () => {
    const rows = parseBeijingAirCsv(SLICE);
    expect(rows[0]).toEqual({ tsMs: Date.UTC(2013, 1, 28, 16), station: 'Dongsi', values: { pm25: 9, pm10: 9, no2: 17, o3: 89, temperature_c: -0.5 } });
    expect(Object.keys(rows[1]!.values)).toHaveLength(4);
    expect(rows[2]!.values).toEqual({});
  });

  it('publishes one native message per row with values, with the original or shifted timestamp', () => {
    const sensor = stationSensor(parseBeijingStations(STATIONS).get('Dongsi')!);
    expect(sensor.id).toBe('bj-air-1003A');
    const rows = selectRows(parseBeijingAirCsv(SLICE).map((row) => ({ ...row, sensor })));
    const source = new ReplaySource(rows, 'p', 1000);
    const slots = [source.next(), source.next(), source.next()];
    expect(slots.map((slot) => slot.messages.length)).toEqual([1, 1, 0]);
    expect(JSON.parse(slots[0]!.messages[0]!.payload)).toMatchObject({ ts: Date.UTC(2013, 1, 28, 16) + 1000 });
    expect(source.peekTsMs()).toBe(Infinity);
  });
});
