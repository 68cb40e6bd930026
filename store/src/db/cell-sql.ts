/**
 * SQL for the parent of a stored cell (bigint H3 index) at resolution `res`,
 * without the h3 extension: set the 4 resolution bits (52..55) to `res` and
 * every digit finer than `res` (3 bits each, from bit 0 up) to 7 ("unused"),
 * per the H3 index layout (h3geo.org/docs/library/index/cell).
 * `res` must be an integer the caller has validated; it is inlined.
 */
export function parentCellSql(column: string, res: number): string {
  if (!Number.isInteger(res) || res < 0 || res > 15) throw new RangeError(`resolution ${res} is not 0..15`);
  const unusedDigits = (1n << BigInt(3 * (15 - res))) - 1n;
  const withoutRes = ~(15n << 52n);
  return `((${column} & ${withoutRes}::bigint) | ${BigInt(res) << 52n}::bigint | ${unusedDigits}::bigint)`;
}

/** Same bit arithmetic in TypeScript, to test the SQL against h3-js. */
export function parentCellBits(cell: bigint, res: number): bigint {
  const unusedDigits = (1n << BigInt(3 * (15 - res))) - 1n;
  return (cell & ~(15n << 52n)) | (BigInt(res) << 52n) | unusedDigits;
}
