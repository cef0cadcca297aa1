/**
 * The workbench's one door to the service. Every call goes through the renderer's single
 * client; until the shell wires it, a client can be provided (tests, previews).
 */
import type { ArgsOf, Channel, Result, ResultOf, ServiceClient } from '../../../service/contract';

let provided: ServiceClient | null = null;

/** Sets the client the workbench uses (the shell's `client`, or a mock in tests). */
export function provideClient(client: ServiceClient): void {
  provided = client;
}

export function send<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Result<ResultOf<C>>> {
  if (!provided) return Promise.resolve({ ok: false, error: { message: 'The service is not connected yet.' } });
  return provided.send(channel, args);
}
