#!/usr/bin/env python3
"""Times dlbasics (Java) against the course's plain numpy code (course_numpy.py) on the same workloads.

Runs, in one session on one machine:
  1. the CPU's peak double-precision rate (Java Vector API FMA chains, 1..T threads) and the
     multiply+add rate (the instruction mix of dlbasics' Gemm, which does not fuse);
  2. the course's big products (W1·X, dZ1·Xᵀ for 20 and 7 units) in Java and numpy (OpenBLAS),
     1 and T threads, interleaved; median time, GFLOP/s, share of peak, ratio;
  3. the four training runs (llayer, twolayer, logreg, flower) through dlbasics.model.Trainer and
     through the course's functions, Java and numpy alternating (the order
     flips every repetition), REPS repetitions each; medians and the numpy/Java ratio;
  4. optionally (--contention) the L-layer run for a few hundred iterations with another process
     busy on one core: 1 vs T threads for both.
Each run is a fresh process; the time printed by the process covers the training (or product) only,
with data already loaded. Java's JIT warm-up is inside the training time.

Usage, from the repository root after
  mvn -B -P bench -pl dlbasics-bench -am package -DskipTests
  python3 bench/compare.py --reps 3 [--contention] [--workloads llayer,twolayer,logreg,flower]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NUMPY = os.path.join(ROOT, "bench", "course_numpy.py")


def java_cmd(args, jar, shared, threads):
    return ["java", "--add-modules", "jdk.incubator.vector", "-Xmx256m", "-Ddlbasics.threads=%d" % threads,
            "-Ddlbasics.shared=" + shared, "-cp", jar, "dlbasics.bench.Workloads"] + args


def numpy_cmd(args):
    return [sys.executable, NUMPY] + args


def run(cmd, threads=None):
    env = dict(os.environ)
    if threads is not None:
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            env[var] = str(threads)
    out = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if out.returncode != 0:
        raise SystemExit("failed: %s\n%s" % (" ".join(cmd), out.stderr))
    return [parse(line) for line in out.stdout.splitlines() if "=" in line]


def parse(line):
    fields = dict(re.findall(r'(\w+)=("[^"]*"|\S+)', line))
    return {k: v.strip('"') for k, v in fields.items()} | {"kind": line.split()[0]}


def say(text=""):
    print(text, flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--workloads", default="llayer,twolayer,logreg,flower")
    ap.add_argument("--jar", default=os.path.join(ROOT, "dlbasics-bench", "target", "benchmarks.jar"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--gemm-seconds", type=float, default=3.0)
    ap.add_argument("--contention", action="store_true")
    ap.add_argument("--skip-gemm", action="store_true")
    args = ap.parse_args()
    T = args.threads
    data = tempfile.mkdtemp(prefix="dlbasics-bench-")
    run(java_cmd(["export", data], args.jar, args.shared, 1))

    say("## Peak (Java Vector API chains, no memory traffic; best of 5)")
    say("GFLOP/s by wall clock, and by the threads' own CPU time (what the cores deliver while they run).")
    say("The shares of peak below divide by the FMA peak by CPU time for the same number of threads.")
    say()
    say("| kind | threads | GFLOP/s (wall) | GFLOP/s (CPU time) |")
    say("|---|---|---|---|")
    fma_peak = {}
    out = subprocess.run(java_cmd(["peak", str(T)], args.jar, args.shared, T), stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True).stdout
    for line in out.splitlines():
        m = re.match(r"peak kind=(\S+) threads=(\d+) gflops=([\d.]+) cpu_gflops=([\d.]+)", line)
        if m:
            if m.group(1) == "fma":
                # the reference peak: FMA chains by CPU time (wall time drops when other processes run)
                fma_peak[int(m.group(2))] = float(m.group(4))
            say("| %s | %s | %s | %s |" % m.groups())
    say()

    if not args.skip_gemm:
        say("## Products at the course's shapes (median of repeated calls, %.0f s each)" % args.gemm_seconds)
        say("| shape | threads | Java ms | Java GFLOP/s | Java share of FMA peak | numpy ms | numpy GFLOP/s | numpy share | Java speed / numpy speed |")
        say("|---|---|---|---|---|---|---|---|---|")
        for t in sorted({1, T}):
            j = {r["shape"]: r for r in run(java_cmd(["gemm", str(args.gemm_seconds)], args.jar, args.shared, t))}
            n = {r["shape"]: r for r in run(numpy_cmd(["gemm", str(args.gemm_seconds)]), threads=t)}
            for shape, r in j.items():
                jm = float(r["median_ms"])
                jg = float(r["gflops"])
                share = jg / fma_peak[t] if t in fma_peak else float("nan")
                if shape in n:
                    nm = float(n[shape]["median_ms"])
                    ng = float(n[shape]["gflops"])
                    nshare = ng / fma_peak[t] if t in fma_peak else float("nan")
                    say("| %s | %d | %.3f | %.2f | %.0f %% | %.3f | %.2f | %.0f %% | %.2f |"
                        % (shape, t, jm, jg, 100 * share, nm, ng, 100 * nshare, nm / jm))
                else:
                    say("| %s | %d | %.4f | %.2f | %.0f %% | | | | |" % (shape, t, jm, jg, 100 * share))
        say()

    workloads = args.workloads.split(",")
    say("## Training runs (%d repetitions, Java %d threads, numpy OPENBLAS_NUM_THREADS=%d)" % (args.reps, T, T))
    times = {w: {"java": [], "numpy": []} for w in workloads}
    costs = {}
    for rep in range(args.reps):
        for w in workloads:
            order = ["java", "numpy"] if rep % 2 == 0 else ["numpy", "java"]
            for side in order:
                if side == "java":
                    r = run(java_cmd(["train", w], args.jar, args.shared, T))[0]
                else:
                    r = run(numpy_cmd(["train", w, data]), threads=T)[0]
                times[w][side].append(float(r["seconds"]))
                costs[(w, side)] = r["last_recorded_cost"]
                say("- rep %d %s %s: %.3f s, last recorded cost %s" % (rep + 1, w, side, float(r["seconds"]),
                                                                   r["last_recorded_cost"]))
    say()
    say("| workload | Java median s | numpy median s | numpy / Java | Java runs | numpy runs | last recorded cost Java / numpy |")
    say("|---|---|---|---|---|---|---|")
    for w in workloads:
        jm = statistics.median(times[w]["java"])
        nm = statistics.median(times[w]["numpy"])
        say("| %s | %.3f | %.3f | %.1fx | %s | %s | %s / %s |" % (
            w, jm, nm, nm / jm, " ".join("%.2f" % x for x in times[w]["java"]),
            " ".join("%.2f" % x for x in times[w]["numpy"]), costs[(w, "java")], costs[(w, "numpy")]))
    say()

    if args.contention:
        its = "300"
        say("## Sharing the machine: L-layer, %s iterations, another process spinning on one core" % its)
        spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        try:
            time.sleep(0.5)
            say("| side | 1 thread s | %d threads s | %d threads / 1 thread |" % (T, T))
            say("|---|---|---|---|")
            jt = {t: float(run(java_cmd(["train", "llayer", its], args.jar, args.shared, t))[0]["seconds"]) for t in (1, T)}
            nt = {t: float(run(numpy_cmd(["train", "llayer", data, its]), threads=t)[0]["seconds"]) for t in (1, T)}
            say("| Java | %.3f | %.3f | %.2f |" % (jt[1], jt[T], jt[T] / jt[1]))
            say("| numpy | %.3f | %.3f | %.2f |" % (nt[1], nt[T], nt[T] / nt[1]))
        finally:
            spinner.kill()
            spinner.wait()


if __name__ == "__main__":
    main()
