import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CITY_CODES, CITY_PROFILES, isCityCode, type CityProfile } from '@citytwin/shared';
import { UsageError } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict flag parsing: an unknown flag or a missing value is a UsageError. */
export function parseFlags<T extends Options>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}

/** A whole number in [min, max], or a UsageError naming the flag. */
export function intFlag(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`--${name}: "${text}" is not a whole number in ${min}..${max}`);
  return value;
}

/** A positive number (`--speed 60`, or `max` for as fast as possible). */
export function speedFlag(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (text === 'max') return Infinity;
  const value = Number(text);
  if (!(value > 0) || !Number.isFinite(value)) throw new UsageError(`--speed: "${text}" is not a positive number or "max"`);
  return value;
}

const RATE = /^(\d+(?:\.\d+)?)(?:\/(s|min|h))?$/;

/**
 * Messages per second from `5000/s`, `300/min`, `60/h` or a bare number (per second).
 *
 * @example rateFlag('300/min') // 5
 */
export function rateFlag(text: string): number {
  const match = RATE.exec(text);
  const per = { s: 1, min: 60, h: 3600 }[(match?.[2] ?? 's') as 's' | 'min' | 'h'];
  const value = match ? Number(match[1]) / per : NaN;
  if (!(value > 0)) throw new UsageError(`--rate: "${text}" is not a rate like 5000/s, 300/min or 60/h`);
  return value;
}

/** Duration in ms from `90s`, `10m`, `2h`, `1d` or bare seconds. */
export function durationFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text);
  if (!match) throw new UsageError(`--${name}: "${text}" is not a duration like 90s, 10m, 2h`);
  const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unitMs;
}

/** A city profile by code. */
export function cityFlag(text: string | undefined, fallback: CityProfile): CityProfile {
  if (text === undefined) return fallback;
  if (!isCityCode(text)) throw new UsageError(`--city: "${text}" is not one of ${CITY_CODES.join(', ')}`);
  return CITY_PROFILES[text];
}

/** An ISO date or date-time (`2016-06-21`, `2016-06-21T12:00Z`) as epoch ms. */
export function instantFlag(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new UsageError(`--${name}: "${text}" is not an ISO date or date-time`);
  return ms;
}
