/** A web server on 127.0.0.1 that answers every request with 404 and counts it: nothing a build or a page does may reach it. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Trap {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Every request path seen, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startTrap(): Promise<Trap> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(404, { 'content-type': 'text/plain' }).end('trap');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
