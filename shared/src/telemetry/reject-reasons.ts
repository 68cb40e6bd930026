/**
 * Why a telemetry message or one of its values was refused. Stored with each
 * dead letter and counted per reason.
 */
export const REJECT_REASONS = [
  'not_utf8',
  'oversized',
  'bad_json',
  'wrong_type',
  'bad_topic',
  'unknown_metric',
  'not_finite',
  'out_of_range',
  'bad_timestamp',
  'future_timestamp',
  'too_old',
  'bad_coordinates',
  'outside_city',
  'no_location',
  'bad_senml_name',
  'senml_must_understand',
] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];

/** A refused message, or a refused value inside an otherwise good message. */
export interface Reject {
  reason: RejectReason;
  /** Human-readable detail naming the offending field and value. */
  detail: string;
}
