import type { Channel } from '../domain/channel.js';
import type { FieldCipher } from '../domain/crypto.js';
import type { RateLimit } from '../domain/rate-limiter.js';
import type { ChannelSender } from '../conversation/types.js';
import type { Catalogue } from '../i18n/i18n.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/repositories.js';
import { createBroadcastService } from './broadcast.service.js';
import { createCatalogService } from './catalog.service.js';
import { createCollaboratorService } from './collaborator.service.js';
import { createDeliveryService } from './delivery.service.js';
import { createEarningsService } from './earnings.service.js';
import { createLedgerService } from './ledger.service.js';
import { createMonthCloseService } from './month-close.service.js';
import { createOrderService } from './order.service.js';
import type { Notifier } from './notifier.js';
import { createPayoutService } from './payout.service.js';
import { createStatementService } from './statement.service.js';
import { createTrainingService } from './training.service.js';

export interface ServiceDeps {
  store: Store;
  cipher: FieldCipher;
  notifier: Notifier;
  businessName: string;
  /** Printed under the business name on statements (`BUSINESS_ADDRESS`). */
  businessAddress?: string;
  /** Broadcasts, training and keyed notices (issue #6): the running channels and their pace. */
  senders: Partial<Record<Channel, ChannelSender>>;
  catalogue: Catalogue;
  rateLimits: Partial<Record<Channel, RateLimit>>;
  logger: Logger;
}

/** Every use case, built once and handed to the conversation engine, HTTP and jobs. */
export function createServices(deps: ServiceDeps) {
  // Orders price their lines with the catalog, so both share one catalog service.
  const catalog = createCatalogService(deps);
  // One sending path for broadcasts and job notices; see delivery.service.ts.
  const deliveries = createDeliveryService(deps);
  // Order moves write the commission ledger, which reads the rule books from the catalog.
  const ledger = createLedgerService({ ...deps, catalog, deliveries });
  const training = createTrainingService(deps);
  // Statements (issue #5) are sent after each month close, which tells them when it is done.
  const statements = createStatementService({ ...deps, deliveries });
  return {
    businessName: deps.businessName,
    collaborators: createCollaboratorService(deps),
    catalog,
    orders: createOrderService({ ...deps, catalog, ledger }),
    ledger,
    monthClose: createMonthCloseService({
      ...deps,
      ledger,
      catalog,
      onClosed: statements.afterClose,
    }),
    earnings: createEarningsService(deps),
    payouts: createPayoutService({ ...deps, deliveries }),
    deliveries,
    training,
    broadcasts: createBroadcastService({ store: deps.store, deliveries, training }),
    statements,
  };
}

export type Services = ReturnType<typeof createServices>;
