// A test process with PostgreSQL servers of its own (test/support/postgres-server.ts), waiting to be signalled.
import { startPostgres } from '../../support/postgres-server';

const servers = [await startPostgres(), await startPostgres()];
process.stdout.write(`${JSON.stringify(servers.map((s) => ({ port: s.port, dir: s.dir })))}\n`);
setInterval(() => undefined, 60_000);
