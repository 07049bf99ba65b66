import { startJsonServer, type RunningServer } from './fake-http-server';

/** A callback endpoint for receipt pushes: keeps each parsed body and answers with the given ack. */
export async function startReceiptReceiver(ack: unknown): Promise<RunningServer & { readonly bodies: unknown[] }> {
  const bodies: unknown[] = [];
  const server = await startJsonServer((request) => {
    bodies.push(JSON.parse(request.body) as unknown);
    return { status: 200, json: ack };
  });
  return { ...server, bodies };
}
