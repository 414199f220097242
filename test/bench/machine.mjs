// What the machine itself costs a scan, measured in the same run as the wedge burst: the time the
// hypervisor took from its virtual CPUs, and the floor under a scan's round trip.
//
// The floor: a small message relayed on loopback TCP through a chain of Node processes and back,
// each message after a pause, so that every process sleeps until the message reaches it, as the
// page, Chromium's network service and the host sleep between scans. With two processes in the
// chain the message wakes four times on its way (out → relay → echo → relay → back), as a scan's
// call does (page → network service → host → network service → page); the verdict's frame then
// crosses the compositor and the display compositor. On a virtual machine a sleeping virtual CPU
// is woken through the hypervisor: this says what those wake-ups cost here (docs/benchmarks.md).
/* global process, setTimeout, Buffer */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

// One link of the chain: given the next link's port, it relays both ways; without one, it echoes.
const LINK = `
const net = require('node:net');
const next = Number(process.argv[1]) || null;
const server = net.createServer((up) => {
  up.setNoDelay(true);
  if (next === null) return up.on('data', (chunk) => up.write(chunk));
  const down = net.connect(next, '127.0.0.1');
  down.setNoDelay(true);
  up.on('data', (chunk) => down.write(chunk));
  down.on('data', (chunk) => up.write(chunk));
  up.on('close', () => down.destroy());
});
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

function startLink(next) {
  const child = spawn(process.execPath, ['-e', LINK, String(next ?? '')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    child.once('exit', (code) => reject(new Error(`a relay process exited with ${code}`)));
  });
  return { child, port };
}

/** Round trips in ms, sorted: `pings` messages of `bytes` bytes through `links` processes, `pauseMs` apart. */
export async function loopbackRelay({ links = 2, pings = 400, pauseMs = 25, bytes = 256 } = {}) {
  const children = [];
  try {
    let next = null;
    for (let i = 0; i < links; i++) {
      const link = startLink(next);
      children.push(link.child);
      next = await link.port;
    }
    const socket = net.connect(next, '127.0.0.1');
    socket.setNoDelay(true);
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const payload = Buffer.alloc(bytes, 120);
    const rtts = [];
    for (let i = 0; i < pings; i++) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const started = process.hrtime.bigint();
      await new Promise((resolve) => {
        let received = 0;
        const onData = (chunk) => {
          received += chunk.length;
          if (received < bytes) return;
          socket.off('data', onData);
          resolve();
        };
        socket.on('data', onData);
        socket.write(payload);
      });
      rtts.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    socket.destroy();
    return rtts.sort((a, b) => a - b);
  } finally {
    for (const child of children) child.kill();
  }
}

/**
 * The machine's CPU ticks so far, from /proc/stat: all of them, and those stolen by the hypervisor
 * (a virtual CPU that was ready to run but not given a real one). A virtual machine's steal is
 * what can hold any process up for milliseconds whatever it does, so the bench reports it.
 */
export function machineTicks() {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  return { total: fields.slice(0, 8).reduce((a, b) => a + b, 0), steal: fields[7] ?? 0 };
}
