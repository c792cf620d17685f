// Sales cycle length: days from an opportunity's creation (or first contact) to its close, summarised
// per group by count, mean, median, minimum and maximum.

export interface CycleStats {
  count: number;
  mean: number;
  median: number;
  min: number;
  max: number;
}

export interface CycleGroup extends CycleStats {
  /** The group as first written, or undefined for the "All" row. */
  group?: string | number;
}

/** Groups match by their text, ignoring case and surrounding spaces. */
export function groupKey(g: string | number): string {
  return typeof g === "number" ? String(g) : g.trim().toLowerCase();
}

/** count, mean, median (middle value, or the mean of the two middle ones), min and max of days. */
export function cycleStats(days: readonly number[]): CycleStats {
  if (days.length === 0) throw new RangeError("cycleStats: no values");
  const sorted = [...days].sort((a, b) => a - b);
  const n = sorted.length;
  const mid = Math.floor(n / 2);
  let total = 0;
  for (const d of sorted) total += d; // whole days: exact
  return {
    count: n,
    mean: total / n,
    median: n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
    min: sorted[0],
    max: sorted[n - 1],
  };
}

/**
 * Cycle length in whole days (close day − start day) of each deal, summarised per group in order of
 * first appearance, then an "All" row (group undefined). `groups` may be omitted: only the All row.
 * The caller checks that no close date is before its start date.
 */
export function salesCycle(
  starts: readonly number[],
  closes: readonly number[],
  groups?: readonly (string | number)[]
): CycleGroup[] {
  if (closes.length !== starts.length || (groups && groups.length !== starts.length))
    throw new RangeError("salesCycle: columns differ in length");
  const days = starts.map((s, i) => Math.floor(closes[i]) - Math.floor(s));
  const out: CycleGroup[] = [];
  if (groups) {
    const index = new Map<string, number>();
    const first: (string | number)[] = [];
    const members: number[][] = [];
    groups.forEach((g, i) => {
      const key = groupKey(g);
      let k = index.get(key);
      if (k === undefined) {
        k = first.length;
        index.set(key, k);
        first.push(g);
        members.push([]);
      }
      members[k].push(days[i]);
    });
    first.forEach((g, k) => out.push({ group: g, ...cycleStats(members[k]) }));
  }
  out.push(cycleStats(days));
  return out;
}
