/** The machine a bench ran on: cores, CPU model, RAM, Node version, load. */
import fs from 'node:fs';
import os from 'node:os';

export interface Machine {
  nproc: number;
  cpu: string;
  ramGb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the bench started and ended (other work on the machine) */
  loadStart: number;
  loadEnd: number | null;
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    /* not Linux */
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

export function describeMachine(): Machine {
  return {
    nproc: os.availableParallelism(),
    cpu: cpuModel(),
    ramGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadStart: os.loadavg()[0],
    loadEnd: null,
  };
}
