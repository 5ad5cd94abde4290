import { formatPhone } from '../../domain/phone.js';
import {
  column,
  type Flow,
  type FlowData,
  grid,
  parseSummary,
  type StepInput,
  summaryChoices,
  type TurnContext,
} from '../flow.js';
import {
  bankStyleName,
  COMMON_BANKS,
  type FieldResult,
  provinceChoices,
  provinceName,
  readAccountHolder,
  readAccountNumber,
  readBankName,
  readFullName,
  readNationalId,
  readPhone,
  readProvince,
} from './fields.js';

/** Steps that can be edited from the summary, in the order they are asked. */
const EDITABLE = [
  'fullName',
  'phone',
  'province',
  'bankName',
  'accountNumber',
  'accountHolder',
  'nationalId',
  'referrerCode',
] as const;

/** Wraps a field reader as a step parser that stores the value under the step's name. */
function store(key: string, reader: (input: StepInput) => FieldResult) {
  return (input: StepInput) => {
    const result = reader(input);
    return result.ok ? { ok: true as const, set: { [key]: result.value } } : result;
  };
}

const SKIP = '-';
const SUGGESTED = 'suggested';

/** Registration of a new collaborator, from consent to a `pending` record. */
export const onboardingFlow: Flow = {
  name: 'onboarding',
  summaryStep: 'summary',

  async start(ctx, args) {
    const existing = ctx.collaborator;
    if (existing) {
      const key = `already-registered-${existing.status}`;
      return {
        refuse: [
          {
            text: ctx.t(key, { name: existing.fullName, code: existing.code }),
            choices:
              existing.status === 'active'
                ? [[{ label: ctx.t('menu-button'), payload: '/menu' }]]
                : undefined,
          },
        ],
      };
    }

    const data: FlowData = {};
    const code = args.trim().toUpperCase();
    if (code && (await ctx.services.collaborators.referrerExists(code))) {
      data.referrerCode = code;
      data._referralFromLink = true;
    }
    return {
      data,
      intro: [{ text: ctx.t('welcome', { business: ctx.services.businessName }) }],
    };
  },

  steps: [
    {
      name: 'consent',
      prompt: (ctx) => ({
        text: ctx.t('consent-prompt'),
        choices: [
          [
            { label: ctx.t('consent-agree'), payload: 'agree' },
            { label: ctx.t('consent-decline'), payload: 'decline' },
          ],
        ],
      }),
      parse(input, ctx) {
        if (input.kind !== 'choice') return { ok: false, retry: 'retry-consent' };
        if (input.value === 'decline') return { ok: true, cancel: true };
        return { ok: true, set: { consentAt: ctx.now.toISOString() } };
      },
    },
    {
      name: 'fullName',
      prompt: (ctx) => ({ text: ctx.t('ask-full-name') }),
      parse: store('fullName', readFullName),
    },
    {
      name: 'phone',
      prompt: (ctx) => ({ text: ctx.t('ask-phone'), requestContact: true }),
      async parse(input, ctx) {
        const result = await readPhone(input, ctx);
        return result.ok ? { ok: true, set: { phone: result.value } } : result;
      },
    },
    {
      name: 'province',
      prompt: (ctx) => ({ text: ctx.t('ask-province'), choices: provinceChoices() }),
      parse: store('province', readProvince),
    },
    {
      name: 'bankName',
      prompt: (ctx) => ({
        text: ctx.t('ask-bank-name'),
        choices: grid(
          COMMON_BANKS.map((bank) => [bank, bank]),
          2,
        ),
      }),
      parse: store('bankName', readBankName),
    },
    {
      name: 'accountNumber',
      prompt: (ctx) => ({ text: ctx.t('ask-account-number') }),
      parse: store('accountNumber', readAccountNumber),
    },
    {
      name: 'accountHolder',
      prompt: (ctx, data) => {
        const suggested = bankStyleName(String(data.fullName ?? ''));
        return {
          text: ctx.t('ask-account-holder'),
          // The payload is a fixed word: a long name would not fit Telegram's 64-byte limit.
          choices: suggested ? [[{ label: suggested, payload: SUGGESTED }]] : undefined,
        };
      },
      parse(input, _ctx, data) {
        const chosen =
          input.kind === 'choice' && input.value === SUGGESTED
            ? { kind: 'text' as const, text: bankStyleName(String(data.fullName ?? '')) }
            : input;
        const result = readAccountHolder(chosen);
        return result.ok ? { ok: true, set: { accountHolder: result.value } } : result;
      },
    },
    {
      name: 'nationalId',
      prompt: (ctx) => ({
        text: ctx.t('ask-national-id'),
        choices: [[{ label: ctx.t('skip-button'), payload: SKIP }]],
      }),
      parse(input) {
        if (input.kind === 'choice' && input.value === SKIP) {
          return { ok: true, set: { nationalId: undefined } };
        }
        const result = readNationalId(input);
        return result.ok ? { ok: true, set: { nationalId: result.value } } : result;
      },
    },
    {
      name: 'referrerCode',
      skip: (data) => data._referralFromLink === true && !data._edit,
      prompt: (ctx) => ({
        text: ctx.t('ask-referral'),
        choices: [[{ label: ctx.t('skip-button'), payload: SKIP }]],
      }),
      async parse(input, ctx) {
        if (input.kind === 'choice' && input.value === SKIP) {
          return { ok: true, set: { referrerCode: undefined, _referralFromLink: false } };
        }
        if (input.kind !== 'text') return { ok: false, retry: 'retry-referral' };
        const code = input.text.trim().toUpperCase();
        if (!(await ctx.services.collaborators.referrerExists(code))) {
          return { ok: false, retry: 'retry-referral' };
        }
        return { ok: true, set: { referrerCode: code } };
      },
    },
    {
      name: 'summary',
      prompt: (ctx, data) => ({
        text: summaryText(ctx, data),
        choices: summaryChoices(ctx, ctx.t('confirm-button')),
      }),
      parse: parseSummary,
    },
    {
      name: 'editField',
      prompt: (ctx) => ({
        text: ctx.t('ask-edit-field'),
        choices: column(EDITABLE.map((field) => [field, ctx.t(`field-${field}`)])),
      }),
      parse(input) {
        if (input.kind !== 'choice' || !(EDITABLE as readonly string[]).includes(input.value)) {
          return { ok: false, retry: 'retry-use-buttons' };
        }
        return { ok: true, edit: input.value };
      },
    },
  ],

  async complete(ctx, data) {
    const { event } = ctx;
    const { collaborator } = await ctx.services.collaborators.register({
      channel: event.channel,
      userId: event.userId,
      chatId: event.chatId,
      fullName: String(data.fullName),
      phone: String(data.phone),
      province: String(data.province),
      bankName: String(data.bankName),
      accountNumber: String(data.accountNumber),
      accountHolder: String(data.accountHolder),
      nationalId: data.nationalId ? String(data.nationalId) : undefined,
      referrerCode: data.referrerCode ? String(data.referrerCode) : undefined,
      locale: ctx.locale,
      consentAt: new Date(String(data.consentAt)),
    });
    return [
      { text: ctx.t('registered', { name: collaborator.fullName, code: collaborator.code }) },
    ];
  },

  cancelled: (ctx) => [{ text: ctx.t('onboarding-declined') }],
};

/** The summary shows the numbers in full: this is the moment to catch a typo. */
function summaryText(ctx: TurnContext, data: FlowData): string {
  const none = ctx.t('value-none');
  return ctx.t('registration-summary', {
    fullName: String(data.fullName),
    phone: formatPhone(String(data.phone)),
    province: provinceName(data.province),
    bankName: String(data.bankName),
    accountNumber: String(data.accountNumber),
    accountHolder: String(data.accountHolder),
    nationalId: data.nationalId ? String(data.nationalId) : none,
    referrerCode: data.referrerCode ? String(data.referrerCode) : none,
  });
}
