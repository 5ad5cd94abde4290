import { isIdKey, parseZaloJson, quoteIdNumbers } from '../../bots/zalo/zalo-json.js';

const LONG = '2468458835291979922';

describe('Zalo JSON with exact ids', () => {
  it('shows why: JSON.parse rounds a 19-digit id', () => {
    const parsed = JSON.parse(`{"id":${LONG}}`) as { id: number };
    expect(String(parsed.id)).not.toBe(LONG);
  });

  it('keeps a bare 19-digit id exact, as a string, at any depth', () => {
    const raw = `{"ok":true,"result":{"event_name":"message.text.received","message":{"message_id":${LONG},"from":{"id":${LONG},"display_name":"Lan"},"chat":{"id": -${LONG} ,"chat_type":"PRIVATE"},"date":1767000000000,"text":"hi"}}}`;
    const parsed = parseZaloJson(raw) as {
      result: {
        message: { message_id: string; from: { id: string }; chat: { id: string }; date: number };
      };
    };
    expect(parsed.result.message.from.id).toBe(LONG);
    expect(parsed.result.message.message_id).toBe(LONG);
    expect(parsed.result.message.chat.id).toBe(`-${LONG}`);
    // Other numbers stay numbers.
    expect(parsed.result.message.date).toBe(1767000000000);
  });

  it('leaves ids that are already strings, and text that looks like JSON, alone', () => {
    const raw = JSON.stringify({
      message: { from: { id: LONG }, text: `{"id": 123, "chat_id": 456} \\" "id":7` },
    });
    expect(quoteIdNumbers(raw)).toBe(raw);
    const parsed = parseZaloJson(raw) as { message: { text: string } };
    expect(parsed.message.text).toBe(`{"id": 123, "chat_id": 456} \\" "id":7`);
  });

  it('quotes only integers of id keys, not fractions or other keys', () => {
    expect(quoteIdNumbers('{"id":12,"count":3,"user_id":4.5,"x_id":[1,2],"y":{"id":5}}')).toBe(
      '{"id":"12","count":3,"user_id":4.5,"x_id":[1,2],"y":{"id":"5"}}',
    );
  });

  it('copes with escaped quotes and backslashes before a key', () => {
    const raw = '{"text":"a\\\\","id":99999999999999999999,"t2":"\\"id\\":1"}';
    expect(parseZaloJson(raw)).toEqual({ text: 'a\\', id: '99999999999999999999', t2: '"id":1' });
  });

  it('names id keys', () => {
    expect(['id', 'chat_id', 'message_id'].every(isIdKey)).toBe(true);
    expect(['ids', 'idle', 'date', 'identity'].some(isIdKey)).toBe(false);
  });

  it('still fails on JSON that is broken', () => {
    expect(() => parseZaloJson('{"id":')).toThrow(SyntaxError);
  });
});
