// Records whose keys come from users (metric ids, member ids) are read through this: a plain
// object also answers `constructor`, `toString` or `__proto__` from its prototype, so a metric
// named `constructor` would read `Object` as its points. Maps built from user keys use `Map`.

/** `record[key]` if the record itself has that key, else undefined (never a prototype's). */
export function ownValue<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * An empty record with no prototype, for accumulators keyed by user input that must leave as
 * JSON objects (`totals[metric] += …` with a metric named `constructor` starts from undefined,
 * not from `Object`).
 */
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}
