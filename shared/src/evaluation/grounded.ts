/** Label codes of `groundedLabelling`'s result: small integers so 10,000 labels fit one typed array. */
export const UNDECIDED = 0;
export const IN = 1;
export const OUT = 2;
export type LabelCode = typeof UNDECIDED | typeof IN | typeof OUT;

/**
 * The grounded labelling (Dung 1995; labelling form after Caminada) of an abstract argumentation framework
 * whose arguments are the numbers `0 … count-1` and whose attacks are the pairs `from[i] → to[i]`.
 *
 * An argument is `IN` when every attacker is `OUT`, `OUT` when some attacker is `IN`, and `UNDECIDED` when
 * neither can be established — the least fixpoint, i.e. the most sceptical reading of the framework.
 *
 * Runs in O(count + attacks): each argument keeps a counter of attackers not yet `OUT`; an argument whose
 * counter reaches zero becomes `IN` and labels what it attacks `OUT`, whose targets' counters then drop.
 * Every argument is labelled at most once and every attack is looked at at most twice, so there is no
 * round-by-round fixpoint over all arguments. Self-attacks and repeated pairs are allowed.
 *
 * @returns one label code per argument.
 */
export function groundedLabelling(count: number, from: ArrayLike<number>, to: ArrayLike<number>): Uint8Array {
  const attackCount = from.length;
  if (to.length !== attackCount) throw new Error('from and to must have the same length');

  // Compressed adjacency (CSR): the arguments each one attacks, in one flat array.
  const offsets = new Int32Array(count + 1);
  const undefeatedAttackers = new Int32Array(count);
  for (let i = 0; i < attackCount; i++) {
    offsets[from[i] + 1]++;
    undefeatedAttackers[to[i]]++;
  }
  for (let i = 0; i < count; i++) offsets[i + 1] += offsets[i];
  const targets = new Int32Array(attackCount);
  const fill = offsets.slice(0, count);
  for (let i = 0; i < attackCount; i++) targets[fill[from[i]]++] = to[i];

  const labels = new Uint8Array(count);
  // Each argument is queued once, when it gets its final label; so the queue never needs more than `count`.
  const queue = new Int32Array(count);
  let tail = 0;
  for (let i = 0; i < count; i++) {
    if (undefeatedAttackers[i] === 0) {
      labels[i] = IN;
      queue[tail++] = i;
    }
  }
  for (let head = 0; head < tail; head++) {
    const x = queue[head];
    const end = offsets[x + 1];
    if (labels[x] === IN) {
      for (let k = offsets[x]; k < end; k++) {
        const y = targets[k];
        if (labels[y] === UNDECIDED) {
          labels[y] = OUT;
          queue[tail++] = y;
        }
      }
    } else {
      for (let k = offsets[x]; k < end; k++) {
        const y = targets[k];
        if (--undefeatedAttackers[y] === 0 && labels[y] === UNDECIDED) {
          labels[y] = IN;
          queue[tail++] = y;
        }
      }
    }
  }
  return labels;
}
