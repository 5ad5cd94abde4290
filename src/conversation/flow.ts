import type { Collaborator, Locale } from '../domain/collaborator.js';
import type { Translator } from '../i18n/i18n.js';
import type { Services } from '../services/services.js';
import type { Choice, InboundEvent, Reply } from './types.js';

/** What a step receives from the person: typed text, a pressed button, a shared contact. */
export type StepInput =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; value: string }
  | { kind: 'contact'; phone: string; own: boolean }
  | { kind: 'attachment' };

/** Everything a flow step or command can use while handling one message. */
export interface TurnContext {
  event: InboundEvent;
  locale: Locale;
  i18n: Translator;
  t: Translator['t'];
  now: Date;
  isAdmin: boolean;
  collaborator?: Collaborator;
  services: Services;
}

/** Data collected so far by a flow; keys starting with `_` belong to the engine. */
export type FlowData = Record<string, unknown>;

/** A step's verdict on the input. */
export type StepResult =
  | { ok: true; set?: FlowData; next?: string }
  | { ok: true; edit: string }
  | { ok: true; complete: true }
  | { ok: true; cancel: true }
  | { ok: false; retry: string };

/** A prompt: the message and, optionally, buttons whose payloads are step values. */
export interface Prompt {
  text: string;
  choices?: Choice[][];
  requestContact?: boolean;
}

/**
 * One step of a waterfall flow: how to ask, how to read the answer, where to go next.
 * `next` may be omitted for the last step; `skip` lets a step be passed over.
 */
export interface Step {
  name: string;
  prompt(ctx: TurnContext, data: FlowData): Prompt | Promise<Prompt>;
  parse(input: StepInput, ctx: TurnContext, data: FlowData): StepResult | Promise<StepResult>;
  next?: string | ((data: FlowData) => string | undefined);
  skip?(data: FlowData): boolean;
}

export interface FlowStart {
  /** Replies sent instead of starting (e.g. "you are already registered"). */
  refuse?: Reply[];
  data?: FlowData;
  /** Replies sent before the first prompt. */
  intro?: Reply[];
}

/** A conversation with a goal, one file per flow under `flows/`. */
export interface Flow {
  name: string;
  steps: Step[];
  /** The step that shows everything and offers edit and confirm; edits come back to it. */
  summaryStep?: string;
  start?(ctx: TurnContext, args: string): Promise<FlowStart> | FlowStart;
  /** Runs after confirmation; the flow's state is cleared whatever it returns. */
  complete(ctx: TurnContext, data: FlowData): Promise<Reply[]>;
  /** Reply when the person cancels; a default is used when absent. */
  cancelled?(ctx: TurnContext, data: FlowData): Reply[];
}

/** Builds a one-button-per-row choice list from [value, label] pairs. */
export function column(pairs: [string, string][]): Choice[][] {
  return pairs.map(([payload, label]) => [{ label, payload }]);
}

/** Lays choices out in rows of `width` buttons. */
export function grid(pairs: [string, string][], width: number): Choice[][] {
  const rows: Choice[][] = [];
  for (let i = 0; i < pairs.length; i += width) {
    rows.push(pairs.slice(i, i + width).map(([payload, label]) => ({ label, payload })));
  }
  return rows;
}

/** The buttons of a summary step: confirm (with the flow's own label), edit, cancel. */
export function summaryChoices(ctx: TurnContext, confirmLabel: string): Choice[][] {
  return [
    [{ label: confirmLabel, payload: 'confirm' }],
    [
      { label: ctx.t('edit-button'), payload: 'edit' },
      { label: ctx.t('cancel-button'), payload: 'cancel' },
    ],
  ];
}

/** Reads a summary step's buttons; "edit" goes to the flow's `editField` step. */
export function parseSummary(input: StepInput): StepResult {
  if (input.kind !== 'choice') return { ok: false, retry: 'retry-use-buttons' };
  if (input.value === 'confirm') return { ok: true, complete: true };
  if (input.value === 'cancel') return { ok: true, cancel: true };
  return { ok: true, next: 'editField' };
}
