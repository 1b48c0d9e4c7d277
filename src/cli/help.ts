/** The text of `echelon --help` and of `echelon COMMAND --help`. */
import type { CommandName } from "./args.ts";

export const USAGE = `Usage: echelon <command> [options]

Commands:
  validate FILE [--json]            check a scenario file
  run FILE [options]                run the Monte Carlo simulation; prints an echelon-result@1 document
  compare A B [options]             run two scenarios with common random numbers; prints echelon-comparison@1
  impact FILE [options]             price a scenario's disruptions and its response; prints echelon-impact@1
  optimize FILE --method M [...]    set base-stock levels (single-echelon, gsm or simulation); prints echelon-optimization@1
  frontier FILE [...]               the service–inventory trade-off curve of the three methods; prints echelon-frontier@1
  merge PARTS... [--out FILE]       merge the parts of run, compare, impact or frontier --shard into the document one machine prints
  plan slurm|kubernetes FILE --shards N  print a Slurm job-array script or Kubernetes Jobs that shard and merge a run

Options of run, compare and impact (they override the scenario's fields for this run only):
  --replications N    number of replications
  --seed S            seed (an integer, or any text)
  --horizon H         days per replication
  --warmup W          first days left out of every KPI (W < H)
  --workers K         worker threads (default: the number of cores, at most 8)
  --out FILE          write the result to FILE instead of standard output
Options of run only:
  --series            add per-day bands of on hand, backorders, in transit and fill rate
  --replication-values  add each replication's network fill rate, total cost and on hand
  --stock-breakdown   add where the stock sits: pipeline, cycle, safety and held-for-downstream stock per node,
                      echelon and network (JSON; compare takes it too and adds A's and B's)
  --format json|csv   output format (default json; csv: one row per scope, id, kpi)
Options of run, compare and impact:
  --shard K/N         run only block K (0 … N-1) of N equal blocks of replications; writes an echelon-partial@1 for echelon merge
  --shard-from-env N  the same, K read from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX (the first set)

  --help, -h          show this help;  --version, -v  show the version

Results go to standard output (or --out); messages and progress go to standard error.
Exit status: 0 success, 1 invalid input (or a run that ran out of memory), 2 usage error, 3 internal error (a bug).
`;

const ONE: { [C in CommandName]: string } = {
  validate: "Usage: echelon validate FILE [--json]\n\nChecks a scenario; lists every problem with its JSON path. With --json prints {\"valid\": true} or {\"valid\": false, \"errors\": [{\"path\", \"message\"}]}.\n",
  run: "Usage: echelon run FILE [--replications N] [--seed S] [--horizon H] [--warmup W] [--workers K] [--series] [--replication-values] [--stock-breakdown] [--format json|csv] [--out FILE]\n" +
    "       echelon run FILE (--shard K/N | --shard-from-env N) [--replications N] [--seed S] [--horizon H] [--warmup W] [--workers K] [--series] [--out FILE]\n\n" +
    "Runs the Monte Carlo simulation and prints an echelon-result@1 document.\n" +
    "With --shard K/N, runs only replications floor(K·R/N) … floor((K+1)·R/N) − 1 and prints an echelon-partial@1 for echelon merge\n" +
    "(docs/scale-out.md). --shard-from-env N reads K from SLURM_ARRAY_TASK_ID, else JOB_COMPLETION_INDEX, else AWS_BATCH_JOB_ARRAY_INDEX.\n" +
    "With --series, every shard needs it; the part then carries each replication's series rows.\n" +
    "       echelon run FILE (--products ID,ID,... | --products @FILE | --product-shard K/N) [--shard K/N] [options as above]\n" +
    "       echelon run FILE --shard-from-env N --product-shards P [options as above]\n" +
    "Product shards simulate only some products (a list, a file of ids, or block K of N of the scenario's products; with --shard-from-env N\n" +
    "--product-shards P, task k runs product block k mod P of replication block floor(k/P) of N/P) and write a part for echelon merge.\n" +
    "Only for products that share nothing (no storage, throughput or lane capacity, recipe, or lane keeping shipments in order)\n" +
    "and move in whole units (no normal, gamma or uniform demand, proportional allocation or split sourcing): run refuses the rest, naming why.\n",
  merge: "Usage: echelon merge PARTS... [--replication-values] [--format json|csv] [--out FILE]\n\n" +
    "Checks that the parts (echelon run, compare, impact or frontier --shard) are one run, each replication exactly once (same command, scenario\n" +
    "hash, seed, total and engine version), and prints the document one machine prints (echelon-result@1, echelon-comparison@1 or\n" +
    "echelon-impact@1): the same KPIs, intervals and percentiles, bit for bit. workers and elapsedMs are the parts' sums.\n" +
    "Frontier parts must cover every unit of the curve once; the merge computes the curve again from their simulations (echelon-frontier@1).\n" +
    "Product parts (echelon run --products) must cover every product once in each block of replications; they may sit beside --shard parts.\n",
  plan: "Usage: echelon plan slurm|kubernetes FILE --shards N [--replications N] [--seed S] [--horizon H] [--warmup W] [--workers K] [--series] [--parts-dir DIR] [--image IMAGE] [--product-shards P] [--out FILE]\n" +
    "       echelon plan slurm|kubernetes FILE --shards N --frontier [echelon frontier's options but --format and --out]\n\n" +
    "Prints, without submitting anything (docs/scale-out.md):\n" +
    "  slurm        a bash script that submits an N-task sbatch job array of shards and the merge with --dependency=afterok\n" +
    "  kubernetes   an Indexed Job of N shards and a merge Job, on a volume claim echelon-data (--image: default echelon:latest)\n" +
    "  --parts-dir DIR  where parts and result.json go (default echelon-parts)\n" +
    "  --product-shards P  split the N tasks into N/P blocks of replications × P blocks of products (echelon run --product-shards)\n" +
    "  --frontier   the shards are echelon frontier's (the trade-off curve's units of work), merged into its echelon-frontier@1\n",
  compare: "Usage: echelon compare A B [--replications N] [--seed S] [--horizon H] [--warmup W] [--workers K] [--stock-breakdown] [--shard K/N | --shard-from-env N] [--out FILE]\n\nRuns both scenarios with the same seed and replications (A's unless given) and prints an echelon-comparison@1 document.\n" +
    "With --stock-breakdown it adds stockBreakdown: {a, b}, where each plan's stock sits (docs/kpis.md).\n" +
    "With --shard K/N (or --shard-from-env N), runs A and B on block K of the replications and writes a part for echelon merge.\n",
  impact: "Usage: echelon impact FILE [--replications N] [--seed S] [--horizon H] [--warmup W] [--workers K] [--format json|csv] [--shard K/N | --shard-from-env N] [--out FILE]\n\n" +
    "Runs the scenario three ways on the same replications (common random numbers): without its disruptions (the baseline),\n" +
    "as written, and as written without its mitigations (when it has any). Prints an echelon-impact@1 document: every KPI's\n" +
    "Stat per run and paired differences from the baseline; the cost of the disruption (total cost per day and over the\n" +
    "measured days) and what the response saved. A summary of both goes to standard error.\n" +
    "  --format csv  one row per (scope, id, kpi): each run's mean and 95% interval and the paired changes; then the cost rows\n",
  frontier: "Usage: echelon frontier FILE [--points N] [--targets F,F,...] [--headline F,F,...] [--replications N] [--seed S] [--search-replications N] [--max-evaluations N] [--minimize inventory-value|holding-cost] [--textbook] [--workers K] [--format json|csv] [--shard K/N | --shard-from-env N] [--out FILE]\n\n" +
    "Simulates the service-inventory trade-off curve and prints an echelon-frontier@1 document (docs/optimize.md): inventory value,\n" +
    "holding cost and inventory turns against the network fill rate, every point on the same replications with its 95% interval.\n" +
    "  --points N                single-echelon and gsm at N service levels from 85% to 99.5% (default 8)\n" +
    "  --targets F,F,...         the network optimiser at these fill rates (default 0.9,0.95,0.98,0.99)\n" +
    "  --headline F,F,...        the fill rates of the headline (default 0.95,0.98)\n" +
    "  --replications N, --seed S  the replications every point is simulated on (default: the scenario's)\n" +
    "  --search-replications N   the optimiser's search replications, on seed S + 1 (default: at most 40)\n" +
    "  --max-evaluations N       the optimiser's budget per target (default 40)\n" +
    "  --minimize holding-cost   the optimiser minimises holding cost instead of inventory value\n" +
    "  --textbook                the analytic curves leave out lead-time variance (z·σ·√τ)\n" +
    "  --format csv              one row per point instead of JSON\n" +
    "  --shard K/N               compute units K, K+N, K+2N, ... of the curve (each headline calibration, optimiser target and\n" +
    "                            service level, and the scenario as it is) and write an echelon-partial@1 for echelon merge\n" +
    "  --shard-from-env N        the same, K read from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX\n" +
    "Standard error gets a line per point, the evaluations used and the headline at 95% and 98% fill rate.\n",
  optimize: "Usage: echelon optimize FILE --method single-echelon|gsm|simulation [--service-level P | --z Z] [--target-fill F [--minimize holding-cost|inventory-value] [--target-at mean|lower-bound] | --objective total-cost] [--lead-time-variance] [--replications N] [--seed S] [--check-replications N] [--max-evaluations N] [--search network|scale] [--verify] [--workers K] [--out FILE]\n\n" +
    "Sets a daily base-stock level on every stocking node and prints an echelon-optimization@1 document that embeds the optimised scenario (docs/optimize.md).\n" +
    "  --method single-echelon   every node covers its own inbound lead time, as if alone\n" +
    "  --method gsm              guaranteed-service model: least holding cost of safety stock over the whole tree\n" +
    "  --method simulation       network optimiser: one level per stocking node, searched by simulation with common random numbers\n" +
    "                            from the single-echelon and gsm placements, then checked on fresh replications (seed + 1)\n" +
    "  --service-level P         cycle service level, 0.5 <= P < 1 (default 0.95); or --z Z, the safety factor itself\n" +
    "  --lead-time-variance      count each lane's lead-time variance in safety stock: z·√(σ²τ + μ²·Var L)\n" +
    "  --target-fill F           simulation: the least holding cost whose network fill rate reaches F (default: the service level)\n" +
    "  --objective total-cost    simulation: the least expected total cost per day instead\n" +
    "  --minimize inventory-value  simulation, target fill: the least value of stock on hand instead of holding cost\n" +
    "  --target-at lower-bound   simulation, target fill: the lower bound of the search's 95% interval must reach F, not its mean\n" +
    "  --replications N          simulation: replications per evaluation (default: the scenario's, at most 40; --search scale: at most 100)\n" +
    "  --seed S                  simulation: seed of the search replications (default: the scenario's); the check uses S + 1\n" +
    "  --check-replications N    simulation: replications of the final check (default: the scenario's)\n" +
    "  --max-evaluations N       simulation: budget of simulations for starts and search (default 300; the starts always finish)\n" +
    "  --search scale            simulation: the former search, one factor on every gsm safety stock\n" +
    "  --verify                  any method: simulate the placement and add promise vs reality per node (--seed, --check-replications)\n",
};

export function helpFor(command: CommandName | null): string {
  return command ? ONE[command] : USAGE;
}
