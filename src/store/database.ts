import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import mongoose, { type Connection } from 'mongoose';
import type { Logger } from '../logger.js';

/** Where the data lives: a server named by the operator, a local `mongod`, or the emulator. */
export type DatabaseKind = 'external' | 'mongod' | 'emulator';

export interface Database {
  kind: DatabaseKind;
  /** Connection string that other processes (Agenda, the CLI) can use. */
  uri: string;
  connection: Connection;
  /** Closes the connection and stops an embedded server this process started. */
  close(): Promise<void>;
}

export interface OpenOptions {
  uri?: string;
  dataDir: string;
  embedded: 'auto' | 'mongod' | 'emulator';
  /** Database name for embedded servers. */
  dbName?: string;
  logger: Logger;
}

/** What is lost when the emulator stops; printed so nobody mistakes it for a real database. */
export const EMULATOR_WARNING =
  'No MongoDB server is available, so the in-process emulator is used. Everything stored ' +
  '(collaborators, conversations, audit log) lives in memory and is LOST when the process ' +
  'exits; unique indexes are not enforced. Set MONGODB_URI, or install mongod, for real use.';

/** Opens the database described by the options; see DESIGN.md "Database in tests". */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.uri) {
    const connection = await connect(options.uri);
    return { kind: 'external', uri: options.uri, connection, close: () => connection.close() };
  }

  const dbName = options.dbName ?? 'ctv';
  if (options.embedded !== 'emulator') {
    const mongod = await startMongod(options, dbName).catch((error: unknown) => {
      if (options.embedded === 'mongod') throw error;
      options.logger.warn({ reason: describe(error) }, 'no mongod could be found or downloaded');
      return undefined;
    });
    if (mongod) return mongod;
  }

  options.logger.warn(EMULATOR_WARNING);
  return startEmulator(dbName);
}

/**
 * Driver options for every client of the emulator (mongoose, Agenda). It announces a
 * topology version but does not support the streaming server monitor that this makes the
 * driver use, which shows up as rare "pool cleared" errors; polling avoids that.
 */
export const EMULATOR_CLIENT_OPTIONS = { serverMonitoringMode: 'poll' } as const;

async function connect(uri: string, options: mongoose.ConnectOptions = {}): Promise<Connection> {
  return mongoose
    .createConnection(uri, { serverSelectionTimeoutMS: 10_000, autoIndex: true, ...options })
    .asPromise();
}

/** A real `mongod` through mongodb-memory-server, keeping its files in `<dataDir>/mongod`. */
async function startMongod(options: OpenOptions, dbName: string): Promise<Database> {
  process.env.MONGOMS_MAX_RETRIES ??= '1';
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const dbPath = path.join(options.dataDir, 'mongod');
  mkdirSync(dbPath, { recursive: true });

  // mongodb-memory-server prints a long stack trace with console.warn when it cannot get a
  // binary; the caller logs one line instead.
  const warn = console.warn;
  console.warn = () => undefined;
  const server = await MongoMemoryServer.create({
    instance: { dbPath, storageEngine: 'wiredTiger', ip: '127.0.0.1' },
    binary: { systemBinary: findOnPath('mongod') },
  }).finally(() => {
    console.warn = warn;
  });
  const uri = server.getUri(dbName);
  const connection = await connect(uri);

  return {
    kind: 'mongod',
    uri,
    connection,
    async close() {
      await connection.close();
      await server.stop({ doCleanup: false });
    },
  };
}

/** The in-memory MongoDB wire-protocol emulator shipped in @push.rocks/smartmongo. */
export async function startEmulator(dbName: string): Promise<Database> {
  const { congodb } = await import('@push.rocks/smartmongo');
  const server = new congodb.CongoServer({ port: 0, host: '127.0.0.1' });
  await server.start();

  const address = (server as unknown as { server: { address(): { port: number } } }).server;
  const uri = `mongodb://127.0.0.1:${address.address().port}/${dbName}`;
  const connection = await connect(uri, EMULATOR_CLIENT_OPTIONS);

  return {
    kind: 'emulator',
    uri,
    connection,
    async close() {
      await connection.close();
      await server.stop();
    },
  };
}

function findOnPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, binary);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** File in the data folder that tells the CLI where a running `npm start` keeps its data. */
const ADDRESS_FILE = 'database.json';

interface AddressRecord {
  uri: string;
  kind: DatabaseKind;
  pid: number;
}

export async function writeDatabaseAddress(dataDir: string, db: Database): Promise<void> {
  const record: AddressRecord = { uri: db.uri, kind: db.kind, pid: process.pid };
  await writeFile(path.join(dataDir, ADDRESS_FILE), JSON.stringify(record, null, 2));
}

export async function removeDatabaseAddress(dataDir: string): Promise<void> {
  await rm(path.join(dataDir, ADDRESS_FILE), { force: true });
}

/** The address written by a running product, if that process is still alive. */
export async function readDatabaseAddress(dataDir: string): Promise<AddressRecord | undefined> {
  try {
    const record = JSON.parse(
      await readFile(path.join(dataDir, ADDRESS_FILE), 'utf8'),
    ) as AddressRecord;
    process.kill(record.pid, 0);
    return record;
  } catch {
    return undefined;
  }
}
