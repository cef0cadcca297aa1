/** Today's date as `YYYY-MM-DD` (UTC), the default example date of previews. */
export function todayDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
