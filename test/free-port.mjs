/** For Node-side test servers that must be told their port before they start (npm start, php -S). */
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A loopback port nobody listens on right now. */
export async function freePort() {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address();
  probe.close();
  await once(probe, 'close');
  return port;
}
