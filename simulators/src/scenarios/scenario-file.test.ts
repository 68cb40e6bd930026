import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScenarioError, loadScenarioFile, validateScenario } from './scenario-file';

const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const SHIPPED = readdirSync(SCENARIO_DIR).filter((file) => file.endsWith('.yaml')).map((file) => `${SCENARIO_DIR}${file}`);

const valid = {
  name: 'tiny',
  city: 'beijing',
  durationHours: 2,
  background: { sensors: 5, intervalMinutes: 10, appealsPerHour: 1 },
  incidents: [{ id: 'a', class: 'confirmed', area: { centre: [116.4, 39.9], radiusM: 300 }, window: { fromHour: 0, toHour: 1 }, human: [{ category: 'noise', perHour: 2 }] }],
};

function errorOf(document: unknown): string {
  try {
    validateScenario(document, 'bad.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as Error).message;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario files', () => {
  it('ships the five scenarios, all valid', async () => {
    expect(SHIPPED.map((path) => path.split('/').pop())).toEqual([
      'heating-failure.yaml', 'night-construction-noise.yaml', 'pm25-silent-risk.yaml', 'rainstorm-flooding-blind-spot.yaml', 'streetlight-outage.yaml',
    ]);
    for (const path of SHIPPED) await expect(loadScenarioFile(path)).resolves.toMatchObject({ incidents: expect.any(Array) });
  });

  it('accepts a minimal scenario', () => {
    expect(validateScenario(valid).name).toBe('tiny');
  });

  it('names the bad field of a schema violation', () => {
    expect(errorOf({ ...valid, incidents: [{ ...valid.incidents[0], window: { fromHour: -1, toHour: 1 } }] })).toMatch(/^bad\.yaml: \/incidents\/0\/window\/fromHour/);
    expect(errorOf({ ...valid, city: 'paris' })).toMatch(/\/city/);
    expect(errorOf({ ...valid, extra: 1 })).toMatch(/\/extra: is not a known field/);
  });

  it('refuses unknown categories, windows past the end and incidents without effects', () => {
    expect(errorOf({ ...valid, incidents: [{ ...valid.incidents[0], human: [{ category: 'noise.fireworks', perHour: 1 }] }] })).toMatch(/category: "noise.fireworks"/);
    expect(errorOf({ ...valid, incidents: [{ ...valid.incidents[0], window: { fromHour: 1, toHour: 3 } }] })).toMatch(/after the scenario's end/);
    expect(errorOf({ ...valid, incidents: [{ ...valid.incidents[0], human: undefined }] })).toMatch(/physical or a human effect/);
  });

  it('reports unreadable and unparsable files clearly', async () => {
    await expect(loadScenarioFile('/nonexistent/x.yaml')).rejects.toThrow(/cannot read \(ENOENT\)/);
    await expect(loadScenarioFile(fileURLToPath(new URL('./scenario-file.ts', import.meta.url)).replace(/\.ts$/, '.test.ts'))).rejects.toThrow(ScenarioError);
  });
});
