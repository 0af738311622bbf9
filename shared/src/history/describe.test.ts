import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyGraph } from '../graph.js';
import type { Op } from '../ops.js';
import { describeOp } from './describe.js';
import { entityName, shortenText } from './names.js';
import { accepted, opArb, setupArb } from './op-arbitraries.test-support.js';
import {
  argumentDeleteOp,
  argumentOp,
  argumentUpdateOp,
  claimOp,
  edgeDeleteOp,
  edgeOp,
  edgeUpdateOp,
  evidenceOp,
  graphOf,
  moveOp,
  newId,
  nodeDeleteOp,
  nodeUpdateOp,
  questionOp,
  quoteOf,
} from '../../../tests/helpers/ops.js';

const long = claimOp({ text: 'Revolutionaries need a disciplined vanguard party to win power' });
const wages = claimOp({ text: 'Wages fell' });
const question = questionOp({ text: 'Why did the revolution fail?' });
const evidence = evidenceOp(quoteOf(newId(), 'the workers were disarmed'));
const support = edgeOp('supports', wages.node.id, long.node.id);
const attack = edgeOp('attacks', evidence.node.id, wages.node.id);
const argument = argumentOp(long.node.id, [wages.node.id, evidence.node.id]);
const event = { id: newId(), title: 'China 1925–27', period: '1925–27', description: '' };
const reading = { id: newId(), eventId: event.id, title: 'Trotsky', authorName: 'Trotsky', description: '', nodeIds: [wages.node.id], edgeIds: [] };
const graph = graphOf(long, wages, question, evidence, support, attack, argument, { type: 'event.create', event }, { type: 'reading.create', reading });
const LONG = '"Revolutionaries need a disciplined…"';

describe('describeOp: nodes', () => {
  it('names what was added, by kind, quoting at most ~40 characters', () => {
    expect(describeOp(claimOp({ text: long.node.text }), graph)).toBe(`added claim ${LONG}`);
    expect(describeOp(questionOp({ text: 'Who armed the workers?' }), graph)).toBe('added question "Who armed the workers?"');
    expect(describeOp(evidenceOp(quoteOf(newId(), 'they were disarmed')), graph)).toBe('added evidence "they were disarmed"');
  });

  it('says which fields an edit changed', () => {
    expect(describeOp(nodeUpdateOp(wages.node.id, { text: 'Wages rose' }), graph)).toBe('edited the text of "Wages fell"');
    expect(describeOp(nodeUpdateOp(wages.node.id, { kind: 'question' }), graph)).toBe('made "Wages fell" a question');
    expect(describeOp(nodeUpdateOp(wages.node.id, { kind: 'evidence', quote: quoteOf(newId()) }), graph)).toBe('edited the kind and quotation of "Wages fell"');
    expect(describeOp(nodeUpdateOp(evidence.node.id, { quote: quoteOf(newId(), 'other words') }), graph)).toBe('changed the quotation of "the workers were disarmed"');
  });

  it('says what a delete took with it', () => {
    expect(describeOp(nodeDeleteOp(question.node.id), graph)).toBe('deleted question "Why did the revolution fail?"');
    expect(describeOp(nodeDeleteOp(wages.node.id), graph)).toBe('deleted claim "Wages fell" and 2 links');
    expect(describeOp(nodeDeleteOp(long.node.id), graph)).toBe(`deleted claim ${LONG} and 1 link and 1 argument`);
  });

  it('counts moved nodes, or names the one moved', () => {
    const ids = [long, wages, question].map((op) => op.node.id);
    expect(describeOp(moveOp(...ids.map((id) => ({ id, x: 1, y: 1 }))), graph)).toBe('moved 3 nodes');
    expect(describeOp(moveOp({ id: ids[1]!, x: 1, y: 1 }, { id: ids[1]!, x: 2, y: 2 }), graph)).toBe('moved "Wages fell"');
    expect(describeOp(moveOp({ id: argument.argument.id, x: 1, y: 1 }), graph)).toBe(`moved the argument for ${LONG}`);
  });
});

describe('describeOp: edges and arguments', () => {
  it('describes connecting, with the relation kind', () => {
    expect(describeOp(edgeOp('attacks', wages.node.id, long.node.id), graph)).toBe(`connected "Wages fell" → ${LONG} (attacks)`);
    expect(describeOp(edgeOp('answers', wages.node.id, question.node.id), graph)).toBe('connected "Wages fell" → "Why did the revolution fail?" (answers)');
    expect(describeOp(edgeOp('undercuts', question.node.id, support.edge.id), graph)).toBe(
      `connected "Why did the revolution fail?" → ("Wages fell" → ${LONG}) (undercuts)`,
    );
    expect(describeOp(edgeOp('undercuts', question.node.id, argument.argument.id), graph)).toBe(
      `connected "Why did the revolution fail?" → the argument for ${LONG} (undercuts)`,
    );
  });

  it('describes edge edits and deletes', () => {
    expect(describeOp(edgeUpdateOp(support.edge.id, { kind: 'attacks' }), graph)).toBe(`changed "Wages fell" → ${LONG} to attacks`);
    expect(describeOp(edgeUpdateOp(support.edge.id, { label: 'because' }), graph)).toBe(`relabelled "Wages fell" → ${LONG} "because"`);
    expect(describeOp(edgeUpdateOp(support.edge.id, { label: '' }), graph)).toBe(`removed the label of "Wages fell" → ${LONG}`);
    expect(describeOp(edgeUpdateOp(support.edge.id, { kind: 'attacks', label: 'x' }), graph)).toBe(`changed "Wages fell" → ${LONG} to attacks and relabelled it`);
    expect(describeOp(edgeDeleteOp(attack.edge.id), graph)).toBe('disconnected "the workers were disarmed" → "Wages fell" (attacks)');
  });

  it('describes arguments', () => {
    expect(describeOp(argumentOp(long.node.id, [wages.node.id]), graph)).toBe(`added an argument for ${LONG} from 1 premise`);
    expect(describeOp(argumentUpdateOp(argument.argument.id, { premiseIds: [wages.node.id] }), graph)).toBe(`changed the premises of the argument for ${LONG}`);
    expect(describeOp(argumentUpdateOp(argument.argument.id, { label: 'x', conclusionId: question.node.id }), graph)).toBe(
      `changed the conclusion and label of the argument for ${LONG}`,
    );
    expect(describeOp(argumentDeleteOp(argument.argument.id), graph)).toBe(`deleted the argument for ${LONG}`);
  });
});

describe('describeOp: events and readings', () => {
  it('describes events', () => {
    expect(describeOp({ type: 'event.create', event: { ...event, id: newId(), title: 'Vietnam 1945' } }, graph)).toBe('added event "Vietnam 1945"');
    expect(describeOp({ type: 'event.update', id: event.id, patch: { title: 'China 1927' } }, graph)).toBe('renamed event "China 1925–27" to "China 1927"');
    expect(describeOp({ type: 'event.update', id: event.id, patch: { period: '1927' } }, graph)).toBe('edited the period of event "China 1925–27"');
    expect(describeOp({ type: 'event.delete', id: event.id }, graph)).toBe('deleted event "China 1925–27"');
  });

  it('describes readings and their members', () => {
    expect(describeOp({ type: 'reading.create', reading: { ...reading, id: newId(), title: 'Stalin' } }, graph)).toBe('created reading "Stalin"');
    expect(describeOp({ type: 'reading.update', id: reading.id, patch: { title: 'Isaacs' } }, graph)).toBe('renamed reading "Trotsky" to "Isaacs"');
    expect(describeOp({ type: 'reading.update', id: reading.id, patch: { eventId: null } }, graph)).toBe('detached reading "Trotsky" from its event');
    expect(describeOp({ type: 'reading.update', id: reading.id, patch: { eventId: event.id } }, graph)).toBe('attached reading "Trotsky" to event "China 1925–27"');
    expect(describeOp({ type: 'reading.update', id: reading.id, patch: { description: 'd' } }, graph)).toBe('edited the description of reading "Trotsky"');
    expect(describeOp({ type: 'reading.delete', id: reading.id }, graph)).toBe('deleted reading "Trotsky"');
    const include: Op = { type: 'reading.include', id: reading.id, nodeIds: [long.node.id, question.node.id], edgeIds: [support.edge.id] };
    expect(describeOp(include, graph)).toBe('added 2 nodes and 1 link to reading "Trotsky"');
    expect(describeOp({ type: 'reading.exclude', id: reading.id, nodeIds: [wages.node.id], edgeIds: [] }, graph)).toBe('removed "Wages fell" from reading "Trotsky"');
  });
});

describe('describeOp on a graph that lacks what the op names', () => {
  it('never throws, and says so', () => {
    expect(describeOp(nodeDeleteOp(newId()), emptyGraph)).toBe('deleted something that no longer exists');
    expect(describeOp(edgeOp('supports', newId(), newId()), emptyGraph)).toBe('connected something that no longer exists → something that no longer exists (supports)');
  });
});

describe('shortenText and entityName', () => {
  it('keeps short texts, collapses whitespace, and cuts long ones at a word near 40 characters', () => {
    expect(shortenText('  Wages\n fell ')).toBe('Wages fell');
    expect(shortenText('a'.repeat(40))).toBe('a'.repeat(40));
    expect(shortenText('a'.repeat(41))).toBe(`${'a'.repeat(39)}…`);
    expect(Array.from(shortenText(long.node.text)).length).toBeLessThanOrEqual(40);
    expect(shortenText('😀'.repeat(50))).toBe(`${'😀'.repeat(39)}…`);
  });

  it('names evidence without a caption by its quoted words', () => {
    expect(entityName(graph, evidence.node.id)).toBe('"the workers were disarmed"');
  });
});

describe('describeOp on random ops', () => {
  it('gives a short sentence for any op on any graph, accepted or not, and never throws', () => {
    fc.assert(
      fc.property(setupArb, opArb, (setup, op) => {
        const sentence = describeOp(op, accepted(emptyGraph, setup, { actorId: null }).graph);
        expect(sentence).toMatch(/^[a-z]/);
        expect(sentence.length).toBeLessThan(200);
      }),
      { numRuns: 500 },
    );
  });
});
