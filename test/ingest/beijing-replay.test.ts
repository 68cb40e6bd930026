import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loadConfig } from '@citytwin/api';
import { realDataPath } from '@citytwin/api/testing';
import { CITY_PROFILES, cellAtLatLng } from '@citytwin/shared';
import { countReadings, findSensor, type Store } from '@citytwin/store';
import { openTestStore } from '@citytwin/store/testing';
import { startIngestWorker, type IngestWorker } from '@citytwin/ingest';
import { startMosquitto, type MosquittoInstance } from '@citytwin/ingest/testing';
import { waitFor } from '@citytwin/ingest/testing';

// Real hourly data of one station (UCI Beijing Multi-Site Air Quality, CC BY 4.0), read in place.
const AIR_DIR = `${realDataPath('beijing/air')}/`;
const STATION = { id: 'dongsi-1003A', file: 'PRSA_Data_Dongsi_20130301-20170228.csv', lat: 39.9289, lng: 116.4174 };
const COLUMNS = { pm25: 'PM2.5', pm10: 'PM10', no2: 'NO2', o3: 'O3', temperature_c: 'TEMP' } as const;
type Metric = keyof typeof COLUMNS;
const BEIJING_OFFSET_MS = 8 * 3600_000; // China has kept UTC+8 without daylight saving since 1992.

interface HourRow { tsMs: number; values: Partial<Record<Metric, number>> }

async function readStation(): Promise<HourRow[]> {
  const [header, ...lines] = (await readFile(AIR_DIR + STATION.file, 'utf8')).trim().split('\n');
  const names = header!.split(',').map((name) => name.replaceAll('"', ''));
  const at = (name: string) => names.indexOf(name);
  return lines.map((line) => {
    const cells = line.split(',');
    const [year, month, day, hour] = ['year', 'month', 'day', 'hour'].map((name) => Number(cells[at(name)]));
    const values: Partial<Record<Metric, number>> = {};
    for (const [metric, column] of Object.entries(COLUMNS) as Array<[Metric, string]>) {
      const text = cells[at(column)];
      if (text !== undefined && text !== 'NA') values[metric] = Number(text);
    }
    return { tsMs: Date.UTC(year!, month! - 1, day!, hour!) - BEIJING_OFFSET_MS, values };
  });
}

describe('replay of real Beijing hourly air data (Dongsi station) through MQTT', () => {
  let broker: MosquittoInstance;
  let store: Store;
  let worker: IngestWorker;
  let rows: HourRow[];
  const prefix = `bj${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    [broker, store, rows] = await Promise.all([startMosquitto(), openTestStore('postgres'), readStation()]);
    worker = await startIngestWorker({
      store, mqttUrl: broker.url, topicPrefix: prefix, city: CITY_PROFILES.beijing, resolution: 9, clientId: `ingest-${prefix}`,
      maxAgeMs: 20 * 365 * 86_400_000, logger: pino({ level: 'silent' }),
    });
    await waitFor('worker connected', () => worker.stats().connected, 10_000);
  });
  afterAll(async () => {
    await worker?.close();
    await store?.close();
    await broker?.dispose();
  });

  it('serves hourly and monthly means from /api/cells equal to the means of the CSV', async () => {
    const publisher = await mqtt.connectAsync(broker.url, { clientId: `pub-${prefix}` });
    const meta = { kind: 'air', name: 'Dongsi 东四', lat: STATION.lat, lng: STATION.lng, metrics: Object.keys(COLUMNS), intervalMs: 3600_000 };
    await publisher.publishAsync(`${prefix}/sensors/${STATION.id}/meta`, JSON.stringify(meta), { qos: 1, retain: true });
    await waitFor('station registered', async () => (await findSensor(store.db, STATION.id)) !== undefined, 10_000);
    const expected = rows.reduce((sum, row) => sum + Object.keys(row.values).length, 0);
    for (let start = 0; start < rows.length; start += 2000) {
      await Promise.all(rows.slice(start, start + 2000).map((row) =>
        publisher.publishAsync(`${prefix}/sensors/${STATION.id}`, JSON.stringify({ ts: new Date(row.tsMs).toISOString(), values: row.values }), { qos: 1 })));
    }
    await waitFor('every reading stored', async () => (await countReadings(store.db, STATION.id)) === expected, 120_000);
    await publisher.endAsync();
    expect(worker.stats().deadLetters).toBe(0);

    const app = await buildApp({ store, config: { ...loadConfig({}), city: CITY_PROFILES.beijing }, logger: pino({ level: 'silent' }), broker: 'external', clock: Date.now });
    const cell = cellAtLatLng(STATION, 9);
    const cellsOf = async (metric: Metric, fromMs: number, toMs: number) => {
      const url = `/api/cells?layer=physical&metric=${metric}&res=9&from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}`;
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      return response.json<{ cells: Array<{ h3: string; value: number; count: number }> }>().cells;
    };
    // Every 997th hour: the cell's hourly mean is that hour's one value.
    for (let i = 0; i < rows.length; i += 997) {
      const row = rows[i]!;
      if (row.values.pm25 === undefined) continue;
      expect(await cellsOf('pm25', row.tsMs, row.tsMs + 3600_000)).toEqual([{ h3: cell, value: row.values.pm25, count: 1 }]);
    }
    // Whole months (longer than 7 days, so hourly rollups answer): mean of the CSV's hours in the window.
    for (const [year, month] of [[2013, 3], [2014, 1], [2015, 12], [2016, 7]] as const) {
      const fromMs = Date.UTC(year, month - 1, 1) - BEIJING_OFFSET_MS;
      const toMs = Date.UTC(year, month, 1) - BEIJING_OFFSET_MS;
      for (const metric of ['pm25', 'temperature_c'] as const) {
        const values = rows.filter((row) => row.tsMs >= fromMs && row.tsMs < toMs && row.values[metric] !== undefined).map((row) => row.values[metric]!);
        const [found] = await cellsOf(metric, fromMs, toMs);
        expect(found?.count).toBe(values.length);
        expect(found?.value).toBeCloseTo(values.reduce((sum, value) => sum + value, 0) / values.length, 9);
      }
    }
    await app.close();
  });
});
