import type { FieldCipher } from '../domain/crypto.js';
import type { Store } from '../store/repositories.js';
import { createCatalogService } from './catalog.service.js';
import { createCollaboratorService } from './collaborator.service.js';
import { createOrderService } from './order.service.js';
import type { Notifier } from './notifier.js';

export interface ServiceDeps {
  store: Store;
  cipher: FieldCipher;
  notifier: Notifier;
  businessName: string;
}

/** Every use case, built once and handed to the conversation engine, HTTP and jobs. */
export function createServices(deps: ServiceDeps) {
  // Orders price their lines with the catalog, so both share one catalog service.
  const catalog = createCatalogService(deps);
  return {
    businessName: deps.businessName,
    collaborators: createCollaboratorService(deps),
    catalog,
    orders: createOrderService({ ...deps, catalog }),
  };
}

export type Services = ReturnType<typeof createServices>;
