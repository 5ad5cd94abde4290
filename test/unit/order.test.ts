import {
  allowedTransitions,
  checkQuantity,
  formatOrderNumber,
  orderCommission,
  orderLine,
  orderTotal,
  parseOrderNumber,
  parseQuantity,
  submitOrder,
  transition,
  type Order,
  type OrderActor,
  type OrderLine,
  type OrderState,
} from '../../src/domain/order.js';

const collaborator: OrderActor = { role: 'collaborator', id: 'CTV0042' };
const admin: OrderActor = { role: 'admin', id: 'telegram:9001' };
const submittedAt = new Date('2024-03-31T18:30:00Z');
const later = (minutes: number) => new Date(submittedAt.getTime() + minutes * 60_000);

const coffee: OrderLine = {
  sku: 'CF-001',
  name: 'Cà phê sữa đá hòa tan',
  unitPrice: 129_900,
  quantity: 9,
  commission: { kind: 'rate', rate: '4.5' },
};
const fishSauce: OrderLine = {
  sku: 'NM-002',
  name: 'Nước mắm Phú Quốc 500ml',
  unitPrice: 85_000,
  quantity: 2,
  commission: { kind: 'fixed', amount: 5_000 },
};

function newOrder(lines: OrderLine[] = [coffee]): Order {
  const draft = {
    sequence: 123,
    collaboratorId: 'c-42',
    customer: { name: 'Trần Thị Lan', phone: '+84912345678', address: '12 Lê Lợi, Huế' },
    lines,
  };
  return submitOrder(draft, submittedAt, collaborator);
}

/** Applies moves in turn, failing the test on the first refusal. */
function walk(order: Order, ...moves: [OrderState, string?][]): Order {
  return moves.reduce((current, [to, reason], step) => {
    const result = transition(current, to, later(step + 1), admin, reason);
    if (!result.ok) throw new Error(`refused ${current.state} → ${to}`);
    return result.order;
  }, order);
}

describe('submission', () => {
  test('a new order is submitted, numbered and dated in the Vietnamese month', () => {
    const order = newOrder();
    expect(order.number).toBe('DH-000123');
    expect(order.state).toBe('submitted');
    expect(order.period).toBe('2024-04'); // 01:30 on 1 April in Vietnam
    expect(order.history).toEqual([{ to: 'submitted', at: submittedAt, actor: collaborator }]);
  });

  test('an order without lines is refused', () => {
    expect(() => newOrder([])).toThrow(RangeError);
  });

  test('a line freezes the price and the commission terms given at submission', () => {
    const product = { sku: 'CF-001', name: 'Cà phê', price: 129_900 };
    const line = orderLine(product, 3, { kind: 'rate', rate: '4.5' });
    product.price = 150_000;
    expect(line).toEqual({
      sku: 'CF-001',
      name: 'Cà phê',
      unitPrice: 129_900,
      quantity: 3,
      commission: { kind: 'rate', rate: '4.5' },
    });
  });
});

describe('totals', () => {
  test('the total is the sum of price × quantity', () => {
    // 129,900 × 9 = 1,169,100; 85,000 × 2 = 170,000; total 1,339,100
    expect(orderTotal([coffee, fishSauce])).toBe(1_339_100);
  });

  test('the commission sums rate and fixed lines and rounds once', () => {
    // coffee: 1,169,100 × 4.5% = 52,609.5; fish sauce: 5,000 × 2 = 10,000
    // exact 62,609.5 → half-up 62,610
    expect(orderCommission(newOrder([coffee, fishSauce]).lines)).toBe(62_610);
  });
});

describe('transitions', () => {
  test('submitted → confirmed → delivered, each step timestamped', () => {
    const delivered = walk(newOrder(), ['confirmed'], ['delivered']);
    expect(delivered.state).toBe('delivered');
    expect(delivered.history.slice(1)).toEqual([
      { from: 'submitted', to: 'confirmed', at: later(1), actor: admin },
      { from: 'confirmed', to: 'delivered', at: later(2), actor: admin },
    ]);
  });

  test('a transition leaves the original order untouched', () => {
    const order = newOrder();
    const result = transition(order, 'confirmed', later(1), admin);
    expect(result.ok).toBe(true);
    expect(order.state).toBe('submitted');
    expect(order.history).toHaveLength(1);
  });

  test('a submitted order can be cancelled with a reason', () => {
    const cancelled = walk(newOrder(), ['cancelled', '  Khách   đổi ý ']);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.history.at(-1)?.reason).toBe('Khách đổi ý');
  });

  test('a confirmed order can be cancelled with a reason', () => {
    expect(walk(newOrder(), ['confirmed'], ['cancelled', 'Hết hàng']).state).toBe('cancelled');
  });

  test('cancelling without a reason is refused', () => {
    expect(transition(newOrder(), 'cancelled', later(1), admin, '   ')).toEqual({
      ok: false,
      refusal: { code: 'transition-needs-reason', from: 'submitted', to: 'cancelled' },
    });
  });

  test('a delivered order can be returned with a reason', () => {
    const returned = walk(newOrder(), ['confirmed'], ['delivered'], ['returned', 'Hàng bị vỡ']);
    expect(returned.state).toBe('returned');
  });

  test('returning without a reason is refused', () => {
    const delivered = walk(newOrder(), ['confirmed'], ['delivered']);
    const result = transition(delivered, 'returned', later(9), admin);
    expect(result).toEqual({
      ok: false,
      refusal: { code: 'transition-needs-reason', from: 'delivered', to: 'returned' },
    });
  });

  test('a delivered order cannot be cancelled; the refusal names its state', () => {
    const delivered = walk(newOrder(), ['confirmed'], ['delivered']);
    expect(transition(delivered, 'cancelled', later(9), admin, 'Khách đổi ý')).toEqual({
      ok: false,
      refusal: { code: 'transition-not-allowed', from: 'delivered', to: 'cancelled' },
    });
  });

  test('a submitted order cannot skip to delivered', () => {
    const result = transition(newOrder(), 'delivered', later(1), admin);
    expect(result).toEqual({
      ok: false,
      refusal: { code: 'transition-not-allowed', from: 'submitted', to: 'delivered' },
    });
  });

  test('a cancelled order is final', () => {
    const cancelled = walk(newOrder(), ['cancelled', 'Khách đổi ý']);
    expect(allowedTransitions('cancelled')).toEqual([]);
    const result = transition(cancelled, 'confirmed', later(9), admin);
    expect(result.ok ? undefined : result.refusal.code).toBe('transition-not-allowed');
  });

  test('confirming twice is told apart from a wrong move', () => {
    const confirmed = walk(newOrder(), ['confirmed']);
    expect(transition(confirmed, 'confirmed', later(9), admin)).toEqual({
      ok: false,
      refusal: { code: 'transition-already-done', from: 'confirmed', to: 'confirmed' },
    });
  });
});

describe('order numbers', () => {
  test('are DH- and six digits', () => {
    expect(formatOrderNumber(123)).toBe('DH-000123');
  });

  test('grow past six digits', () => {
    expect(formatOrderNumber(1_234_567)).toBe('DH-1234567');
  });

  test('are read back as typed', () => {
    expect(parseOrderNumber('dh000123')).toBe('DH-000123');
    expect(parseOrderNumber('DH 123')).toBe('DH-000123');
    expect(parseOrderNumber('DH-0')).toBeUndefined();
    expect(parseOrderNumber('123')).toBeUndefined();
  });
});

describe('quantity', () => {
  test.each([
    ['3', 3],
    [' 12 ', 12],
    ['2.0', 2],
    ['1000', 1000],
    ['1.000', 1000],
  ])('reads %p as %d', (typed, quantity) => {
    expect(parseQuantity(typed)).toEqual({ ok: true, quantity });
  });

  test.each([
    ['hai', 'quantity-not-a-number'],
    ['', 'quantity-not-a-number'],
    ['2 hộp', 'quantity-not-a-number'],
    ['0', 'quantity-too-small'],
    ['-1', 'quantity-too-small'],
    ['1.5', 'quantity-not-whole'],
    ['1,5', 'quantity-not-whole'],
    ['1001', 'quantity-too-large'],
  ])('refuses %p: %s', (typed, reason) => {
    expect(parseQuantity(typed)).toEqual({ ok: false, reason, max: 1000 });
  });

  test('the per-line maximum is configurable', () => {
    expect(parseQuantity('51', 50)).toEqual({ ok: false, reason: 'quantity-too-large', max: 50 });
    expect(checkQuantity(50, 50)).toEqual({ ok: true, quantity: 50 });
  });
});
