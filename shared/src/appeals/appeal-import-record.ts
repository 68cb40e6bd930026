import type { BBox } from '../city/city-profile';
import { isInsideBBox } from '../city/city-profile';
import type { AppealChannel, AppealStatus } from './appeal-workflow';

/** Personal data of the resident; only admins and operators ever see it. */
export interface AppealContact {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** A workflow step an imported appeal already went through elsewhere. */
export interface ImportedStep {
  to: AppealStatus;
  atMs: number;
  departments?: string[];
}

/** One appeal read from an import file, validated and ready to store. */
export interface AppealImportRecord {
  /** Stable id in the source system; re-importing the same id is a duplicate. */
  externalId: string;
  category: string;
  channel: AppealChannel;
  description: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  receivedAtMs: number;
  steps: ImportedStep[];
  contact: AppealContact | null;
}

/** A row either becomes a record or is refused with a reason a person can act on. */
export type ImportRowResult = { ok: true; record: AppealImportRecord } | { ok: false; reason: string };

/** What reading rows needs to know about the city. */
export interface ImportCity {
  timeZone: string;
  bounds: BBox;
}

/**
 * Reads a lat/lng pair from text: both empty means no location (kept, without
 * a cell); one without the other, non-numbers or a point outside the city is an error.
 */
export function readCoordinates(latText: unknown, lngText: unknown, city: ImportCity): { lat: number | null; lng: number | null } | string {
  const blank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';
  if (blank(latText) && blank(lngText)) return { lat: null, lng: null };
  const lat = Number(latText);
  const lng = Number(lngText);
  if (blank(latText) || blank(lngText) || !Number.isFinite(lat) || !Number.isFinite(lng)) return `latitude/longitude "${String(latText)}", "${String(lngText)}" are not a point`;
  if (!isInsideBBox(city.bounds, lng, lat)) return `point ${lat}, ${lng} is outside the city`;
  return { lat, lng };
}

/** FNV-1a (64-bit) of a string as hex: a stable id for rows that bring none. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}
