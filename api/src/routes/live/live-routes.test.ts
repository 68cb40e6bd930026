import { cellToChildren } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAtLatLng, parentCell, type CellValue, type Reading } from '@citytwin/shared';
import { CHANGE_CHANNELS, describeReadingsBatch, findPhysicalCells, insertAlert, insertAppeal, insertReadingsBatch, notifyChange, updateAlert, type AlertWrite } from '@citytwin/store';
import { openLiveClient, type LiveTestClient } from '../../testing/live-client';
import { openTestApp, type TestApp } from '../../testing/test-app';

const NOW = Date.parse('2026-06-01T12:00:00Z');
const T0 = NOW - 3600_000;
const A = { lat: 39.9042, lng: 116.4074 };
const B = { lat: 39.95, lng: 116.3 };
const cellA = cellAtLatLng(A, 9);
const cellB = cellAtLatLng(B, 9);

const byH3 = (cells: CellValue[]) => Object.fromEntries(cells.map((cell) => [cell.h3, { value: cell.value, count: cell.count }]));
const noise = (sensorId: string, cell: string, tsMs: number, value: number) => ({ sensorId, metric: 'noise_db', tsMs, value, cell }) as Reading;

describe('GET /api/live', () => {
  let t: TestApp;
  let url: string;
  const clients: LiveTestClient[] = [];
  const connect = async (apiKey?: string) => {
    const client = await openLiveClient(url, apiKey);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    t = await openTestApp({ env: { API_KEYS: 'op-key=operator', LIVE_BUFFER_CAP_BYTES: '4096' }, nowMs: NOW });
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    await insertReadingsBatch(t.store.db, [noise('s1', cellA, T0, 50), noise('s2', cellB, T0, 60)]);
    for (let i = 0; i < 3; i += 1) await insertAppeal(t.store.db, { id: `a${i}`, category: 'noise.construction', channel: 'hotline', ...A, cell: cellA, receivedAtMs: T0 }, 'test');
    await insertAppeal(t.store.db, { id: 'b0', category: 'noise.construction', channel: 'hotline', ...B, cell: cellB, receivedAtMs: T0 }, 'test');
  });
  afterAll(async () => {
    for (const client of clients) await client.close();
    await t?.close();
  });

  it('answers a subscription with a snapshot per layer, then pushes only the cells that changed', async () => {
    const client = await connect();
    client.send({ type: 'subscribe', layers: ['physical', 'human'], metric: 'noise_db', res: 9 });
    const physical = await client.next('snapshot', (message) => message.layer === 'physical');
    expect(physical.res).toBe(9);
    expect(byH3(physical.cells)).toEqual({ [cellA]: { value: 50, count: 1 }, [cellB]: { value: 60, count: 1 } });
    expect(physical.to).toBe(new Date(NOW).toISOString());
    const human = await client.next('snapshot', (message) => message.layer === 'human');
    // Anonymous: appeals at res 8 at most, and no cell under 3 appeals.
    expect(human).toMatchObject({ res: 8, suppressedBelow: 3 });
    expect(byH3(human.cells)).toEqual({ [parentCell(cellA, 8)]: { value: 3, count: 3 } });

    const after = client.messages.length;
    await insertReadingsBatch(t.store.db, [noise('s2', cellB, T0 + 60_000, 70)]);
    await notifyChange(t.store.db, CHANGE_CHANNELS.readings, { metrics: ['noise_db'], fromMs: T0 + 60_000, toMs: T0 + 60_000, count: 1 });
    const delta = await client.next('delta', () => true, { after });
    expect(delta).toMatchObject({ layer: 'physical', res: 9, removed: [], latestChangeAt: new Date(T0 + 60_000).toISOString() });
    expect(byH3(delta.cells)).toEqual({ [cellB]: { value: 65, count: 2 } });
  });

  it('re-reads only the cells a batch named, and each delta value equals a fresh read of its cell', async () => {
    const P = { lat: 39.85, lng: 116.2 };
    const cellP = cellAtLatLng(P, 9);
    // A second res-9 cell in P's res-8 cell: the res-8 value must be re-read from both children.
    const sibling = cellToChildren(parentCell(cellP, 8), 9).find((cell) => cell !== cellP)!;
    expect(sibling).not.toBe(cellP);
    expect(parentCell(sibling, 8)).toBe(parentCell(cellP, 8));
    await insertReadingsBatch(t.store.db, [noise('s5', cellP, T0, 40)]);
    const client = await connect();
    client.send({ type: 'subscribe', layers: ['physical'], metric: 'noise_db', res: 8 });
    await client.next('snapshot', (message) => message.res === 8);
    const unnamed = cellAtLatLng({ lat: 39.99, lng: 116.5 }, 9);
    const after = client.messages.length;
    const batch = [noise('s3', sibling, T0 + 180_000, 80), noise('s3', sibling, T0 + 181_000, 82)];
    // A batch nobody announced (its cell must not be re-read), then an announced one naming only its own cell.
    await insertReadingsBatch(t.store.db, [noise('s4', unnamed, T0 + 180_000, 99)]);
    await insertReadingsBatch(t.store.db, batch);
    await notifyChange(t.store.db, CHANGE_CHANNELS.readings, describeReadingsBatch(batch));
    const delta = await client.next('delta', (message) => message.res === 8, { after });
    expect(delta.cells.map((cell) => cell.h3)).toEqual([parentCell(cellP, 8)]);
    expect(byH3(delta.cells)).toEqual({ [parentCell(cellP, 8)]: { value: (40 + 80 + 82) / 3, count: 3 } });
    const fresh = await findPhysicalCells(t.store.db, 'noise_db', { res: 8, fromMs: NOW - 86_400_000, toMs: NOW });
    expect(byH3(delta.cells)).toEqual(byH3(fresh.filter((cell) => cell.h3 === parentCell(cellP, 8))));
    expect(delta.removed).toEqual([]);
  });

  it('shows an operator every appeal cell at the resolution asked for', async () => {
    const client = await connect('op-key');
    client.send({ type: 'subscribe', layers: ['human'], res: 9, category: 'noise' });
    const human = await client.next('snapshot');
    expect(human.suppressedBelow).toBeUndefined();
    expect(byH3(human.cells)).toEqual({ [cellA]: { value: 3, count: 3 }, [cellB]: { value: 1, count: 1 } });
  });

  it('keeps to the bounding box asked for', async () => {
    const client = await connect();
    client.send({ type: 'subscribe', layers: ['physical'], metric: 'noise_db', res: 9, bbox: [116.39, 39.89, 116.42, 39.92] });
    const snapshot = await client.next('snapshot');
    expect(snapshot.cells.map((cell) => cell.h3)).toEqual([cellA]);
  });

  it.each([
    [{ type: 'subscribe', layers: ['thermal'], res: 8 }, 'layers'],
    [{ type: 'subscribe', layers: [], res: 8 }, 'layers'],
    [{ type: 'subscribe', layers: ['human'] }, 'res'],
    [{ type: 'subscribe', layers: ['human'], res: 'eight' }, 'res'],
    [{ type: 'subscribe', layers: ['human'], res: 4 }, 'res'],
    [{ type: 'subscribe', layers: ['physical'], res: 8 }, 'metric'],
    [{ type: 'subscribe', layers: ['physical'], metric: 'radon', res: 8 }, 'metric'],
    [{ type: 'subscribe', layers: ['human'], category: 'weather', res: 8 }, 'category'],
    [{ type: 'subscribe', layers: ['human'], res: 8, bbox: [116.5, 39.8, 116.3, 40] }, 'bbox'],
    [{ type: 'subscribe', layers: ['human'], res: 8, bbox: [1, 2, 3] }, 'bbox'],
    [{ type: 'subscribe', layers: ['human'], res: 8, colour: 'red' }, 'colour'],
    [{ type: 'unsubscribe' }, 'type'],
    [[1, 2], 'message'],
    ['not json', 'message'],
  ])('refuses %j with an error naming %s and keeps the socket open', async (message, field) => {
    const client = await connect();
    client.send(typeof message === 'string' ? message : JSON.stringify(message));
    const error = await client.next('error');
    expect(error.field).toBe(field);
    expect(error.code).toBe('CT_ERR_BAD_PARAMETER');
    client.send({ type: 'subscribe', layers: ['physical'], metric: 'noise_db', res: 9 });
    expect((await client.next('snapshot')).layer).toBe('physical');
  });

  it('refuses a resolution finer than the stored one with its own code', async () => {
    const client = await connect();
    client.send({ type: 'subscribe', layers: ['human'], res: 10 });
    expect(await client.next('error')).toMatchObject({ field: 'res', code: 'CT_ERR_RESOLUTION_TOO_FINE' });
  });

  it('replaces the subscription when subscribe is sent again', async () => {
    const client = await connect();
    client.send({ type: 'subscribe', layers: ['physical'], metric: 'noise_db', res: 9 });
    await client.next('snapshot');
    client.send({ type: 'subscribe', layers: ['physical'], metric: 'pm25', res: 9 });
    const second = await client.next('snapshot', (message) => message.cells.length === 0, { after: 1 });
    expect(second.layer).toBe('physical');
    const after = client.messages.length;
    await insertReadingsBatch(t.store.db, [noise('s1', cellA, T0 + 120_000, 40)]);
    await notifyChange(t.store.db, CHANGE_CHANNELS.readings, { metrics: ['noise_db'], fromMs: T0 + 120_000, toMs: T0 + 120_000, count: 1 });
    await insertReadingsBatch(t.store.db, [{ sensorId: 's1', metric: 'pm25', tsMs: T0 + 120_000, value: 12, cell: cellA }]);
    await notifyChange(t.store.db, CHANGE_CHANNELS.readings, { metrics: ['pm25'], fromMs: T0 + 120_000, toMs: T0 + 120_000, count: 1 });
    const delta = await client.next('delta', () => true, { after });
    expect(byH3(delta.cells)).toEqual({ [cellA]: { value: 12, count: 1 } });
  });

  it('pushes each alert as it opens, updates and closes, as /api/alerts lists it, and counts the open ones', async () => {
    const anonymous = await connect();
    const operator = await connect('op-key');
    for (const client of [anonymous, operator]) {
      client.send({ type: 'subscribe', layers: ['human'], res: 8 });
      await client.next('snapshot');
    }
    const alert: AlertWrite = {
      layer: 'human', key: 'noise', h3: cellA, bucketS: 3600, status: 'open', openedAtMs: T0, closedAtMs: null, lastAbnormalAtMs: T0,
      peak: { value: 3, z: 4.5, atMs: T0 }, baseline: { median: 0, mad: 0.5 },
    };
    const id = await insertAlert(t.store.db, alert);
    const opened = await operator.next('alert', (message) => message.id === id);
    expect(opened).toMatchObject({ event: 'opened', alert: { id, layer: 'human', category: 'noise', h3: cellA, status: 'open', peak: { z: 4.5 } } });
    // Anonymous subscribers see a human alert's cell at res 8, as they see appeals.
    expect((await anonymous.next('alert', (message) => message.id === id)).alert).toMatchObject({ h3: parentCell(cellA, 8) });
    expect((await operator.next('counters', (message) => message.openAlerts === 1)).openAlerts).toBe(1);

    await updateAlert(t.store.db, id, { ...alert, status: 'closed', closedAtMs: T0 + 7200_000 }, 'closed');
    const closed = await operator.next('alert', (message) => message.id === id && message.event === 'closed');
    expect(closed.alert).toMatchObject({ status: 'closed', closedAt: new Date(T0 + 7200_000).toISOString() });
    expect((await operator.next('counters', (message) => message.openAlerts === 0)).openAlerts).toBe(0);
  });

  it('drops messages for a socket that stops reading and resyncs it with a fresh snapshot once it drains', async () => {
    const client = await connect();
    client.send({ type: 'subscribe', layers: ['physical'], metric: 'noise_db', res: 9 });
    await client.next('snapshot');
    const big = Array.from({ length: 2500 }, (_, i) => noise(`flood-${i}`, cellAtLatLng({ lat: 39.7 + (i % 50) * 0.004, lng: 116.1 + Math.floor(i / 50) * 0.004 }, 9), T0, 55));
    await insertReadingsBatch(t.store.db, big);
    await notifyChange(t.store.db, CHANGE_CHANNELS.readings, { metrics: ['noise_db'], fromMs: T0, toMs: T0, count: big.length });
    await client.next('delta', (delta) => delta.cells.length >= 2500);
    // Stop reading: the server's send buffer fills past the cap (4 KiB here) once the kernel's buffers are full.
    (client.socket as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    for (let i = 0; i < 120; i += 1) {
      client.send({ type: 'subscribe', layers: ['physical'], metric: 'noise_db', res: 9 });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    (client.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    const resync = await client.next('snapshot', (message) => message.resync === true, { timeoutMs: 20_000 });
    expect(resync.cells.length).toBeGreaterThanOrEqual(2500);
    // Fewer snapshots arrived than were asked for: the rest were dropped, not queued.
    const snapshots = client.messages.filter((message) => message.type === 'snapshot').length;
    expect(snapshots).toBeLessThan(120);
  });
});
