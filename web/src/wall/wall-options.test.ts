import { describe, expect, it } from 'vitest';
import { DEFAULT_CYCLE_S, MIN_CYCLE_S, WALL_SCENES, parseWallOptions, sceneAt } from './wall-options';

describe('parseWallOptions', () => {
  it('cycles every scene every 20 s on noise by default, the language left to the city', () => {
    expect(parseWallOptions('')).toEqual({ scenes: [...WALL_SCENES], cycleS: DEFAULT_CYCLE_S, lang: null, metric: 'noise_db', category: undefined });
  });

  it('reads scenes in the order given, the cycle, language, metric and category', () => {
    expect(parseWallOptions('?scenes=ticker,overview&cycle=45&lang=en&metric=pm25&category=air')).toEqual({
      scenes: ['ticker', 'overview'], cycleS: 45, lang: 'en', metric: 'pm25', category: 'air',
    });
  });

  it('skips unknown and repeated scenes, clamps the cycle and ignores an unknown metric', () => {
    const options = parseWallOptions('?scenes=weather,fleet,fleet&cycle=1&metric=radon');
    expect(options.scenes).toEqual(['fleet']);
    expect(options.cycleS).toBe(MIN_CYCLE_S);
    expect(options.metric).toBe('noise_db');
    expect(parseWallOptions('?scenes=nothing&cycle=abc')).toMatchObject({ scenes: [...WALL_SCENES], cycleS: DEFAULT_CYCLE_S });
  });
});

describe('sceneAt', () => {
  it('shows each scene for one cycle, round and round', () => {
    const scenes = ['overview', 'fusion', 'ticker'] as const;
    expect([0, 19_999, 20_000, 40_000, 60_000, 85_000].map((ms) => sceneAt(scenes, 20, ms))).toEqual(['overview', 'overview', 'fusion', 'ticker', 'overview', 'fusion']);
  });
});
