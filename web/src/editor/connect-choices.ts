import {
  applyOps,
  edgeKindsBetween,
  type EdgeKind,
  type Graph,
  type Op,
} from '@counterpoint/shared';

/** What a new connection was dropped on, by canvas id (an argument's legs count as the argument). */
export type DropTarget = { type: 'node'; id: string } | { type: 'edge'; id: string };

/** One entry of the kind picker: its button text and the ops it makes. */
export interface ConnectChoice {
  name: EdgeKind | 'new argument' | 'add premise';
  description: string;
  ops: Op[];
}

const DESCRIPTIONS: Record<ConnectChoice['name'], string> = {
  supports: 'gives a reason to accept it',
  attacks: 'gives a reason to reject it',
  undercuts: 'denies that this inference holds',
  answers: 'answers the question',
  quotes: 'the quotation backs the claim',
  'new argument': 'a premise–conclusion argument; add co-premises by connecting them to its ∴ node',
  'add premise': 'joins the argument as a co-premise',
};

/**
 * The relations a connection from `fromId` to `target` may make. Candidates come from the shared rules
 * (edgeKindsBetween, undercut and argument rules) and each is kept only if applyOp accepts it, so the picker
 * never offers something the server would refuse (duplicates, self-loops, undercutting one's own inference).
 */
export function connectChoices(
  graph: Graph,
  fromId: string,
  target: DropTarget,
  inferenceAt: { x: number; y: number },
): ConnectChoice[] {
  const from = graph.nodes[fromId];
  if (!from) return [];
  const candidates: ConnectChoice[] = [];
  const add = (name: ConnectChoice['name'], ops: Op[]) => candidates.push({ name, description: DESCRIPTIONS[name], ops });
  const edgeOp = (kind: EdgeKind, toId: string): Op[] => [
    { type: 'edge.create', edge: { id: crypto.randomUUID(), kind, fromId, toId, label: '' } },
  ];

  const argumentId = target.type === 'edge' ? argumentOfLeg(graph, target.id) : graph.arguments[target.id] ? target.id : null;
  if (argumentId) {
    const argument = graph.arguments[argumentId]!;
    add('undercuts', edgeOp('undercuts', argumentId));
    add('add premise', [
      { type: 'argument.update', id: argumentId, patch: { premiseIds: [...argument.premiseIds, fromId] } },
    ]);
  } else if (target.type === 'edge') {
    if (graph.edges[target.id]) add('undercuts', edgeOp('undercuts', target.id));
  } else {
    const to = graph.nodes[target.id];
    if (!to) return [];
    for (const kind of edgeKindsBetween(from.kind, to.kind)) add(kind, edgeOp(kind, to.id));
    add('new argument', [
      {
        type: 'argument.create',
        argument: {
          id: crypto.randomUUID(),
          conclusionId: to.id,
          premiseIds: [fromId],
          label: '',
          x: Math.round(inferenceAt.x),
          y: Math.round(inferenceAt.y),
        },
      },
    ]);
  }
  return candidates.filter((choice) => applyOps(graph, choice.ops).ok);
}

/** The argument a canvas edge id belongs to, for the legs drawn for arguments (`<argumentId>:premise:…`). */
function argumentOfLeg(graph: Graph, canvasEdgeId: string): string | null {
  const argumentId = canvasEdgeId.split(':')[0]!;
  return canvasEdgeId.includes(':') && graph.arguments[argumentId] ? argumentId : null;
}
