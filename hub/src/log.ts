// Structured logs: one JSON object a line. Callers pass ids, counts and codes, never what a consumer told anyone.
// Inside a request every line also carries that request's id, and the device's id once it is known
// (app.ts opens the scope, ingest/device-api-routes.ts names the device), so one grep follows a request or a device.
import { AsyncLocalStorage } from 'node:async_hooks';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

interface RequestScope {
  requestId: string;
  deviceId?: string;
}
const scope = new AsyncLocalStorage<RequestScope>();

/** Runs `work` with every log line inside it carrying `requestId`. */
export const inRequestScope = <T>(requestId: string, work: () => T): T => scope.run({ requestId }, work);

/** Names the device the current request comes from, for its later log lines. */
export function setLogDevice(deviceId: string): void {
  const current = scope.getStore();
  if (current) current.deviceId = deviceId;
}

export function jsonLogger(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const at = (level: string) => (event: string, fields?: LogFields) => {
    const request = scope.getStore();
    write(
      JSON.stringify({
        at: new Date().toISOString(),
        level,
        event,
        ...(request && { requestId: request.requestId, deviceId: request.deviceId }),
        ...fields,
      }),
    );
  };
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
