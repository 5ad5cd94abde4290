import type { Core } from '../../src/app.js';
import { startTestCore } from '../support/core.js';
import { realServer } from '../support/database.js';

/**
 * The unique indexes behind the keyed upserts. The in-process emulator does not enforce unique
 * indexes, so these run only against a real server: set MONGODB_URI to run them.
 */
const onRealServer = realServer ? describe : describe.skip;
if (!realServer) {
  console.info('real-server.test.ts skipped: set MONGODB_URI to check unique indexes on MongoDB');
}

onRealServer('unique indexes on a real MongoDB server', () => {
  let core: Core;

  beforeAll(async () => {
    core = await startTestCore();
  });

  afterAll(async () => {
    await core.database.close();
  });

  it('refuses a second processed-update record with the same key', async () => {
    const collection = core.store.connection.collection('processed_updates');
    await collection.insertOne({ key: 'telegram:u:1', at: new Date() });
    const second = collection.insertOne({ key: 'telegram:u:1', at: new Date() });
    await expect(second).rejects.toMatchObject({ code: 11000 });
  });

  it('refuses a second collaborator with the same phone number', async () => {
    const base = {
      status: 'pending',
      fullName: 'Nguyễn Thị Lan',
      nameKey: 'nguyen thi lan',
      phone: '+84912000111',
      province: 'HN',
      bank: { bankName: 'ACB', accountNumberSealed: 'x', accountLast4: '1234', accountHolder: 'L' },
      locale: 'vi',
      consent: { version: 'v', at: new Date() },
    };
    const collection = core.store.connection.collection('collaborators');
    await collection.insertOne({ ...base, code: 'CTV9001', originKey: 'a' });
    const second = collection.insertOne({ ...base, code: 'CTV9002', originKey: 'b' });
    await expect(second).rejects.toMatchObject({ code: 11000 });
  });
});
