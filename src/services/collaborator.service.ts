import type { Channel } from '../domain/channel.js';
import { type Collaborator, collaboratorCode, type Locale } from '../domain/collaborator.js';
import type { FieldCipher } from '../domain/crypto.js';
import { provinceName } from '../domain/provinces.js';
import { fold } from '../domain/text.js';
import type { Store } from '../store/repositories.js';
import { UserError } from './errors.js';
import type { Notifier } from './notifier.js';

/** The version of the data-use notice shown at registration; stored with each consent. */
export const CONSENT_VERSION = '2026-01';

/** What the onboarding flow collected. */
export interface Registration {
  channel: Channel;
  userId: string;
  chatId: string;
  fullName: string;
  phone: string;
  province: string;
  bankName: string;
  accountNumber: string;
  accountHolder: string;
  nationalId?: string;
  referrerCode?: string;
  locale: Locale;
  consentAt: Date;
}

export type ProfileField =
  'fullName' | 'phone' | 'province' | 'bankName' | 'accountNumber' | 'accountHolder' | 'nationalId';

export type Decision =
  | { outcome: 'done'; collaborator: Collaborator }
  | { outcome: 'not-found' }
  | { outcome: 'already'; collaborator: Collaborator };

interface Deps {
  store: Store;
  cipher: FieldCipher;
  notifier: Notifier;
}

/** Registration, admin decisions and profile changes of collaborators. */
export function createCollaboratorService({ store, cipher, notifier }: Deps) {
  const repo = store.collaborators;

  async function decide(
    code: string,
    to: 'active' | 'rejected',
    actor: string,
    at: Date,
    reason?: string,
  ): Promise<Decision> {
    const current = await repo.byCode(code);
    if (!current) return { outcome: 'not-found' };

    const updated = await repo.decide(current.id, 'pending', to, actor, at, reason);
    if (!updated) return { outcome: 'already', collaborator: current };

    await store.audit.record({
      at,
      actor,
      action: to === 'active' ? 'collaborator.approved' : 'collaborator.rejected',
      subject: `collaborator:${updated.code}`,
      details: reason ? { reason } : {},
    });
    await notifier.toCollaborator(updated, (i18n) =>
      to === 'active'
        ? {
            text: i18n.t('decision-approved', { name: updated.fullName, code: updated.code }),
            choices: [[{ label: i18n.t('menu-button'), payload: '/menu' }]],
          }
        : { text: i18n.t('decision-rejected', { name: updated.fullName }) },
    );
    return { outcome: 'done', collaborator: updated };
  }

  return {
    byIdentity: (channel: Channel, userId: string) => repo.byIdentity(channel, userId),
    byCode: (code: string) => repo.byCode(code),
    list: repo.list,
    count: repo.count,

    /** Remembers which channel and chat the collaborator used last. */
    async touch(collaborator: Collaborator, channel: Channel, chatId: string, at: Date) {
      const identity = collaborator.identities.find((item) => item.channel === channel);
      const stale =
        collaborator.lastChannel !== channel ||
        identity?.chatId !== chatId ||
        identity.blocked ||
        !identity.lastSeenAt ||
        at.getTime() - identity.lastSeenAt.getTime() > 60_000;
      if (stale) await repo.touchIdentity(collaborator.id, channel, chatId, at);
    },

    /** Is there a collaborator with this code who may refer others? */
    async referrerExists(code: string): Promise<boolean> {
      const referrer = await repo.byCode(code.trim().toUpperCase());
      return referrer !== undefined && referrer.status === 'active';
    },

    /** True when another collaborator already registered this phone number. */
    async phoneTaken(phone: string, exceptId?: string): Promise<boolean> {
      const owner = await repo.byPhone(phone);
      return owner !== undefined && owner.id !== exceptId;
    },

    /**
     * Saves a registration as `pending` and tells the admins. Registering twice from the same
     * identity returns the first record and notifies nobody again.
     */
    async register(input: Registration): Promise<{ collaborator: Collaborator; created: boolean }> {
      const existing = await repo.byIdentity(input.channel, input.userId);
      if (existing) return { collaborator: existing, created: false };
      // Checked again at confirmation: someone else may have registered the number since.
      if (await repo.byPhone(input.phone)) throw new UserError('retry-phone-taken');

      const code = collaboratorCode(await store.counters.next('collaborator'));
      const { collaborator, created } = await repo.register(
        {
          originKey: `${input.channel}:${input.userId}`,
          fullName: input.fullName,
          nameKey: fold(input.fullName),
          phone: input.phone,
          province: input.province,
          bank: {
            bankName: input.bankName,
            accountNumberSealed: cipher.encrypt(input.accountNumber),
            accountLast4: input.accountNumber.slice(-4),
            accountHolder: input.accountHolder,
          },
          nationalIdSealed: input.nationalId ? cipher.encrypt(input.nationalId) : undefined,
          referrerCode: input.referrerCode,
          locale: input.locale,
          identity: {
            channel: input.channel,
            userId: input.userId,
            chatId: input.chatId,
            blocked: false,
            linkedAt: input.consentAt,
            lastSeenAt: input.consentAt,
          },
          consent: { version: CONSENT_VERSION, at: input.consentAt },
        },
        code,
      );
      if (!created) return { collaborator, created };

      await store.audit.record({
        at: input.consentAt,
        actor: `${input.channel}:${input.userId}`,
        action: 'collaborator.registered',
        subject: `collaborator:${collaborator.code}`,
        details: { consentVersion: CONSENT_VERSION },
      });
      await notifier.toAdmins((i18n) => ({
        text: i18n.t('admin-new-registration', {
          name: collaborator.fullName,
          code: collaborator.code,
          province: provinceName(collaborator.province),
          referrer: collaborator.referrerCode ?? '—',
        }),
        choices: [
          [
            { label: i18n.t('approve-button'), payload: `/approve ${collaborator.code}` },
            { label: i18n.t('reject-button'), payload: `/reject ${collaborator.code}` },
          ],
        ],
      }));
      return { collaborator, created };
    },

    approve: (code: string, actor: string, at: Date) => decide(code, 'active', actor, at),
    reject: (code: string, actor: string, at: Date, reason?: string) =>
      decide(code, 'rejected', actor, at, reason),

    /** Changes one profile field; sensitive values are sealed again. */
    async updateField(collaborator: Collaborator, field: ProfileField, value: string, at: Date) {
      const changes: Partial<Collaborator> & Record<string, unknown> = {};
      const bank = { ...collaborator.bank };
      switch (field) {
        case 'fullName':
          Object.assign(changes, { fullName: value, nameKey: fold(value) });
          break;
        case 'phone':
          if ((await repo.byPhone(value)) && value !== collaborator.phone) {
            throw new UserError('retry-phone-taken');
          }
          changes.phone = value;
          break;
        case 'province':
          changes.province = value;
          break;
        case 'nationalId':
          changes.nationalIdSealed = cipher.encrypt(value);
          break;
        case 'accountNumber':
          Object.assign(bank, {
            accountNumberSealed: cipher.encrypt(value),
            accountLast4: value.slice(-4),
          });
          changes.bank = bank;
          break;
        case 'bankName':
        case 'accountHolder':
          changes.bank = { ...bank, [field]: value };
          break;
      }

      const updated = await repo.update(collaborator.id, changes);
      if (field === 'bankName' || field === 'accountNumber' || field === 'accountHolder') {
        // Payment details changing is what a stolen account would do first: admins see it.
        await notifier.toAdmins((i18n) => ({
          text: i18n.t('admin-bank-changed', {
            code: collaborator.code,
            name: collaborator.fullName,
            field: i18n.t(`field-${field}`),
          }),
        }));
      }
      await store.audit.record({
        at,
        actor: `collaborator:${collaborator.code}`,
        action: 'collaborator.profile-changed',
        subject: `collaborator:${collaborator.code}`,
        details: { field },
      });
      return updated;
    },

    /** The national ID in clear, for the collaborator's own profile view only. */
    revealNationalId(collaborator: Collaborator): string | undefined {
      return collaborator.nationalIdSealed
        ? cipher.decrypt(collaborator.nationalIdSealed)
        : undefined;
    },

    async setLocale(collaborator: Collaborator, locale: Locale) {
      await repo.update(collaborator.id, { locale });
    },
  };
}

export type CollaboratorService = ReturnType<typeof createCollaboratorService>;
