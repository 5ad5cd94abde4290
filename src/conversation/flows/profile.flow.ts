import type { ProfileField } from '../../services/collaborator.service.js';
import { column, type Flow, type StepInput, type TurnContext } from '../flow.js';
import {
  type FieldResult,
  provinceChoices,
  readAccountHolder,
  readAccountNumber,
  readBankName,
  readFullName,
  readNationalId,
  readPhone,
  readProvince,
} from './fields.js';

const FIELDS: readonly ProfileField[] = [
  'fullName',
  'phone',
  'province',
  'bankName',
  'accountNumber',
  'accountHolder',
  'nationalId',
];

const READERS: Record<
  ProfileField,
  (input: StepInput, ctx: TurnContext) => FieldResult | Promise<FieldResult>
> = {
  fullName: readFullName,
  phone: (input, ctx) => readPhone(input, ctx, ctx.collaborator?.id),
  province: readProvince,
  bankName: readBankName,
  accountNumber: readAccountNumber,
  accountHolder: readAccountHolder,
  nationalId: readNationalId,
};

/** A registered collaborator changes one field of their profile. */
export const profileFlow: Flow = {
  name: 'profile',

  start(ctx, args) {
    if (!ctx.collaborator) {
      return { refuse: [{ text: ctx.t('not-registered'), choices: registerButton(ctx) }] };
    }
    // Before a decision the admin must approve what they saw; afterwards, only active
    // collaborators keep their details up to date.
    if (ctx.collaborator.status !== 'active') {
      return { refuse: [{ text: ctx.t('profile-locked') }] };
    }
    const field = FIELDS.find((item) => item === args.trim());
    return field ? { data: { field } } : {};
  },

  steps: [
    {
      name: 'field',
      skip: (data) => typeof data.field === 'string',
      prompt: (ctx) => ({
        text: ctx.t('ask-edit-field'),
        choices: column(FIELDS.map((field) => [field, ctx.t(`field-${field}`)])),
      }),
      parse(input) {
        const field = input.kind === 'choice' ? FIELDS.find((f) => f === input.value) : undefined;
        return field ? { ok: true, set: { field } } : { ok: false, retry: 'retry-use-buttons' };
      },
    },
    {
      name: 'value',
      prompt(ctx, data) {
        const field = data.field as ProfileField;
        return {
          text: ctx.t(`ask-${kebab(field)}`),
          choices: field === 'province' ? provinceChoices() : undefined,
          requestContact: field === 'phone',
        };
      },
      async parse(input, ctx, data) {
        const result = await READERS[data.field as ProfileField](input, ctx);
        return result.ok ? { ok: true, set: { value: result.value } } : result;
      },
    },
  ],

  async complete(ctx, data) {
    const field = data.field as ProfileField;
    await ctx.services.collaborators.updateField(
      ctx.collaborator!,
      field,
      String(data.value),
      ctx.now,
    );
    return [
      {
        text: ctx.t('profile-updated', { field: ctx.t(`field-${field}`) }),
        choices: [[{ label: ctx.t('profile-button'), payload: '/profile' }]],
      },
    ];
  },
};

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function registerButton(ctx: TurnContext) {
  return [[{ label: ctx.t('register-button'), payload: '/start' }]];
}
