/** This process's resident memory from /proc/self/status: VmHWM (peak) and VmRSS (now), in MB. */
import fs from 'node:fs';

export interface MemoryFigures {
  peakMb: number;
  rssMb: number;
}

export function memoryOfSelf(): MemoryFigures {
  let status = '';
  try {
    status = fs.readFileSync('/proc/self/status', 'utf8');
  } catch {
    const rss = process.memoryUsage().rss / 1048576;
    return { peakMb: rss, rssMb: rss };
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}
