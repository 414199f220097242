import net from 'node:net';

/** A label printer stand-in on 127.0.0.1: collects every byte of each connection. */
export function listen(port = 0): Promise<{ port: number; received: Promise<Buffer>; close(): Promise<void> }> {
  return new Promise((resolve) => {
    let deliver: (b: Buffer) => void = () => undefined;
    const received = new Promise<Buffer>((r) => (deliver = r));
    const server = net.createServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (c) => chunks.push(c));
      socket.on('end', () => {
        socket.end();
        deliver(Buffer.concat(chunks));
      });
    });
    server.listen(port, '127.0.0.1', () => {
      resolve({ port: (server.address() as net.AddressInfo).port, received, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
