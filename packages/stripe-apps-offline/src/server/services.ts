/**
 * The kit's local services, as one table: each has a name, the variable and
 * default of its port (one ports table: localPorts.ts), and the same shape —
 * start it (given what the services before it started), stop it, and say in
 * one line where it is and how to use it. The command starts them in order,
 * prints their lines, and stops whatever started, in reverse, on Ctrl-C,
 * SIGTERM or a failed start (as firebase-tools' emulators do).
 */
import type {ServedRequest} from '../host/config';
import type {RunningPreview} from './server';

export interface Running {
  url: string;
  /** What the terminal says about it once everything is up. */
  info: string;
  stop(): Promise<void>;
}

/** What a service's start can use: what started before it. */
export interface StartContext {
  /** The preview, once it has started (services after it record their answers in its request log). */
  preview: RunningPreview | null;
  /** Into the page's request log, once the preview is up (before, nothing of a view runs). */
  /** `service`: 'oauth-provider', 'backend', or a stand-in's name. */
  recordServed(service: string, served: ServedRequest): void;
  log(line: string): void;
}

export interface Service {
  name: string;
  /** Its port (from the ports table, or its variable) and the variable that moves it. */
  port: number;
  portVariable: string;
  /** Null: the service is not started in this run (the app asks for no backend). */
  start(context: StartContext): Promise<Running | null>;
}

export interface StartedServices {
  lines: string[];
  stop(): Promise<void>;
}

/** Starts each in turn; when one fails, stops those already started, in reverse, and throws its error. */
export async function startServices(services: readonly Service[], context: StartContext): Promise<StartedServices> {
  const running: Running[] = [];
  const stop = async () => {
    for (const service of running.reverse()) await service.stop().catch(() => undefined);
  };
  try {
    for (const service of services) {
      const started = await service.start(context);
      if (started) running.push(started);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return {lines: running.map((r) => r.info), stop};
}

/** The line for a port already taken, naming every service's port and variable. */
export function portsInUse(services: readonly Service[]): string {
  const list = services.map((s) => `${s.name} ${s.port}`).join(', ');
  const variables = services.map((s) => s.portVariable).join(', ');
  return `A port is already in use (${list}). Set ${variables}.`;
}
