/** Score terms and costs as the engine reports them, trimmed for tables. */

/** "Travel: 5.6 km × 1.3 …" under a "Travel" column reads better without the repeated name. */
export const termDetail = (term: string, detail: string): string => (detail.startsWith(`${term}: `) ? detail.slice(term.length + 2) : detail);

/** Costs are lower-is-better points; one decimal is what a dispatcher compares. */
export const formatCost = (cost: number): string => (cost === 0 ? '0' : cost.toFixed(1));

const SHORT: Record<string, string> = { 'Over-qualification': 'Over-qual.', 'Preferred technician': 'Preferred' };

/** Column headings for score terms in narrow tables; the full name goes in the heading's tooltip. */
export const shortTerm = (term: string): string => SHORT[term] ?? term;
