/** Runs `ratsradar` from the TypeScript sources (through tsx), so a test never runs a stale build. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'src', 'cli.ts');

/** node arguments that run a TypeScript file */
export function tsNodeArgs(file: string, args: string[]): string[] {
  return ['--require', require.resolve('tsx/cjs'), file, ...args];
}

export function ratsradarSrc(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, tsNodeArgs(CLI, args), { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

export function spawnTs(file: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, tsNodeArgs(file, args), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function spawnRatsradarSrc(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawnTs(CLI, args, env);
}
