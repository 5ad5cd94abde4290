import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { type Database, startEmulator } from '../../src/store/database.js';
import mongoose from 'mongoose';

export const silentLogger = pino({ level: 'silent' });

/**
 * A fresh database for one test file: a new database on the server named by `MONGODB_URI`
 * when it is set, else the in-process emulator. Nothing is ever downloaded.
 */
export async function openTestDatabase(): Promise<Database> {
  const name = `ctv_test_${randomBytes(4).toString('hex')}`;
  const uri = process.env.MONGODB_URI;
  if (!uri) return startEmulator(name);

  const url = new URL(uri);
  url.pathname = `/${name}`;
  const connection = await mongoose.createConnection(url.toString()).asPromise();
  return {
    kind: 'external',
    uri: url.toString(),
    connection,
    async close() {
      await connection.dropDatabase();
      await connection.close();
    },
  };
}

/** True when tests run against a real server (unique indexes, TTL, transactions). */
export const realServer = Boolean(process.env.MONGODB_URI);
