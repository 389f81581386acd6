import type { Server } from 'node:http';

export interface ServeOptions {
  /** https with the Office dev certificates (for real Excel); default http. */
  readonly https?: boolean;
  /** Serve the task pane on the fake Office host with the sample sheet. */
  readonly playground?: boolean;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

export function startServer(options?: ServeOptions): Promise<Server>;
export function sampleSheet(lang?: 'nb' | 'sv'): Promise<{ name: string; cells: (string | number | boolean | null)[][]; numberFormats: Record<string, string> }>;
export function printUrlOnly(argv?: readonly string[], env?: Readonly<Record<string, string | undefined>>): boolean;
