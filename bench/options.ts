/** Benchmark timing options: `npm run bench -- --quick` sets KITOS_BENCH_QUICK for a fast harness check. */
export const benchOptions = process.env.KITOS_BENCH_QUICK
  ? { time: 50, warmupTime: 10, iterations: 5 }
  : { time: 1000, warmupTime: 200, iterations: 20 };
