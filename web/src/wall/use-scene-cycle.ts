import { useEffect, useState } from 'react';
import { sceneAt, type WallScene } from './wall-options';

/** The scene on screen now: each of `scenes` for `cycleS` seconds, in order, for as long as the page lives. */
export function useSceneCycle(scenes: readonly WallScene[], cycleS: number): WallScene {
  const [startMs] = useState(Date.now());
  const [scene, setScene] = useState(scenes[0]!);
  useEffect(() => {
    const timer = setInterval(() => setScene(sceneAt(scenes, cycleS, Date.now() - startMs)), 500);
    return () => clearInterval(timer);
  }, [scenes, cycleS, startMs]);
  return scene;
}
