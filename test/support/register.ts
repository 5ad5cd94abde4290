import type { Core } from '../../src/app.js';
import type { Collaborator } from '../../src/domain/collaborator.js';
import { chatAs } from './chat.js';

/** What a person answers during registration; every field has a valid default. */
export interface Answers {
  fullName?: string;
  phone?: string;
  province?: string;
  bankName?: string;
  accountNumber?: string;
  nationalId?: string;
  referrerCode?: string;
}

/**
 * Registers a web user through the Vietnamese onboarding dialogue, answering every step, and
 * returns the stored collaborator. Each call needs its own user id and phone number.
 */
export async function registerThroughChat(
  core: Core,
  userId: string,
  answers: Answers = {},
): Promise<Collaborator> {
  const chat = chatAs(core, userId);
  await chat.say('/start');
  await chat.press('Tôi đồng ý');
  await chat.say(answers.fullName ?? 'Trần Văn Bình');
  await chat.say(answers.phone ?? '0987 654 321');
  await chat.say(answers.province ?? 'Cần Thơ');
  await chat.say(answers.bankName ?? 'Techcombank');
  await chat.say(answers.accountNumber ?? '190 3456 7890');
  await chat.press(/^[A-Z ]+$/);
  if (answers.nationalId) await chat.say(answers.nationalId);
  else await chat.press('Bỏ qua');
  if (answers.referrerCode) await chat.say(answers.referrerCode);
  else await chat.press('Bỏ qua');
  await chat.press('✅ Xác nhận');

  const collaborator = await core.store.collaborators.byIdentity('web', userId);
  if (!collaborator) throw new Error(`Registration of ${userId} failed: ${chat.text}`);
  return collaborator;
}

/** Registers and approves a collaborator, so that its code can refer others. */
export async function activeCollaborator(
  core: Core,
  userId: string,
  answers: Answers = {},
): Promise<Collaborator> {
  const collaborator = await registerThroughChat(core, userId, answers);
  const decision = await core.services.collaborators.approve(
    collaborator.code,
    'web:admin',
    new Date('2026-11-20T04:00:00Z'),
  );
  if (decision.outcome !== 'done') throw new Error(`Could not approve ${collaborator.code}`);
  return decision.collaborator;
}
