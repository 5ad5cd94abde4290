import { randomBytes } from 'node:crypto';
import type { Locale } from '../domain/collaborator.js';
import { fold } from '../domain/text.js';
import type { Catalogue, Translator } from '../i18n/i18n.js';
import type { Logger } from '../logger.js';
import type { Services } from '../services/services.js';
import type { ConversationState, Store } from '../store/repositories.js';
import { UserError } from '../services/errors.js';
import type { Flow, FlowData, Prompt, StepInput, TurnContext } from './flow.js';
import { KeyedQueue } from './keyed-queue.js';
import { withPlainLabels } from './render.js';
import type { InboundEvent, Reply } from './types.js';

/** A slash command (also reachable from buttons whose payload starts with `/`). */
export interface Command {
  name: string;
  adminOnly?: boolean;
  run(ctx: TurnContext, args: string, control: FlowControl): Promise<Reply[]>;
}

/** Free text that means a command, matched on folded text ("hoa hong" = "Hoa hồng"). */
export interface Intent {
  pattern: RegExp;
  command: string;
  args?: string;
}

/** What a command may do to the conversation besides answering. */
export interface FlowControl {
  startFlow(name: string, args?: string): Promise<Reply[]>;
  /** Ends the running flow; false when there was none. */
  cancelFlow(): boolean;
  /** Switches the conversation's language and returns a translator for it. */
  setLocale(locale: Locale): Translator;
}

export interface EngineOptions {
  store: Store;
  catalogue: Catalogue;
  services: Services;
  flows: Flow[];
  commands: Command[];
  intents: Intent[];
  defaultLocale: Locale;
  conversationTtlMs: number;
  isAdmin(channel: string, userId: string): boolean;
  /** Channels that show choices as a numbered list, where "2" means the second choice. */
  numberedChannels?: string[];
  logger: Logger;
}

/** Payloads of flow buttons: `~<run id>:<value>`, so a button from another run is detected. */
const FLOW_PAYLOAD = /^~([a-z0-9]+):(.*)$/s;

/** Raised when another process saved the conversation first; the turn is run again. */
class StaleState extends Error {}

/**
 * The conversation engine: the only code that loads and saves conversation state, dedupes
 * updates, routes commands and drives flows. Flows and commands only describe steps.
 */
export function createEngine(options: EngineOptions) {
  const flows = new Map(options.flows.map((flow) => [flow.name, flow]));
  const commands = new Map(options.commands.map((command) => [command.name, command]));
  const queue = new KeyedQueue();

  async function handle(event: InboundEvent): Promise<Reply[]> {
    const log = options.logger.child({
      channel: event.channel,
      update: event.updateId ?? event.messageId,
    });
    const dedupeKey = event.updateId
      ? `${event.channel}:u:${event.updateId}`
      : event.messageId
        ? `${event.channel}:m:${event.chatId}:${event.messageId}`
        : undefined;

    return queue.run(`${event.channel}:${event.chatId}`, async () => {
      try {
        if (dedupeKey && !(await options.store.processedUpdates.markOnce(dedupeKey, event.at))) {
          log.info('repeated update ignored');
          return [];
        }
      } catch (error) {
        return [await failure(event, error, log)];
      }

      const started = Date.now();
      for (let attempt = 1; ; attempt++) {
        try {
          const replies = (await turn(event, log)).map(withPlainLabels);
          log.info({ ms: Date.now() - started, replies: replies.length }, 'update handled');
          return replies;
        } catch (error) {
          if (error instanceof StaleState && attempt < 3) continue;
          return [await failure(event, error, log)];
        }
      }
    });
  }

  async function failure(event: InboundEvent, error: unknown, log: Logger): Promise<Reply> {
    const state = await options.store.conversations
      .load(event.channel, event.userId, event.chatId)
      .catch(() => undefined);
    const i18n = options.catalogue.translator(state?.locale ?? options.defaultLocale);
    if (error instanceof UserError) return { text: i18n.t(error.key, error.args) };
    log.error({ error: describeError(error) }, 'update failed');
    return { text: i18n.t('error-internal') };
  }

  async function turn(event: InboundEvent, log: Logger): Promise<Reply[]> {
    const state = await options.store.conversations.load(event.channel, event.userId, event.chatId);
    const collaborator = await options.services.collaborators.byIdentity(
      event.channel,
      event.userId,
    );
    if (collaborator) {
      await options.services.collaborators.touch(
        collaborator,
        event.channel,
        event.chatId,
        event.at,
      );
    }

    const locale = state.locale ?? collaborator?.locale ?? options.defaultLocale;
    const i18n = options.catalogue.translator(locale);
    const ctx: TurnContext = {
      event,
      locale,
      i18n,
      t: i18n.t,
      now: event.at,
      isAdmin: options.isAdmin(event.channel, event.userId),
      collaborator,
      services: options.services,
    };

    const expired = state.flow !== null && state.expiresAt !== null && state.expiresAt < event.at;
    if (expired) clearFlow(state);

    const replies = await route(ctx, state, log);
    state.chatId = event.chatId;
    if (!(await options.store.conversations.save(state))) throw new StaleState();
    return replies;
  }

  async function route(ctx: TurnContext, state: ConversationState, log: Logger) {
    const { event } = ctx;
    const payload = event.payload;

    const flowButton = payload ? FLOW_PAYLOAD.exec(payload) : null;
    if (flowButton) {
      if (state.flow === null || state.runId !== flowButton[1]) {
        return [{ text: ctx.t('button-expired') }];
      }
      return continueFlow(ctx, state, { kind: 'choice', value: flowButton[2]! }, log);
    }

    const commandText = payload ?? (event.text?.trim().startsWith('/') ? event.text.trim() : '');
    if (commandText.startsWith('/')) {
      const [, name = '', args = ''] = /^\/([a-z_]+)(?:@\w+)?\s*(.*)$/is.exec(commandText) ?? [];
      return runCommand(ctx, state, name.toLowerCase(), args.trim(), log);
    }

    const folded = fold(event.text ?? '');
    if (state.flow !== null) {
      const input = toStepInput(ctx, state);
      // "hủy" typed at a step that takes text would otherwise be stored as the answer.
      if (input?.kind === 'text' && isCancelWord(folded)) {
        return runCommand(ctx, state, 'cancel', '', log);
      }
      if (input) return continueFlow(ctx, state, input, log);
    }

    const intent = folded ? options.intents.find((item) => item.pattern.test(folded)) : undefined;
    if (intent) return runCommand(ctx, state, intent.command, intent.args ?? '', log);

    return runCommand(ctx, state, 'fallback', '', log);
  }

  function isCancelWord(folded: string): boolean {
    return options.intents.some((item) => item.command === 'cancel' && item.pattern.test(folded));
  }

  async function runCommand(
    ctx: TurnContext,
    state: ConversationState,
    name: string,
    args: string,
    log: Logger,
  ): Promise<Reply[]> {
    const command = commands.get(name) ?? commands.get('unknown')!;
    if (command.adminOnly && !ctx.isAdmin) return [{ text: ctx.t('admin-only') }];
    log.info({ command: command.name }, 'command');

    return command.run(ctx, args, {
      startFlow: (flowName, flowArgs = '') => startFlow(ctx, state, flowName, flowArgs, log),
      cancelFlow() {
        const active = state.flow !== null;
        clearFlow(state);
        return active;
      },
      setLocale(locale) {
        state.locale = locale;
        return options.catalogue.translator(locale);
      },
    });
  }

  async function startFlow(
    ctx: TurnContext,
    state: ConversationState,
    name: string,
    args: string,
    log: Logger,
  ): Promise<Reply[]> {
    const flow = flows.get(name);
    if (!flow) throw new Error(`Unknown flow ${name}`);

    const start = (await flow.start?.(ctx, args)) ?? {};
    if (start.refuse) return start.refuse;

    state.flow = flow.name;
    state.runId = randomBytes(4).toString('hex');
    state.data = { ...start.data };
    state.expiresAt = new Date(ctx.now.getTime() + options.conversationTtlMs);
    log.info({ flow: flow.name }, 'flow started');

    const first = nextStep(flow, undefined, state.data);
    return [...(start.intro ?? []), ...(await enterStep(ctx, state, flow, first, log))];
  }

  async function continueFlow(
    ctx: TurnContext,
    state: ConversationState,
    input: StepInput,
    log: Logger,
  ): Promise<Reply[]> {
    const flow = flows.get(state.flow!);
    const step = flow?.steps.find((item) => item.name === state.step);
    if (!flow || !step) {
      clearFlow(state);
      return [{ text: ctx.t('button-expired') }];
    }

    const data = state.data;
    const result = await step.parse(input, ctx, data);
    if (!result.ok) {
      const prompt = await step.prompt(ctx, data);
      return [{ text: ctx.t(result.retry) }, render(state, prompt)];
    }
    if ('cancel' in result) {
      clearFlow(state);
      return flow.cancelled?.(ctx, data) ?? [{ text: ctx.t('flow-cancelled') }];
    }
    if ('complete' in result) {
      const replies = await flow.complete(ctx, data);
      log.info({ flow: flow.name }, 'flow completed');
      clearFlow(state);
      return replies;
    }
    if ('edit' in result) {
      data._edit = true;
      return enterStep(ctx, state, flow, result.edit, log);
    }

    Object.assign(data, result.set);
    let target = result.next;
    if (!target && data._edit && flow.summaryStep) {
      delete data._edit;
      target = flow.summaryStep;
    }
    target ??= nextStep(flow, step.name, data);
    if (!target) {
      const replies = await flow.complete(ctx, data);
      clearFlow(state);
      return replies;
    }
    return enterStep(ctx, state, flow, target, log);
  }

  /** The step after `current` (or the first one), passing over steps that ask to be skipped. */
  function nextStep(flow: Flow, current: string | undefined, data: FlowData): string | undefined {
    let name: string | undefined;
    if (current === undefined) {
      name = flow.steps[0]?.name;
    } else {
      const step = flow.steps.find((item) => item.name === current)!;
      name =
        typeof step.next === 'function'
          ? step.next(data)
          : (step.next ?? flow.steps[flow.steps.indexOf(step) + 1]?.name);
    }
    const step = flow.steps.find((item) => item.name === name);
    if (step?.skip?.(data)) return nextStep(flow, step.name, data);
    return name;
  }

  async function enterStep(
    ctx: TurnContext,
    state: ConversationState,
    flow: Flow,
    name: string | undefined,
    _log: Logger,
  ): Promise<Reply[]> {
    const step = flow.steps.find((item) => item.name === name);
    if (!step) throw new Error(`Flow ${flow.name} has no step ${name}`);
    state.step = step.name;
    state.expiresAt = new Date(ctx.now.getTime() + options.conversationTtlMs);
    return [render(state, await step.prompt(ctx, state.data))];
  }

  /** Turns a prompt into a reply whose buttons carry this run's id. */
  function render(state: ConversationState, prompt: Prompt): Reply {
    state.choices = (prompt.choices ?? []).flat();
    return {
      text: prompt.text,
      requestContact: prompt.requestContact,
      choices: prompt.choices?.map((row) =>
        row.map((choice) => ({
          label: choice.label,
          payload: `~${state.runId}:${choice.payload}`,
        })),
      ),
    };
  }

  /** Reads typed text or a contact as a step input; a typed label counts as its button. */
  function toStepInput(ctx: TurnContext, state: ConversationState): StepInput | undefined {
    const { event } = ctx;
    if (event.contact)
      return { kind: 'contact', phone: event.contact.phone, own: event.contact.own };
    if (event.text === undefined) return event.attachment ? { kind: 'attachment' } : undefined;

    const typed = fold(event.text);
    const byLabel = state.choices.find((choice) => fold(choice.label) === typed);
    if (byLabel) return { kind: 'choice', value: byLabel.payload };
    if (options.numberedChannels?.includes(event.channel) && /^\d{1,3}$/.test(typed)) {
      const byNumber = state.choices[Number(typed) - 1];
      if (byNumber) return { kind: 'choice', value: byNumber.payload };
    }
    return { kind: 'text', text: event.text };
  }

  function clearFlow(state: ConversationState): void {
    state.flow = null;
    state.runId = null;
    state.step = null;
    state.data = {};
    state.choices = [];
    state.expiresAt = null;
  }

  return { handle };
}

export type Engine = ReturnType<typeof createEngine>;

/**
 * What of an error may be logged: its class, code and where it happened. Messages are left
 * out because driver and validation errors quote the values (a phone, a name) they refused.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  return {
    name: error.name,
    code: (error as { code?: unknown }).code,
    at: error.stack
      ?.split('\n')
      .slice(1, 4)
      .map((line) => line.trim()),
  };
}
