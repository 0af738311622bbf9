import { describe, expect, it } from 'vitest';
import { CreateMapBody, SubmitOpsBody, UpdateMapBody } from './map.js';
import { MAX_OPS_PER_BATCH, Op } from './ops.js';
import { CreateSourceBody } from './source.js';
import {
  argumentDeleteOp,
  argumentOp,
  argumentUpdateOp,
  claimOp,
  edgeDeleteOp,
  edgeOp,
  edgeUpdateOp,
  eventOp,
  evidenceOp,
  moveOp,
  newId,
  nodeDeleteOp,
  nodeUpdateOp,
  opsBatch,
  quoteOf,
  readingOp,
} from '../../tests/helpers/ops.js';

const a = newId();
const b = newId();

const VALID: Record<Op['type'], Op> = {
  'node.create': claimOp({ text: 'A claim', x: -12.5, y: 1e6 }),
  'node.update': nodeUpdateOp(a, { text: 'new', kind: 'evidence', quote: quoteOf(b, 'words', 3) }),
  'node.delete': nodeDeleteOp(a),
  'nodes.move': moveOp({ id: a, x: 1, y: 2 }, { id: b, x: -1e6, y: 0 }),
  'edge.create': edgeOp('supports', a, b, { label: 'because' }),
  'edge.update': edgeUpdateOp(a, { kind: 'attacks' }),
  'edge.delete': edgeDeleteOp(a),
  'argument.create': argumentOp(a, [b, newId()]),
  'argument.update': argumentUpdateOp(a, { premiseIds: [b] }),
  'argument.delete': argumentDeleteOp(a),
  'event.create': eventOp(),
  'event.update': { type: 'event.update', id: a, patch: { period: '1925–27' } },
  'event.delete': { type: 'event.delete', id: a },
  'reading.create': readingOp(a, { nodeIds: [b], edgeIds: [a] }),
  'reading.update': { type: 'reading.update', id: a, patch: { eventId: null } },
  'reading.delete': { type: 'reading.delete', id: a },
  'reading.include': { type: 'reading.include', id: a, nodeIds: [b], edgeIds: [] },
  'reading.exclude': { type: 'reading.exclude', id: a, nodeIds: [], edgeIds: [b] },
};

/** A copy of `value` with one field replaced (or removed, with `undefined`), at a dotted path. */
function withField(value: unknown, path: string, replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (replacement === undefined) delete target[last];
  else target[last] = replacement;
  return copy;
}

describe('Op', () => {
  it.each(Object.entries(VALID))('accepts a valid %s and keeps its meaning', (_type, op) => {
    expect(Op.parse(op)).toEqual(op);
  });

  it('defaults a missing edge label to empty', () => {
    const op = edgeOp('attacks', a, b);
    const { label: _label, ...edge } = op.edge;
    expect(Op.parse({ ...op, edge })).toEqual(op);
  });

  it('drops an author the client sends: the server decides who created what', () => {
    const op = claimOp();
    const parsed = Op.parse({ ...op, node: { ...op.node, authorId: newId() } });
    expect(parsed).toEqual(op);
    expect('authorId' in (parsed as typeof op).node).toBe(false);
  });

  it.each([
    ['an unknown type', { type: 'node.rename', id: a }],
    ['no type', { id: a }],
    ['a non-object', 'node.delete'],
    ['null', null],
  ])('rejects %s', (_what, value) => {
    expect(Op.safeParse(value).success).toBe(false);
  });

  it.each([
    ['node.create', 'node', undefined],
    ['node.create', 'node.kind', undefined],
    ['node.create', 'node.kind', 'opinion'],
    ['node.create', 'node.text', 42],
    ['node.create', 'node.text', 'x'.repeat(10_001)],
    ['node.create', 'node.quote', undefined],
    ['node.create', 'node.id', 'node-1'],
    ['node.create', 'node.id', ''],
    ['node.create', 'node.x', Number.NaN],
    ['node.create', 'node.x', Number.POSITIVE_INFINITY],
    ['node.create', 'node.y', 1e6 + 1],
    ['node.create', 'node.y', -1e7],
    ['node.create', 'node.x', '10'],
    ['node.update', 'id', 'not-a-uuid'],
    ['node.update', 'patch', {}],
    ['node.update', 'patch', undefined],
    ['node.update', 'patch.quote', { ...quoteOf(b, 'words', 3), end: 9 }],
    ['node.delete', 'id', undefined],
    ['nodes.move', 'moves', []],
    ['nodes.move', 'moves.0.x', Number.NaN],
    ['nodes.move', 'moves.1.x', Number.NEGATIVE_INFINITY],
    ['nodes.move', 'moves.0.y', 2e6],
    ['nodes.move', 'moves.0.id', '123'],
    ['edge.create', 'edge.kind', 'refutes'],
    ['edge.create', 'edge.fromId', undefined],
    ['edge.create', 'edge.toId', 'b'],
    ['edge.create', 'edge.label', 'x'.repeat(501)],
    ['edge.update', 'patch', {}],
    ['edge.update', 'patch.kind', 'refutes'],
    ['edge.delete', 'id', 7],
    ['argument.create', 'argument.premiseIds', []],
    ['argument.create', 'argument.premiseIds', Array.from({ length: 51 }, newId)],
    ['argument.create', 'argument.premiseIds', ['p1']],
    ['argument.create', 'argument.conclusionId', undefined],
    ['argument.create', 'argument.x', Number.NaN],
    ['argument.update', 'patch', {}],
    ['argument.update', 'patch.premiseIds', []],
    ['argument.delete', 'id', null],
  ] as const)('rejects %s with %s = %s', (type, path, replacement) => {
    expect(Op.safeParse(withField(VALID[type], path, replacement)).success).toBe(false);
  });

  it('keeps an event or reading patch to the fields given, so it cannot reset the others', () => {
    expect(Op.parse({ type: 'event.update', id: a, patch: { period: '1927' } })).toEqual({ type: 'event.update', id: a, patch: { period: '1927' } });
    expect(Op.parse({ type: 'reading.update', id: a, patch: { title: 'Trotsky' } })).toEqual({ type: 'reading.update', id: a, patch: { title: 'Trotsky' } });
  });

  it.each([
    ['event.create', 'event.title', '  '],
    ['event.update', 'patch', {}],
    ['reading.create', 'reading.nodeIds', ['n1']],
    ['reading.update', 'patch.title', ''],
    ['reading.include', 'id', 'r1'],
  ] as const)('rejects %s with %s = %s', (type, path, replacement) => {
    expect(Op.safeParse(withField(VALID[type], path, replacement)).success).toBe(false);
  });

  it('accepts the coordinate bounds themselves', () => {
    expect(Op.safeParse(moveOp({ id: a, x: 1e6, y: -1e6 })).success).toBe(true);
  });

  it('accepts evidence whose quote is self-consistent and rejects one whose offsets disagree with the words', () => {
    expect(Op.safeParse(evidenceOp(quoteOf(b, 'exact words', 10))).success).toBe(true);
    const broken = evidenceOp({ ...quoteOf(b, 'exact words', 10), end: 12 });
    expect(Op.safeParse(broken).success).toBe(false);
  });
});

describe('SubmitOpsBody', () => {
  it('accepts a batch of valid ops', () => {
    const batch = opsBatch([claimOp(), nodeDeleteOp(a)], { baseVersion: 3, clientSeq: 10 });
    expect(SubmitOpsBody.parse(batch)).toEqual(batch);
  });

  it.each([
    ['no ops', { ops: [] }],
    ['too many ops', { ops: Array.from({ length: MAX_OPS_PER_BATCH + 1 }, () => nodeDeleteOp(a)) }],
    ['a negative base version', { baseVersion: -1 }],
    ['a fractional client sequence', { clientSeq: 1.5 }],
    ['a client id that is not a UUID', { clientId: 'browser-tab-1' }],
    ['one malformed op among good ones', { ops: [claimOp(), { type: 'node.delete', id: 'x' }] }],
  ])('rejects %s', (_what, change) => {
    expect(SubmitOpsBody.safeParse({ ...opsBatch([claimOp()]), ...change }).success).toBe(false);
  });
});

describe('map and source bodies', () => {
  it('trims a map title and defaults the description', () => {
    expect(CreateMapBody.parse({ title: '  Debate  ' })).toEqual({ title: 'Debate', description: '' });
    expect(CreateMapBody.safeParse({ title: '   ' }).success).toBe(false);
    expect(CreateMapBody.safeParse({ title: 'x'.repeat(201) }).success).toBe(false);
  });

  it('needs at least one field to update a map', () => {
    expect(UpdateMapBody.safeParse({}).success).toBe(false);
    expect(UpdateMapBody.safeParse({ color: 'red' }).success).toBe(false);
    expect(UpdateMapBody.parse({ description: '' })).toEqual({ description: '' });
  });

  it('needs source text and a known kind; optional metadata defaults to null', () => {
    expect(CreateSourceBody.parse({ title: 'Essay', kind: 'essay', text: 'Body.' })).toEqual({
      title: 'Essay',
      kind: 'essay',
      text: 'Body.',
      author: null,
      date: null,
      url: null,
    });
    expect(CreateSourceBody.safeParse({ title: 'Essay', kind: 'essay', text: '' }).success).toBe(false);
    expect(CreateSourceBody.safeParse({ title: 'Essay', kind: 'tweet', text: 'x' }).success).toBe(false);
    expect(CreateSourceBody.safeParse({ title: 'Essay', kind: 'essay', text: 'x', url: 'not a url' }).success).toBe(false);
  });
});
