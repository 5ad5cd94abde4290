import { seedDemoCatalog } from '../store/demo-catalog.js';
import type { CliCommand } from './command.js';

/** Demo collaborators; their playground user ids let anyone try the product as them. */
const DEMO = [
  { userId: 'demo-huong', fullName: 'Nguyễn Thị Hương', phone: '+84901000001', province: 'HCM' },
  { userId: 'demo-minh', fullName: 'Trần Văn Minh', phone: '+84901000002', province: 'HN' },
  { userId: 'demo-mai', fullName: 'Lê Thị Mai', phone: '+84901000003', province: 'CT' },
];

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  summary: 'Add demo collaborators (safe to run again)',
  usage: 'seed-demo',
  help:
    'Adds three active demo collaborators whose playground user ids are\n' +
    `${DEMO.map((d) => d.userId).join(', ')}. Running it again adds nothing.\n` +
    'Also loads the demo product catalog when the catalog is empty.',
  async run(core, _args, out) {
    const service = core.services.collaborators;
    const at = new Date();
    for (const demo of DEMO) {
      const { collaborator, created } = await service.register({
        channel: 'web',
        userId: demo.userId,
        chatId: demo.userId,
        fullName: demo.fullName,
        phone: demo.phone,
        province: demo.province,
        bankName: 'Vietcombank',
        accountNumber: `0071000${demo.phone.slice(-6)}`,
        accountHolder: demo.fullName
          .normalize('NFD')
          .replace(/\p{Mn}/gu, '')
          .toUpperCase(),
        locale: 'vi',
        consentAt: at,
      });
      if (collaborator.status === 'pending')
        await service.approve(collaborator.code, 'cli:seed-demo', at);
      out(
        `${created ? 'added' : 'exists'}  ${collaborator.code}  ${demo.fullName}  (playground user "${demo.userId}")`,
      );
    }
    const products = await seedDemoCatalog(core.services.catalog, 'cli:seed-demo', at);
    out(
      products > 0
        ? `added  ${products} demo products`
        : 'exists  the catalog already has products; demo products not added',
    );
    return 0;
  },
};
