/**
 * Kept for the shell, which hands the workbench its client here. The workbench's hooks read the
 * same client from the app's `ClientProvider` (`useClient`), so this is only a fallback for code
 * outside React.
 */
import type { ArgsOf, Channel, Result, ResultOf, ServiceClient } from '@service/contract';

let provided: ServiceClient | null = null;

export function provideClient(client: ServiceClient): void {
  provided = client;
}

export function send<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Result<ResultOf<C>>> {
  if (!provided) return Promise.resolve({ ok: false, error: { message: 'The service is not connected yet.' } });
  return provided.send(channel, args);
}
