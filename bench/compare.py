#!/usr/bin/env python3
"""Times the dlbasics command against the course's plain numpy code (course_numpy.py) in one run.

In one session on one machine, each measurement a fresh process:
  1. peak: the CPU's double-precision rate, Java Vector API FMA chains and multiply+add chains
     (dlbasics' Gemm does not fuse), 1..T threads (dlbasics.bench.Workloads peak);
  2. products: the course's matrix products timed on their own, Java (dlbasics.bench.Workloads gemm,
     Gemm.multiply called directly, not through the command) and numpy (np.dot, OpenBLAS), 1 and T
     threads, interleaved; median time, GFLOP/s, share of the FMA peak, speed ratio;
  3. training: the four course runs through the command line tool, `./dlbasics train ... --json`
     (DLBASICS_JAVA_OPTS="-Xmx256m -Ddlbasics.threads=T"), and through course_numpy.py
     (OPENBLAS_NUM_THREADS=T), Java and numpy alternating (the order flips every repetition),
     REPS repetitions; medians of the training time (Java: the JSON's training_seconds; numpy: the
     training call) and of the whole process (JVM start + HDF5 read vs python start + .npy read),
     ratios, GFLOP/s and share of peak, and the last recorded costs of both sides;
  4. contention: the L-layer run, 300 iterations, through the command with 1 and 2 threads (numpy
     likewise) while another process spins on one core; also checks that 1 and 2 threads write the
     same model file, byte for byte;
  5. allocation: bytes allocated per training step (JMH TrainingStepBenchmark with -prof gc);
  6. targets: every target of issue 5 with the measured value and whether it is met, computed from
     the numbers above;
  7. start and footprint: `./dlbasics --version`, the flower run and numpy's as fresh processes (median of
     --start-runs), and issue 16's targets on start and peak resident memory (the training table has a
     peak RSS column for both sides).
A failing run (non-zero exit, missing result line) stops the script with the command and its stderr.

Usage, from the repository root, after building the benchmark jar once:
  mvn -B -P bench -pl dlbasics-bench -am package -DskipTests
  python3 bench/compare.py --out bench/RESULTS.md          # the full run (about 15 minutes)
  python3 bench/compare.py --quick                         # a tenth of the iterations, 1 repetition
The mini-batch Adam run on Fashion-MNIST (issues 13 and 17; needs Debian's dataset-fashion-mnist) is not
in the default set: each repetition trains 10 epochs on both sides (about a minute quiet). Run it alone:
  python3 bench/compare.py --workloads fashion --skip-gemm --skip-contention --skip-alloc --reps 3
"""
import argparse
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NUMPY = os.path.join(ROOT, "bench", "course_numpy.py")
LAUNCHER = os.path.join(ROOT, "dlbasics")
JAVA_HEAP = "-Xmx256m"
BUILD_BENCH = "mvn -B -P bench -pl dlbasics-bench -am package -DskipTests"

# The course's four training runs. "cli" holds every setting explicitly (the command's defaults are the
# same); "expect" is what the command's JSON must echo back; the initialisation follows the model kind
# (deep: randn / sqrt(n[l-1]), shallow: randn * 0.01, logistic: zeros; see dlbasics.cli.Plan).
# "n1", "nx", "m": the two products counted for GFLOP/s, W1.X and dZ1.Xt, 2*n1*nx*m flops each.
WORKLOADS = {
    "llayer": {
        "iterations": 2500, "n1": 20, "nx": 12288, "m": 209,
        "course": "L_layer_model, layers_dims [12288, 20, 7, 5, 1], learning rate 0.0075, seed 1, randn / sqrt(n[l-1])",
        "cli": ["--model", "deep", "--layers", "20,7,5", "--activation", "relu", "--lr", "0.0075", "--seed", "1",
                "--print-every", "100"],
        "expect": {"model": "deep", "layer_sizes": [12288, 20, 7, 5, 1], "hidden_activation": "relu",
                   "learning_rate": 0.0075, "seed": 1, "cost_every": 100, "train_examples": 209},
    },
    "twolayer": {
        "iterations": 2500, "n1": 7, "nx": 12288, "m": 209,
        "course": "two_layer_model, (12288, 7, 1), learning rate 0.0075, seed 1, randn * 0.01",
        "cli": ["--model", "shallow", "--hidden", "7", "--activation", "relu", "--lr", "0.0075", "--seed", "1",
                "--print-every", "100"],
        "expect": {"model": "shallow", "layer_sizes": [12288, 7, 1], "hidden_activation": "relu",
                   "learning_rate": 0.0075, "seed": 1, "cost_every": 100, "train_examples": 209},
    },
    "logreg": {
        "iterations": 2000, "n1": 1, "nx": 12288, "m": 209,
        "course": "model (logistic regression), learning rate 0.005, zeros",
        "cli": ["--model", "logistic", "--lr", "0.005", "--print-every", "100"],
        "expect": {"model": "logistic", "layer_sizes": [12288, 1], "hidden_activation": None,
                   "learning_rate": 0.005, "cost_every": 100, "train_examples": 209},
    },
    "flower": {
        "iterations": 10000, "n1": 4, "nx": 2, "m": 400,
        "course": "nn_model on the planar data, n_h 4 tanh, learning rate 1.2, seed 2, randn * 0.01",
        "cli": ["--data-seed", "1", "--model", "shallow", "--hidden", "4", "--activation", "tanh", "--lr", "1.2", "--seed", "2",
                "--print-every", "1000"],
        "expect": {"model": "shallow", "layer_sizes": [2, 4, 1], "hidden_activation": "tanh",
                   "learning_rate": 1.2, "seed": 2, "cost_every": 1000, "train_examples": 400},
    },
    # issue 17's recipe (iterations are epochs of 938 mini-batches); not in the default --workloads. Its own
    # heap flags: X is 376 MB (784 x 60000 doubles), the test set 63 MB; Serial with a small young generation
    # keeps the peak near what is live (553 MB measured, bench/NOTES.md); no -Xmx, as the CLI's memory check
    # estimates a full-batch run (1.8 GB) and refuses a smaller heap.
    "fashion": {
        "iterations": 10, "n1": 256, "nx": 784, "m": 60000, "heap": "-XX:+UseSerialGC -Xms8m -XX:MaxNewSize=32m",
        "course": "optimization notebook's model() with Adam on Fashion-MNIST, [784, 256, 128, 10] relu/softmax, "
                  "He init, learning rate 0.001, mini-batches of 64 reshuffled per epoch",
        "cli": ["--data", "fashion-mnist", "--model", "deep", "--layers", "256,128", "--activation", "relu",
                "--optimizer", "adam", "--lr", "0.001", "--batch-size", "64", "--init", "he", "--seed", "1",
                "--print-every", "1"],
        "expect": {"model": "deep", "layer_sizes": [784, 256, 128, 10], "hidden_activation": "relu",
                   "learning_rate": 0.001, "seed": 1, "cost_every": 1, "train_examples": 60000},
    },
}
CONTENTION_ITERATIONS = 300
ALLOC_LIMIT = 1024  # bytes per step: below the smallest matrix a step could allocate (1 x 209 doubles = 1.7 KB)


class Failure(Exception):
    """A run that failed: the message names the command and carries its stderr."""


def display(word):
    """Paths inside the repository relative to its root (./dlbasics), this python as python3 when it is that one."""
    if word == sys.executable and shutil.which("python3") and \
            os.path.realpath(shutil.which("python3")) == os.path.realpath(sys.executable):
        return "python3"
    if os.path.isabs(word) and word.startswith(ROOT + os.sep):
        rel = os.path.relpath(word, ROOT)
        return rel if os.sep in rel else "." + os.sep + rel
    return word


def shown(cmd, env_extra=None):
    """The command as one would type it in a shell, from the repository root."""
    prefix = " ".join("%s=%s" % (k, shlex.quote(v)) for k, v in (env_extra or {}).items())
    words = [display(w) for w in cmd]
    return (prefix + " " if prefix else "") + " ".join(shlex.quote(w) for w in words)


def run(cmd, env_extra=None):
    """Runs cmd from the repository root; returns (stdout, wall seconds, CPU seconds of the process tree)."""
    return run_measured(cmd, env_extra)[:3]


def run_measured(cmd, env_extra=None):
    """run(), and the peak resident memory in MB of the largest process of the tree (wait4's ru_maxrss: the
    launcher's java counts, since the launcher waits for it)."""
    env = dict(os.environ)
    env.update(env_extra or {})
    t0 = time.perf_counter()
    try:
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            p = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out, stderr=err)
            _, status, usage = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)
            wall = time.perf_counter() - t0
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    except OSError as e:
        raise Failure("could not start: %s\n%s" % (shown(cmd, env_extra), e))
    cpu = usage.ru_utime + usage.ru_stime
    if p.returncode != 0:
        raise Failure("exit code %d: %s\n--- stderr ---\n%s--- stdout (last lines) ---\n%s"
                      % (p.returncode, shown(cmd, env_extra), stderr, "\n".join(stdout.splitlines()[-10:])))
    return stdout, wall, cpu, usage.ru_maxrss / 1024.0


def fields(line):
    """key=value pairs of a result line; values may be "quoted"."""
    return {k: v.strip('"') for k, v in re.findall(r'(\w+)=("[^"]*"|\S+)', line)}


def result_lines(stdout, kind, cmd, env_extra, need=1):
    """The `kind ...` lines of a helper's output as dicts; fails when fewer than `need`."""
    rows = [fields(line) for line in stdout.splitlines() if line.startswith(kind + " ")]
    if len(rows) < need:
        raise Failure("no '%s ...' result line from: %s\n--- stdout ---\n%s" % (kind, shown(cmd, env_extra), stdout))
    return rows


def threads_env(t):
    return {v: str(t) for v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}


class Runner:
    """Builds and runs the Java and numpy commands."""

    def __init__(self, args, data_dir):
        self.args = args
        self.data_dir = data_dir
        self.train_h5 = os.path.join(args.shared, "datasets", "train_catvnoncat.h5")
        self.test_h5 = os.path.join(args.shared, "datasets", "test_catvnoncat.h5")

    def workloads_cmd(self, words, threads):
        cmd = ["java", "--add-modules", "jdk.incubator.vector", JAVA_HEAP, "-Ddlbasics.threads=%d" % threads,
               "-Ddlbasics.shared=" + self.args.shared, "-cp", self.args.jar, "dlbasics.bench.Workloads"] + words
        return cmd, {}

    def cli_cmd(self, workload, iterations, threads, out_dir=None):
        w = WORKLOADS[workload]
        data = [] if "--data" in w["cli"] else ["--data", "flower"] if workload == "flower" else \
            ["--data", "cat", "--train-h5", self.train_h5, "--test-h5", self.test_h5]
        cmd = [LAUNCHER, "train"] + data + w["cli"] + ["--iterations", str(iterations), "--json"]
        if out_dir:
            cmd += ["--out", out_dir]
        return cmd, {"DLBASICS_JAVA_OPTS": "%s -Ddlbasics.threads=%d" % (w.get("heap", JAVA_HEAP), threads)}

    def numpy_cmd(self, workload, iterations, threads):
        return [sys.executable, NUMPY, "train", workload, self.data_dir, str(iterations)], threads_env(threads)

    def java_train(self, workload, iterations, threads, out_dir=None):
        cmd, env = self.cli_cmd(workload, iterations, threads, out_dir)
        stdout, wall, cpu, rss = run_measured(cmd, env)
        lines = [l for l in stdout.splitlines() if l.startswith("{")]
        if not lines:
            raise Failure("no JSON line from: %s\n--- stdout ---\n%s" % (shown(cmd, env), stdout))
        try:
            js = json.loads(lines[-1])
        except ValueError as e:
            raise Failure("unreadable JSON (%s) from: %s\n%s" % (e, shown(cmd, env), lines[-1]))
        expect = dict(WORKLOADS[workload]["expect"], iterations=iterations)
        wrong = {k: (js.get(k), v) for k, v in expect.items() if js.get(k) != v}
        if wrong or not js.get("costs") or js.get("training_seconds") is None:
            raise Failure("the command did not run the course's settings (JSON value, expected): %s\ncommand: %s\n%s"
                          % (wrong or "no costs or training_seconds", shown(cmd, env), lines[-1]))
        return {"seconds": js["training_seconds"], "wall": wall, "cpu": cpu, "rss": rss, "cost": js["costs"][-1],
                "costs": js["costs"], "files": js.get("files", []), "test_accuracy": js.get("test_accuracy")}

    def numpy_train(self, workload, iterations, threads):
        cmd, env = self.numpy_cmd(workload, iterations, threads)
        stdout, wall, cpu, rss = run_measured(cmd, env)
        r = result_lines(stdout, "train", cmd, env)[0]
        if "seconds" not in r or "last_recorded_cost" not in r:
            raise Failure("incomplete result line from: %s\n%s" % (shown(cmd, env), stdout))
        return {"seconds": float(r["seconds"]), "wall": wall, "cpu": cpu, "rss": rss, "cost": float(r["last_recorded_cost"]),
                "test_accuracy": float(r["test_accuracy"]) if "test_accuracy" in r else None}


class Report:
    """The report's lines: shown as they come (stdout, or stderr when --out collects them for a file)."""

    def __init__(self, to_file):
        self.lines = []
        self.stream = sys.stderr if to_file else sys.stdout

    def say(self, text=""):
        self.lines.append(text)
        print(text, file=self.stream, flush=True)


def median(xs):
    return statistics.median(xs)


def runs(xs):
    return " ".join("%.2f" % x for x in xs)


def pct(x):
    return "%.0f %%" % (100 * x)


PACKED = " [X packed]"  # Workloads gemm's suffix for a product on X packed once (as the trainer's first layer runs it)


def short(shape):
    """'W1.X 20x12288.12288x209 [X packed]' -> 'W1.X 20 packed'; the small products keep their first word."""
    name, dims = shape.split()[:2]
    text = name + " " + dims.split("x")[0] if name.startswith(("W1", "dZ1", "w.", "dZ.")) else name
    return text + (" packed" if shape.endswith(PACKED) else "")


def base_shape(shape):
    return shape[:-len(PACKED)] if shape.endswith(PACKED) else shape


def yes(ok):
    return "yes" if ok else "no"


def output_of(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
        return p.stdout.strip()
    except OSError as e:
        return "(%s: %s)" % (cmd[0], e)


def stamp():
    return output_of(["date"]), output_of(["uptime"])


def machine():
    info = {}
    for line in output_of(["lscpu"]).splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            info[k.strip()] = v.strip()
    flags = set(info.get("Flags", "").split())
    vector = ", ".join("%s %s" % (f, "yes" if f in flags else "no") for f in ("avx2", "fma", "avx512f"))
    return ('lscpu model name "%s" (family %s, model %s), %s CPUs: %s cores per socket x %s socket(s), '
            "%s thread(s) per core; %s; hypervisor %s"
            % (info.get("Model name", "?"), info.get("CPU family", "?"), info.get("Model", "?"), info.get("CPU(s)", "?"),
               info.get("Core(s) per socket", "?"), info.get("Socket(s)", "?"), info.get("Thread(s) per core", "?"),
               vector, info.get("Hypervisor vendor", "none")))


def numpy_info():
    probe = ("import json, sys, numpy\n"
             "d = {'numpy': numpy.__version__, 'python': sys.version.split()[0]}\n"
             "try:\n"
             "    b = numpy.show_config(mode='dicts')['Build Dependencies']['blas']\n"
             "    d['blas'] = '%s %s (%s)' % (b.get('name'), b.get('version'), b.get('openblas configuration', '').strip())\n"
             "except Exception as e:\n"
             "    d['blas'] = 'unknown (%s)' % e\n"
             "print(json.dumps(d))\n")
    try:
        return json.loads(output_of([sys.executable, "-c", probe]).splitlines()[-1])
    except (ValueError, IndexError):
        return {"numpy": "?", "python": sys.version.split()[0], "blas": "?"}


def git_state():
    head = output_of(["git", "rev-parse", "--short", "HEAD"])
    dirty = output_of(["git", "status", "--porcelain", "--untracked-files=no"])
    return head + (" with uncommitted changes" if dirty else "")


def check_jar(jar):
    if not os.path.isfile(jar):
        raise Failure("the benchmark jar %s is missing; build it from the repository root with\n  %s" % (jar, BUILD_BENCH))
    built = os.path.getmtime(jar)
    for module in ("dlbasics-core", "dlbasics-bench"):
        for base, _, files in os.walk(os.path.join(ROOT, module, "src", "main")):
            for f in files:
                if os.path.getmtime(os.path.join(base, f)) > built:
                    raise Failure("the benchmark jar %s is older than %s; rebuild it with\n  %s"
                                  % (jar, os.path.join(base, f), BUILD_BENCH))


# ------------------------------------------------------------------------------------------------- sections
def peak_section(rep, runner, T):
    rep.say("## Peak (Java Vector API chains, no memory traffic; best of 5)")
    rep.say("`java ... dlbasics.bench.Workloads peak %d`. GFLOP/s by wall clock and by the threads' own CPU time "
            "(what the cores deliver while they run). Every share of peak below divides by the FMA peak by CPU "
            "time for the same number of threads." % T)
    rep.say()
    cmd, env = runner.workloads_cmd(["peak", str(T)], T)
    stdout, _, _ = run(cmd, env)
    rows = result_lines(stdout, "peak", cmd, env, need=2)
    rep.say("| kind | threads | GFLOP/s (wall) | GFLOP/s (CPU time) |")
    rep.say("|---|---|---|---|")
    peak = {}
    for r in rows:
        if r["kind"] == "fma":
            peak[int(r["threads"])] = float(r["cpu_gflops"])
        rep.say("| %s | %s | %s | %s |" % (r["kind"], r["threads"], r["gflops"], r["cpu_gflops"]))
    rep.say()
    return peak


def products_section(rep, runner, T, peak, seconds):
    rep.say("## Products at the course's shapes (median of repeated calls, %g s each)" % seconds)
    rep.say("Java: `dlbasics.bench.Workloads gemm` (Gemm.multiply called directly, not through the command); "
            "numpy: `course_numpy.py gemm` (np.dot). Flops: 2·n·k·m per product. Rows marked%s multiply by X "
            "passed as X.fixed(), so Gemm reads its packed copy, as the trainer's first layer does; the others read X as stored. numpy's "
            "column is the same np.dot for both." % PACKED)
    rep.say()
    rep.say("| shape | threads | Java ms | Java GFLOP/s | Java share of FMA peak | numpy ms | numpy GFLOP/s "
            "| numpy share | Java speed / numpy speed |")
    rep.say("|---|---|---|---|---|---|---|---|---|")
    table = {}
    kernel = None
    for i, t in enumerate(sorted({1, T})):
        jcmd, jenv = runner.workloads_cmd(["gemm", str(seconds)], t)
        ncmd, nenv = [sys.executable, NUMPY, "gemm", str(seconds)], threads_env(t)
        got = {}
        for side in (["java", "numpy"] if i % 2 == 0 else ["numpy", "java"]):
            cmd, env = (jcmd, jenv) if side == "java" else (ncmd, nenv)
            got[side] = {r["shape"]: r for r in result_lines(run(cmd, env)[0], "gemm", cmd, env, need=4)}
        for shape, j in got["java"].items():
            kernel = j.get("kernel", kernel)
            n = got["numpy"].get(base_shape(shape))
            jm, jg = float(j["median_ms"]), float(j["gflops"])
            if n is None:
                rep.say("| %s | %d | %.4f | %.2f | %s | | | | |" % (shape, t, jm, jg, pct(jg / peak[t])))
                continue
            nm, ng = float(n["median_ms"]), float(n["gflops"])
            table[(shape, t)] = {"java_share": jg / peak[t], "ratio": nm / jm, "java_gflops": jg}
            rep.say("| %s | %d | %.4f | %.2f | %s | %.4f | %.2f | %s | %.2f |"
                    % (shape, t, jm, jg, pct(jg / peak[t]), nm, ng, pct(ng / peak[t]), nm / jm))
    rep.say()
    if kernel:
        rep.say("Java kernel (last row): %s." % kernel)
        rep.say()
    return table


def training_section(rep, runner, T, peak, workloads, reps, scale):
    its = {w: max(1, round(WORKLOADS[w]["iterations"] * scale)) for w in workloads}
    rep.say("## Training runs (%d repetition%s, Java %d threads, numpy OPENBLAS_NUM_THREADS=%d)"
            % (reps, "" if reps == 1 else "s", T, T))
    rep.say("Commands (Java, then numpy; the repetitions alternate which side goes first):")
    rep.say()
    rep.say("```")
    rep.say(shown(*runner.workloads_cmd(["export", runner.data_dir], 1)) + "   # the cat training set for numpy")
    for w in workloads:
        rep.say(shown(*runner.cli_cmd(w, its[w], T)))
        rep.say(shown(*runner.numpy_cmd(w, its[w], T)))
    rep.say("```")
    rep.say("Each side runs the course's settings: %s." % "; ".join("%s: %s, %d iterations" % (w, WORKLOADS[w]["course"], its[w])
                                                                   for w in workloads))
    rep.say("Training time: Java's JSON `training_seconds` (Trainer.fit, JIT warm-up included), numpy's "
            "training call. Process time: the whole command, measured here (Java: launcher, JVM start, HDF5 "
            "read, training, accuracy on train and test set; numpy: python start, numpy import, .npy read, "
            "training). CPU: user + system time of the process tree.")
    rep.say()
    res = {w: {"java": [], "numpy": []} for w in workloads}
    for r in range(reps):
        for w in workloads:
            for side in (["java", "numpy"] if r % 2 == 0 else ["numpy", "java"]):
                x = runner.java_train(w, its[w], T) if side == "java" else runner.numpy_train(w, its[w], T)
                res[w][side].append(x)
                rep.say("- rep %d %s %s: training %.3f s, process %.3f s, CPU %.1f s, peak RSS %.0f MB, last recorded cost %.6f%s"
                        % (r + 1, w, side, x["seconds"], x["wall"], x["cpu"], x["rss"], x["cost"],
                           "" if x.get("test_accuracy") is None else ", test accuracy %.4f" % x["test_accuracy"]))
    rep.say()
    rep.say("Peak RSS: the largest resident set of the process tree (wait4's ru_maxrss; Java: the launcher's java "
            "with the launcher's settings and %s), median over the repetitions." % JAVA_HEAP)
    rep.say()
    rep.say("| workload | iterations | Java training s | numpy training s | numpy / Java | Java process s "
            "| numpy process s | numpy / Java (process) | Java peak RSS MB | numpy peak RSS MB | Java / numpy (RSS) "
            "| Java training runs | numpy training runs |")
    rep.say("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    summary = {}
    for w in workloads:
        j = [x["seconds"] for x in res[w]["java"]]
        n = [x["seconds"] for x in res[w]["numpy"]]
        jw = median([x["wall"] for x in res[w]["java"]])
        nw = median([x["wall"] for x in res[w]["numpy"]])
        s = summary[w] = {"java": median(j), "numpy": median(n), "its": its[w],
                          "java_cost": res[w]["java"][-1]["cost"], "numpy_cost": res[w]["numpy"][-1]["cost"],
                          "java_runs": len(j), "java_rss": median([x["rss"] for x in res[w]["java"]]),
                          "numpy_rss": median([x["rss"] for x in res[w]["numpy"]])}
        rep.say("| %s | %d | %.3f | %.3f | %.2fx | %.3f | %.3f | %.2fx | %.0f | %.0f | %.2f | %s | %s |"
                % (w, its[w], s["java"], s["numpy"], s["numpy"] / s["java"], jw, nw, nw / jw, s["java_rss"],
                   s["numpy_rss"], s["java_rss"] / s["numpy_rss"], runs(j), runs(n)))
    rep.say()
    rep.say("Rate: the flops of the two products with X per iteration, W1·X and dW1 = dZ1·Xᵀ, 2·n1·n_x·m "
            "each (llayer: 2·20·12288·209 each), times the iterations, over the median training time. The "
            "rest of the step (small products, activations, cost, update) is not counted; neither is "
            "dA0 = W1ᵀ·dZ1, a third product of the same size that the course's L-layer and two-layer code "
            "computes and dlbasics skips.")
    rep.say()
    rep.say("| workload | flops counted per iteration | Java GFLOP/s | Java share of FMA peak (%d threads) "
            "| numpy GFLOP/s | numpy share | last recorded cost Java | numpy | same to 6 decimals |" % T)
    rep.say("|---|---|---|---|---|---|---|---|---|")
    for w in workloads:
        s = summary[w]
        spec = WORKLOADS[w]
        flops = 2 * 2 * spec["n1"] * spec["nx"] * spec["m"]
        jg = flops * s["its"] / s["java"] / 1e9
        ng = flops * s["its"] / s["numpy"] / 1e9
        s["java_share"] = jg / peak[T]
        s["same"] = "%.6f" % s["java_cost"] == "%.6f" % s["numpy_cost"]
        rep.say("| %s | %.3g | %.2f | %s | %.2f | %s | %.6f | %.6f | %s |"
                % (w, flops, jg, pct(jg / peak[T]), ng, pct(ng / peak[T]), s["java_cost"], s["numpy_cost"],
                   yes(s["same"])))
    rep.say()
    if "flower" in workloads and WORKLOADS["flower"]["iterations"] * scale > 7000:
        rep.say("flower: past about 7000 iterations this run is sensitive to the order of floating-point sums "
                "and to tanh's last bits (REFERENCE.md: two numpy builds disagree in the fourth digit), so its "
                "last recorded costs may differ there.")
        rep.say()
    return summary


def start_section(rep, runner, T, n, scale):
    """Fresh processes as a user starts them (the launcher's own settings, no DLBASICS_JAVA_OPTS): `--version`
    and the flower run against numpy's flower run, Java and numpy alternating; medians of n runs."""
    its = max(1, round(WORKLOADS["flower"]["iterations"] * scale))
    rep.say("## Start and footprint: fresh processes (%d run%s each, medians)" % (n, "" if n == 1 else "s"))
    version = [LAUNCHER, "--version"]
    flower, _ = runner.cli_cmd("flower", its, T)
    numpy_flower, nenv = runner.numpy_cmd("flower", its, T)
    numpy_import = [sys.executable, "-c", "import numpy"]
    rows = [("dlbasics --version", version, {}), ("dlbasics flower, %d iterations" % its, flower, {}),
            ("numpy flower, %d iterations" % its, numpy_flower, nenv), ("python3 -c 'import numpy'", numpy_import, nenv)]
    rep.say("Each command as a user types it (the launcher's JVM options; no DLBASICS_JAVA_OPTS), the rows "
            "interleaved run by run. Process: wall time of the whole command; CPU: user + system time of the "
            "process tree; peak RSS: wait4's ru_maxrss.")
    rep.say()
    rep.say("```")
    for _, cmd, env in rows:
        rep.say(shown(cmd, env))
    rep.say("```")
    got = {name: [] for name, _, _ in rows}
    for r in range(n):
        for name, cmd, env in (rows if r % 2 == 0 else rows[::-1]):
            _, wall, cpu, rss = run_measured(cmd, env)
            got[name].append((wall, cpu, rss))
    rep.say()
    rep.say("| command | median process s | fastest s | median CPU s | median peak RSS MB | process s, each run |")
    rep.say("|---|---|---|---|---|---|")
    result = {}
    for name, _, _ in rows:
        xs = got[name]
        result[name] = {"wall": median([x[0] for x in xs]), "rss": median([x[2] for x in xs])}
        rep.say("| %s | %.3f | %.3f | %.3f | %.0f | %s |" % (name, result[name]["wall"], min(x[0] for x in xs),
                                                          median([x[1] for x in xs]), result[name]["rss"],
                                                          runs([x[0] for x in xs])))
    rep.say()
    return {"version": result[rows[0][0]]["wall"], "java_flower": result[rows[1][0]]["wall"],
            "numpy_flower": result[rows[2][0]]["wall"], "its": its, "runs": n}


def targets_heading(rep, title, scale):
    """A targets section's title, the note on scaled iterations and the table's head."""
    rep.say(title)
    if scale != 1:
        rep.say("(Iterations scaled by %g: the ratios of this run are not the issue's measurement.)" % scale)
    rep.say()
    rep.say("| target | measured | met |")
    rep.say("|---|---|---|")


def footprint_targets_section(rep, training, start, scale):
    targets_heading(rep, "## Targets of issue 16: start and footprint, from the numbers above", scale)
    if start:
        x = start["numpy_flower"] / start["java_flower"]
        rep.say("| flower run at least 1.5x faster than numpy, JVM start included | numpy / Java %.2fx (Java %.3f s, "
                "numpy %.3f s, whole process, medians of %d) | %s |"
                % (x, start["java_flower"], start["numpy_flower"], start["runs"], yes(x >= 1.5)))
        rep.say("| `dlbasics --version` timed | %.3f s (median of %d fresh processes) | - |" % (start["version"], start["runs"]))
    else:
        rep.say("| flower run at least 1.5x faster than numpy, JVM start included | not measured in this run | - |")
    for w in ("llayer", "twolayer", "logreg"):
        if w in training:
            s = training[w]
            x = s["java_rss"] / s["numpy_rss"]
            rep.say("| %s: peak RSS at most 2x numpy's | Java / numpy %.2f (Java %.0f MB, numpy %.0f MB; Java with %s) | %s |"
                    % (w, x, s["java_rss"], s["numpy_rss"], JAVA_HEAP, yes(x <= 2)))
        else:
            rep.say("| %s: peak RSS at most 2x numpy's | not measured in this run | - |" % w)
    rep.say()


def contention_section(rep, runner, threads, reps, scale, workdir):
    its = max(1, round(CONTENTION_ITERATIONS * scale))
    tt = sorted({1, threads})
    rep.say("## Sharing the machine: L-layer, %d iterations, another process spinning on one core" % its)
    rep.say("Spinner: `%s -c 'while True: pass'`. Java through the command (training_seconds; `--out` writes "
            "the model so the thread counts can be compared byte for byte), numpy its training call; "
            "%d repetition%s, medians." % (display(sys.executable), reps, "" if reps == 1 else "s"))
    rep.say()
    rep.say("```")
    for t in tt:
        rep.say(shown(*runner.cli_cmd("llayer", its, t, os.path.join(workdir, "threads%d" % t))))
    for t in tt:
        rep.say(shown(*runner.numpy_cmd("llayer", its, t)))
    rep.say("```")
    times = {("java", t): [] for t in tt} | {("numpy", t): [] for t in tt}
    models = {t: set() for t in tt}
    costs = {t: set() for t in tt}
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.5)
        for r in range(reps):
            order = [(s, t) for s in ("java", "numpy") for t in tt]
            for side, t in (order if r % 2 == 0 else order[::-1]):
                if side == "java":
                    x = runner.java_train("llayer", its, t, os.path.join(workdir, "threads%d" % t))
                    model = [f for f in x["files"] if os.path.basename(f).startswith("model.")]
                    if not model:
                        raise Failure("train --out wrote no model file: %s" % x["files"])
                    with open(model[0], "rb") as fh:
                        models[t].add(fh.read())
                    costs[t].add(tuple(x["costs"]))
                else:
                    x = runner.numpy_train("llayer", its, t)
                times[(side, t)].append(x["seconds"])
    finally:
        spinner.kill()
        spinner.wait()
    rep.say()
    hi = tt[-1]
    rep.say("| side | 1 thread s | %d threads s | %d threads / 1 thread | 1 thread runs | %d threads runs |" % (hi, hi, hi))
    rep.say("|---|---|---|---|---|---|")
    ratio = {}
    for side in ("java", "numpy"):
        a, b = median(times[(side, 1)]), median(times[(side, hi)])
        ratio[side] = b / a
        rep.say("| %s | %.3f | %.3f | %.2f | %s | %s |" % ("Java" if side == "java" else "numpy", a, b, b / a,
                                                          runs(times[(side, 1)]), runs(times[(side, hi)])))
    rep.say()
    identical = len(models[1] | models[hi]) == 1 and len(costs[1] | costs[hi]) == 1
    rep.say("Java, 1 and %d threads: %s (%d model files compared byte for byte, and every recorded cost)."
            % (hi, "the same model file and costs" if identical else "DIFFERENT model files or costs",
               2 * reps))
    rep.say()
    return {"ratio": ratio, "identical": identical, "threads": hi, "its": its, "runs": 2 * reps}


def alloc_section(rep, args, T, workdir):
    rep.say("## Allocation per training step (JMH TrainingStepBenchmark, GC profiler)")
    out = os.path.join(workdir, "jmh.json")
    cmd = ["java", "-jar", args.jar, "TrainingStepBenchmark", "-prof", "gc", "-f", "1",
           "-p", "threads=" + ",".join(str(t) for t in sorted({1, T})), "-rf", "json", "-rff", out] + args.jmh.split()
    rep.say("`%s`: one training iteration (forward, backward, update) on random data of the course's shapes, "
            "in a JVM with -Xmx256m. `B/op`: bytes allocated per iteration." % shown(cmd))
    rep.say()
    run(cmd)
    try:
        with open(out) as fh:
            results = json.load(fh)
    except (OSError, ValueError) as e:
        raise Failure("no JMH result file %s (%s) from: %s" % (out, e, shown(cmd)))
    rep.say("| workload | threads | ms per step | B per step | GCs during measurement |")
    rep.say("|---|---|---|---|---|")
    worst = 0.0
    rows = 0
    for r in results:
        sec = {k.lstrip("·"): v for k, v in r.get("secondaryMetrics", {}).items()}
        norm = sec.get("gc.alloc.rate.norm")
        if norm is None:
            raise Failure("JMH result without gc.alloc.rate.norm (is -prof gc there?): %s" % shown(cmd))
        gcs = sec.get("gc.count", {}).get("score", 0)
        worst = max(worst, norm["score"])
        rows += 1
        rep.say("| %s | %s | %.3f | %.1f | %g |" % (r["params"]["workload"], r["params"]["threads"],
                                                     r["primaryMetric"]["score"], norm["score"], gcs))
    rep.say()
    return {"worst": worst, "rows": rows}


def targets_section(rep, T, products, training, contention, alloc, scale):
    targets_heading(rep, "## Targets of issue 5, from the numbers above", scale)
    na = "not measured in this run"

    def row(target, measured, met):
        rep.say("| %s | %s | %s |" % (target, measured, met))

    def speedup(w, need, target):
        if w not in training:
            return row(target, na, "-")
        s = training[w]
        x = s["numpy"] / s["java"]
        row(target, "numpy / Java %.2fx (Java %.3f s, numpy %.3f s, medians of training time)" % (x, s["java"], s["numpy"]),
            yes(x >= need))

    if "llayer" in training:
        s = training["llayer"]
        x = s["java"] / s["numpy"]
        row("L-layer training takes at most 1/3 of numpy's time", "Java / numpy %.2f (Java %.3f s, numpy %.3f s)"
            % (x, s["java"], s["numpy"]), yes(x <= 1 / 3))
    else:
        row("L-layer training takes at most 1/3 of numpy's time", na, "-")
    # the big products as the training run computes them: on X packed once per fit when that row exists
    big = [(b + PACKED if (b + PACKED, T) in products else b, T)
           for b in ("W1.X 20x12288.12288x209", "dZ1.Xt 20x209.(12288x209)t")]
    train_rate = (", in the L-layer training run %s" % pct(training["llayer"]["java_share"])) if "llayer" in training else ""
    if all(k in products for k in big):
        shares = [products[k]["java_share"] for k in big]
        text = "W1·X %s, dZ1·Xᵀ %s of the %d-thread FMA peak (products table)%s" % (pct(shares[0]), pct(shares[1]), T, train_rate)
        row("its two big products at least 1/3 of peak (%d threads)" % T, text, yes(min(shares) >= 1 / 3))
        row("... half of peak (where we want to end up)", text, yes(min(shares) >= 1 / 2))
    else:
        row("its two big products at least 1/3 of peak (%d threads)" % T, na + train_rate, "-")
    speedup("flower", 20, "flower at least 20x faster than numpy")
    speedup("twolayer", 3, "two-layer at least 3x faster than numpy")
    speedup("logreg", 3, "logistic regression at least 3x faster than numpy")

    def as_trained(shape, t):
        # the product the training runs: the packed row where there is one, else the row as stored
        return shape.endswith(PACKED) or (shape + PACKED, t) not in products

    for t in sorted({1, T}):
        ratios = [(shape, v["ratio"]) for (shape, tt), v in products.items() if tt == t and as_trained(shape, tt)]
        if ratios:
            worst = min(r for _, r in ratios)
            row("products at least 0.8 of OpenBLAS's speed, %d thread%s" % (t, "" if t == 1 else "s"),
                "lowest %.2f; " % worst + ", ".join("%s %.2f" % (short(shape), r) for shape, r in ratios),
                yes(worst >= 0.8))
        else:
            row("products at least 0.8 of OpenBLAS's speed, %d thread%s" % (t, "" if t == 1 else "s"), na, "-")
        in_place = [(shape, v["ratio"]) for (shape, tt), v in products.items() if tt == t and not as_trained(shape, tt)]
        if in_place:
            row("... the same products reading X as stored (Gemm.multiply on a plain matrix; the course's step "
                "functions), %d thread%s" % (t, "" if t == 1 else "s"),
                "lowest %.2f; " % min(r for _, r in in_place)
                + ", ".join("%s %.2f" % (short(shape), r) for shape, r in in_place),
                yes(min(r for _, r in in_place) >= 0.8))
    if alloc:
        row("the training loop allocates ~0 B per iteration",
            "at most %.1f B per step over %d JMH cases (rule: below %d B, less than the smallest matrix a step could allocate)"
            % (alloc["worst"], alloc["rows"], ALLOC_LIMIT), yes(alloc["worst"] < ALLOC_LIMIT))
    else:
        row("the training loop allocates ~0 B per iteration", na, "-")
    llayer_runs = (training["llayer"]["java_runs"] if "llayer" in training else 0) + (contention["runs"] if contention else 0)
    if llayer_runs:
        row("the L-layer run fits in -Xmx256m", "%d L-layer runs of the command with %s completed" % (llayer_runs, JAVA_HEAP), "yes")
    else:
        row("the L-layer run fits in -Xmx256m", na, "-")
    if contention:
        c = contention
        row("1 and %d threads give bit-identical parameters" % c["threads"],
            "model files written by %d runs (1 and %d threads, %d iterations under contention) %s"
            % (c["runs"], c["threads"], c["its"], "identical byte for byte, costs identical" if c["identical"] else "differ"),
            yes(c["identical"]))
        row("with another process busy, %d threads at most 10 %% slower than 1 thread" % c["threads"],
            "Java %d threads / 1 thread %.2f (numpy %.2f)" % (c["threads"], c["ratio"]["java"], c["ratio"]["numpy"]),
            yes(c["ratio"]["java"] <= 1.10))
    else:
        row("1 and 2 threads give bit-identical parameters", na, "-")
        row("with another process busy, 2 threads at most 10 % slower than 1 thread", na, "-")
    row("no busy-waiting threads", "not measured by this script (GemmThreadsTest checks that idle workers wait)", "-")
    rep.say()


# ------------------------------------------------------------------------------------------------- main
def parse_args():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, help="repetitions of each training run and of the contention run (default 3; --quick 1)")
    ap.add_argument("--threads", type=int, default=os.cpu_count(), help="threads of the main table (default: all CPUs, %(default)s)")
    ap.add_argument("--workloads", default="llayer,twolayer,logreg,flower", help="training runs (default %(default)s)")
    ap.add_argument("--iterations-scale", type=float,
                    help="multiply every run's iterations (training and contention) by this (default 1; --quick 0.1)")
    ap.add_argument("--quick", action="store_true",
                    help="a check of the script, not a measurement: --iterations-scale 0.1 --reps 1 --gemm-seconds 0.5 "
                         "and a short JMH run, unless given")
    ap.add_argument("--gemm-seconds", type=float, help="time per product and thread count (default 3; --quick 0.5)")
    ap.add_argument("--jmh", help="JMH options of the allocation run (default '-wi 3 -w 2 -i 5 -r 2'; --quick '-wi 3 -w 1 -i 1 -r 1')")
    ap.add_argument("--skip-gemm", action="store_true", help="leave out the products table")
    ap.add_argument("--skip-contention", action="store_true", help="leave out the run with another process busy")
    ap.add_argument("--skip-alloc", action="store_true", help="leave out the JMH allocation run")
    ap.add_argument("--skip-start", action="store_true", help="leave out the start table (fresh processes)")
    ap.add_argument("--start-runs", type=int, help="fresh processes per row of the start table (default 10; --quick 3)")
    ap.add_argument("--contention", action="store_true", help=argparse.SUPPRESS)  # the default now; kept for old commands
    ap.add_argument("--jar", default=os.path.join(ROOT, "dlbasics-bench", "target", "benchmarks.jar"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"),
                    help="the shared folder with datasets/ (default ../shared)")
    ap.add_argument("--out", help="write the whole report to this file (e.g. bench/RESULTS.md); progress goes to stderr")
    args = ap.parse_args()
    q = args.quick
    args.reps = args.reps if args.reps is not None else (1 if q else 3)
    args.iterations_scale = args.iterations_scale if args.iterations_scale is not None else (0.1 if q else 1.0)
    args.gemm_seconds = args.gemm_seconds if args.gemm_seconds is not None else (0.5 if q else 3.0)
    args.start_runs = args.start_runs if args.start_runs is not None else (3 if q else 10)
    args.jmh = args.jmh if args.jmh is not None else ("-wi 3 -w 1 -i 1 -r 1" if q else "-wi 3 -w 2 -i 5 -r 2")
    args.shared = os.path.abspath(args.shared)
    args.jar = os.path.abspath(args.jar)
    workloads = args.workloads.split(",")
    unknown = [w for w in workloads if w not in WORKLOADS]
    if unknown:
        ap.error("unknown workload(s) %s; choose from %s" % (", ".join(unknown), ", ".join(WORKLOADS)))
    if args.reps < 1 or args.threads < 1 or not args.iterations_scale > 0:
        ap.error("--reps and --threads need 1 or more, --iterations-scale a positive number")
    args.workload_list = workloads
    return args


def main():
    args = parse_args()
    command = "python3 bench/compare.py" + "".join(" " + shlex.quote(a) for a in sys.argv[1:])
    start_date, start_load = stamp()
    rep = Report(args.out is not None)
    T = args.threads
    npi = numpy_info()
    java_version = output_of(["java", "-version"]).splitlines()
    header = [
        "# dlbasics against the course's numpy code",
        "",
        "Written by `bench/compare.py` (all of this file is its output; run it again rather than editing).",
        "",
        "- Command, from the repository root: `%s`" % command,
        "- Started: %s; load: `%s`" % (start_date, start_load),
        "- Machine: %s" % machine(),
        "- Java: %s" % "; ".join(l.strip() for l in java_version[:3]),
        "- numpy %s (python %s), BLAS: %s" % (npi["numpy"], npi["python"], npi["blas"]),
        "- dlbasics: commit %s; every Java run with %s" % (git_state(), JAVA_HEAP),
        "- Settings: %d threads in the main tables, %d repetition%s, iterations x %g, products %g s each, JMH `%s`"
        % (T, args.reps, "" if args.reps == 1 else "s", args.iterations_scale, args.gemm_seconds, args.jmh),
    ]
    if args.iterations_scale != 1 or args.reps == 1:
        header.append("- **A quick check of the script, not a measurement to quote** (scaled iterations or one repetition).")
    for line in header:
        rep.say(line)
    rep.say()
    try:
        check_jar(args.jar)
        for f in ("train_catvnoncat.h5", "test_catvnoncat.h5"):
            if not os.path.isfile(os.path.join(args.shared, "datasets", f)):
                raise Failure("%s is not in %s/datasets; give the shared folder with --shared PATH" % (f, args.shared))
        # the launcher builds the command's jar when the sources changed: do that before anything is timed
        run([LAUNCHER, "--version"])
        with tempfile.TemporaryDirectory(prefix="dlbasics-bench-") as workdir:
            data_dir = os.path.join(workdir, "data")
            runner = Runner(args, data_dir)
            run(*runner.workloads_cmd(["export", data_dir], 1))
            peak = peak_section(rep, runner, T)
            for t in sorted({1, T}):
                if t not in peak:
                    raise Failure("Workloads peak printed no FMA line for %d threads" % t)
            products = {} if args.skip_gemm else products_section(rep, runner, T, peak, args.gemm_seconds)
            training = training_section(rep, runner, T, peak, args.workload_list, args.reps, args.iterations_scale)
            contention = None if args.skip_contention else \
                contention_section(rep, runner, max(2, T), args.reps, args.iterations_scale, workdir)
            alloc = None if args.skip_alloc else alloc_section(rep, args, T, workdir)
            targets_section(rep, T, products, training, contention, alloc, args.iterations_scale)
            start = None if args.skip_start else start_section(rep, runner, T, args.start_runs, args.iterations_scale)
            footprint_targets_section(rep, training, start, args.iterations_scale)
    except Failure as e:
        print("\ncompare.py: a run failed, stopping.\n%s" % e, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ncompare.py: interrupted", file=sys.stderr)
        return 130
    end_date, end_load = stamp()
    rep.say("Finished: %s; load: `%s`" % (end_date, end_load))
    if args.out:
        lines = rep.lines
        lines.insert(lines.index(header[5]) + 1, "- Finished: %s; load: `%s`" % (end_date, end_load))
        with open(args.out, "w") as fh:
            fh.write("\n".join(lines) + "\n")
        print("compare.py: wrote %s" % args.out, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
