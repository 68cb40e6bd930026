/**
 * NYC 311 complaint types (upper-cased) mapped onto the CityTwin taxonomy.
 * Types not listed fall back to `other`; `Noise*` types are refined by their
 * descriptor (see {@link nyc311Category}). The table is documented in api/docs/appeals.md.
 */
export const NYC311_COMPLAINT_CATEGORIES: Readonly<Record<string, string>> = {
  'NOISE - RESIDENTIAL': 'noise.residential',
  'NOISE - STREET/SIDEWALK': 'noise.residential',
  'NOISE - COMMERCIAL': 'noise.commercial',
  'NOISE - VEHICLE': 'noise.traffic',
  'NOISE - HELICOPTER': 'noise.traffic',
  'NOISE - PARK': 'noise',
  'NOISE - HOUSE OF WORSHIP': 'noise',
  NOISE: 'noise',
  'AIR QUALITY': 'air',
  'SMOKING': 'air.smoke',
  'ILLEGAL FIREWORKS': 'air.smoke',
  'SEWER': 'flooding.sewer',
  'WATER SYSTEM': 'water_supply',
  'WATER LEAK': 'water_supply.leak',
  'PLUMBING': 'water_supply.leak',
  'LEAD': 'water_supply.quality',
  'DRINKING WATER': 'water_supply.quality',
  'STREET LIGHT CONDITION': 'streetlight.out',
  'STREET CONDITION': 'road.pothole',
  'SIDEWALK CONDITION': 'road.sidewalk',
  'ROOT/SEWER/SIDEWALK CONDITION': 'road.sidewalk',
  'CURB CONDITION': 'road.sidewalk',
  'BRIDGE CONDITION': 'road',
  'SANITATION CONDITION': 'garbage',
  'DIRTY CONDITIONS': 'garbage',
  'DIRTY CONDITION': 'garbage',
  'MISSED COLLECTION': 'garbage.uncollected',
  'MISSED COLLECTION (ALL MATERIALS)': 'garbage.uncollected',
  'REQUEST LARGE BULKY ITEM COLLECTION': 'garbage.uncollected',
  'RESIDENTIAL DISPOSAL COMPLAINT': 'garbage.uncollected',
  'DUMPSTER COMPLAINT': 'garbage',
  'ILLEGAL DUMPING': 'garbage.dumping',
  'RODENT': 'garbage',
  'UNSANITARY CONDITION': 'garbage',
  'DEAD ANIMAL': 'garbage',
  'STREET SWEEPING COMPLAINT': 'garbage',
  'BUILDING/USE': 'illegal_construction.building',
  'GENERAL CONSTRUCTION': 'illegal_construction.building',
  'SCAFFOLD SAFETY': 'social_risk.safety_hazard',
  'VENDOR ENFORCEMENT': 'illegal_construction.occupation',
  'MOBILE FOOD VENDOR': 'illegal_construction.occupation',
  'ENCAMPMENT': 'illegal_construction.occupation',
  'ILLEGAL PARKING': 'traffic.parking',
  'BLOCKED DRIVEWAY': 'traffic.parking',
  'DERELICT VEHICLE': 'traffic.parking',
  'DERELICT VEHICLES': 'traffic.parking',
  'ABANDONED VEHICLE': 'traffic.parking',
  'BROKEN MUNI METER': 'traffic.parking',
  'BROKEN PARKING METER': 'traffic.parking',
  'TRAFFIC SIGNAL CONDITION': 'traffic.signal',
  'STREET SIGN - MISSING': 'traffic.signal',
  'STREET SIGN - DAMAGED': 'traffic.signal',
  TRAFFIC: 'traffic.congestion',
  'HEAT/HOT WATER': 'heating.no_heat',
  HEATING: 'heating.no_heat',
  BOILERS: 'heating',
  'PAINT - PLASTER': 'property.service',
  'PAINT/PLASTER': 'property.service',
  'GENERAL CONSTRUCTION/PLUMBING': 'property.service',
  NONCONST: 'property.service',
  ELECTRIC: 'property.service',
  'DOOR/WINDOW': 'property.service',
  'FLOORING/STAIRS': 'property.service',
  APPLIANCE: 'property.service',
  GENERAL: 'property.service',
  SAFETY: 'property.service',
  ELEVATOR: 'property.elevator',
  'CONSUMER COMPLAINT': 'business.consumer',
  'TAXI COMPLAINT': 'business.consumer',
  'FOR HIRE VEHICLE COMPLAINT': 'business.consumer',
  'FOOD ESTABLISHMENT': 'public_service.health',
  'FOOD POISONING': 'public_service.health',
  'SCHOOL MAINTENANCE': 'public_service.education',
  'BENEFIT CARD REPLACEMENT': 'public_service.social_security',
  SCRIE: 'public_service.social_security',
  'HOMELESS PERSON ASSISTANCE': 'public_service.social_security',
  'NON-EMERGENCY POLICE MATTER': 'social_risk.safety_hazard',
  'DRINKING': 'social_risk.safety_hazard',
  'PANHANDLING': 'social_risk.safety_hazard',
  'DAMAGED TREE': 'social_risk.safety_hazard',
  'DEAD TREE': 'social_risk.safety_hazard',
  'DEAD/DYING TREE': 'social_risk.safety_hazard',
  'OVERGROWN TREE/BRANCHES': 'social_risk.safety_hazard',
};

const NOISE_DESCRIPTORS: ReadonlyArray<readonly [RegExp, string]> = [
  [/construction|jack hammer|pile driv|after hours/i, 'noise.construction'],
  [/music|party|talking|banging|pounding/i, 'noise.residential'],
  [/engine|horn|car|truck|vehicle|idling|helicopter/i, 'noise.traffic'],
  [/air condition|ventilation|alarm|commercial|store|club|bar/i, 'noise.commercial'],
];

/**
 * The CityTwin category of a NYC 311 complaint type and descriptor.
 * @example nyc311Category('Noise', 'Noise: Jack Hammering (NC2)') // 'noise.construction'
 */
export function nyc311Category(complaintType: string, descriptor = ''): string {
  const type = complaintType.trim().toUpperCase();
  const mapped = NYC311_COMPLAINT_CATEGORIES[type];
  if (mapped === 'noise' || (!mapped && type.startsWith('NOISE'))) {
    return NOISE_DESCRIPTORS.find(([pattern]) => pattern.test(descriptor))?.[1] ?? 'noise';
  }
  return mapped ?? 'other';
}

/** NYC Open Data `Open Data Channel Type` to our channel. 311 is a hotline first, so unknown means hotline. */
export function nyc311Channel(channelType: string | undefined): 'hotline' | 'app' | 'web' {
  const type = (channelType ?? '').trim().toUpperCase();
  if (type === 'MOBILE') return 'app';
  if (type === 'ONLINE') return 'web';
  return 'hotline';
}
