/** Both providers write report times as `yyyy-MM-dd HH:mm:ss` in China Standard Time (no zone). */
export function shanghaiTime(value: string | undefined): string | undefined {
  if (value === undefined || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return undefined;
  return `${value.replace(' ', 'T')}+08:00`;
}
