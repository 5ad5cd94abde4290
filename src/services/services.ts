import type { FieldCipher } from '../domain/crypto.js';
import type { Store } from '../store/repositories.js';
import { createCollaboratorService } from './collaborator.service.js';
import type { Notifier } from './notifier.js';

export interface ServiceDeps {
  store: Store;
  cipher: FieldCipher;
  notifier: Notifier;
  businessName: string;
}

/** Every use case, built once and handed to the conversation engine, HTTP and jobs. */
export function createServices(deps: ServiceDeps) {
  return {
    businessName: deps.businessName,
    collaborators: createCollaboratorService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
