/** One line of the results table. Numbers are already formatted so each benchmark decides its own unit. */
export interface Row {
  id: string;
  measurement: string;
  p50: string;
  p95: string;
  /** p99, or a rate for throughput measurements. */
  p99OrRate: string;
  target: string;
  verdict: 'pass' | 'miss' | 'n/a';
}

/** What a benchmark hands back: its rows and free-form lines (stage timings, the peer comparison) for RESULTS.md. */
export interface BenchResult {
  rows: Row[];
  notes: string[];
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted samples (no interpolation: every reported number was really observed). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms` : '—');

/** A latency row from samples, judged on one percentile against an upper bound. */
export function latencyRow(id: string, measurement: string, samples: readonly number[], on: 'p50' | 'p95' | 'p99', bound: number): Row {
  const s = summarize(samples);
  return {
    id,
    measurement: `${measurement} (n=${s.n})`,
    p50: ms(s.p50),
    p95: ms(s.p95),
    p99OrRate: ms(s.p99),
    target: `${on} ≤ ${bound} ms`,
    verdict: s.n === 0 ? 'miss' : s[on] <= bound ? 'pass' : 'miss',
  };
}

export function skippedRow(id: string, measurement: string, reason: string): Row {
  return { id, measurement, p50: '—', p95: '—', p99OrRate: '—', target: reason, verdict: 'n/a' };
}

/** The table as Markdown (it reads fine in a terminal too). */
export function table(rows: readonly Row[]): string {
  const head = ['#', 'measurement', 'p50', 'p95', 'p99 / rate', 'target', 'result'];
  const body = rows.map((r) => [r.id, r.measurement, r.p50, r.p95, r.p99OrRate, r.target, r.verdict]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((line) => line[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
