import { type AddressInfo, connect, createServer, type Socket } from 'node:net';

/**
 * A TCP proxy on a fixed local port in front of a server that may go away and come back
 * on another port: pages keep one URL for it while the test takes it down and up.
 */
export interface TcpProxy {
  /** `http://127.0.0.1:<port>`: give this to the page instead of the server's own URL. */
  url: string;
  port: number;
  /** Where connections go from now on (a restarted server has a new port). */
  setTarget(port: number): void;
  /**
   * Plays a server that is down: open connections are reset and new ones are reset at
   * once, so the browser sees a network error, as with a crashed or unreachable host.
   */
  refuse(): void;
  /** Forwards connections again. */
  forward(): void;
  /** Connections reset while refusing, a sign that clients kept trying. */
  readonly refusedConnections: number;
  close(): Promise<void>;
}

/** @example const proxy = await startTcpProxy(new URL(server.url).port); */
export async function startTcpProxy(targetPort: number | string): Promise<TcpProxy> {
  let target = Number(targetPort);
  let refusing = false;
  let refusedConnections = 0;
  const open = new Set<Socket>();

  const track = (socket: Socket): void => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };

  const server = createServer((client) => {
    if (refusing) {
      refusedConnections += 1;
      client.on('error', () => {});
      client.resetAndDestroy();
      return;
    }
    track(client);
    const upstream = connect(target, '127.0.0.1');
    track(upstream);
    // the server went away under us: the client sees its connection reset, as it would
    upstream.on('error', () => client.resetAndDestroy());
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    setTarget(next) {
      target = next;
    },
    refuse() {
      refusing = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    forward() {
      refusing = false;
    },
    get refusedConnections() {
      return refusedConnections;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
