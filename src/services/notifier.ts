import type { Collaborator } from '../domain/collaborator.js';
import type { Translator } from '../i18n/i18n.js';
import type { Reply } from '../conversation/types.js';

/** Builds a message in the recipient's language. */
export type MessageBuilder = (i18n: Translator) => Reply;

/**
 * Sends messages that are not answers: to admins about new registrations, to a collaborator
 * about a decision. Services use it without knowing which channels exist.
 */
export interface Notifier {
  toAdmins(build: MessageBuilder): Promise<void>;
  toCollaborator(collaborator: Collaborator, build: MessageBuilder): Promise<void>;
}
