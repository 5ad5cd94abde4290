import { formatPhone } from '../../domain/phone.js';
import { mask } from '../../domain/text.js';
import type { Command } from '../engine.js';
import { provinceName } from '../flows/fields.js';
import { registerButton } from '../flows/profile.flow.js';

export const profileCommands: Command[] = [
  {
    name: 'profile',
    async run(ctx, args, control) {
      const collaborator = ctx.collaborator;
      if (!collaborator) return [{ text: ctx.t('not-registered'), choices: registerButton(ctx) }];

      const [action, field = ''] = args.split(/\s+/);
      if (action === 'edit') return control.startFlow('profile', field);

      const nationalId = ctx.services.collaborators.revealNationalId(collaborator);
      return [
        {
          text: ctx.t('profile-view', {
            code: collaborator.code,
            status: ctx.t(`status-${collaborator.status}`),
            fullName: collaborator.fullName,
            phone: formatPhone(collaborator.phone),
            province: provinceName(collaborator.province),
            bankName: collaborator.bank.bankName,
            accountNumber: mask(`000000${collaborator.bank.accountLast4}`),
            accountHolder: collaborator.bank.accountHolder,
            nationalId: nationalId ? mask(nationalId) : ctx.t('value-none'),
          }),
          choices: [[{ label: ctx.t('edit-button'), payload: '/profile edit' }]],
        },
      ];
    },
  },
];
