#!/usr/bin/env python3
"""Times two checkouts of dlbasics against each other, run for run, on one machine (issue 11's
before/after).

Each measurement is a fresh `./dlbasics` process of one checkout; the two checkouts alternate and the
order flips every repetition, so both see the same load. Three groups:
  1. the course's four training runs (compare.py's commands, -Xmx256m, 2 threads): the JSON's
     training_seconds, the process's wall time and peak resident memory;
  2. `demo --full` with the cat files, against the sum of its six parts run alone (each a fresh
     process, so the sum also counts six JVM starts);
  3. `sweep --data cat` over hidden sizes, against the sum of `train` for each size alone.
Medians over the repetitions. Both checkouts must have built their jar (`./dlbasics --version`).

Usage, from the repository root:
  git worktree add ../before <commit> && (cd ../before && ./dlbasics --version)
  python3 bench/before_after.py --before ../before --after ../after --reps 2 --demo-reps 1 --out bench/BEFORE-AFTER.md
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

JAVA_OPTS = "-Xmx256m -Ddlbasics.threads=2"


def cat_args(shared):
    d = os.path.join(shared, "datasets")
    return ["--train-h5", os.path.join(d, "train_catvnoncat.h5"), "--test-h5", os.path.join(d, "test_catvnoncat.h5")]


def training_runs(shared):
    cat = ["--data", "cat"] + cat_args(shared)
    return {
        "llayer": cat + ["--model", "deep", "--layers", "20,7,5", "--activation", "relu", "--lr", "0.0075",
                         "--seed", "1", "--print-every", "100", "--iterations", "2500"],
        "twolayer": cat + ["--model", "shallow", "--hidden", "7", "--activation", "relu", "--lr", "0.0075",
                           "--seed", "1", "--print-every", "100", "--iterations", "2500"],
        "logreg": cat + ["--model", "logistic", "--lr", "0.005", "--print-every", "100", "--iterations", "2000"],
        "flower": ["--data", "flower", "--data-seed", "1", "--model", "shallow", "--hidden", "4", "--activation",
                   "tanh", "--lr", "1.2", "--seed", "2", "--print-every", "1000", "--iterations", "10000"],
    }


def demo_parts(shared):
    """The six sections of `demo --full` (DemoCommand), each as the command a user would type."""
    cat = ["--data", "cat"] + cat_args(shared)
    return [
        ["train", "--data", "flower", "--model", "logistic", "--lr", "1.2", "--iterations", "1000"],
        ["train", "--data", "flower", "--model", "shallow", "--hidden", "4", "--activation", "tanh", "--lr", "1.2",
         "--seed", "2", "--iterations", "10000"],
        ["sweep", "--data", "flower", "--iterations", "5000"],
        ["train"] + cat + ["--model", "logistic", "--lr", "0.005", "--iterations", "2000"],
        ["sweep"] + cat + ["--model", "logistic", "--learning-rates", "0.01,0.001,0.0001", "--iterations", "1500"],
        ["train"] + cat + ["--model", "deep", "--layers", "20,7,5", "--activation", "relu", "--lr", "0.0075",
                           "--seed", "1", "--iterations", "2500"],
    ]


SWEEP_SIZES = [1, 5, 20]
SWEEP_ITERATIONS = 1000


def sweep_whole(shared):
    return ["sweep", "--data", "cat"] + cat_args(shared) + [
        "--model", "shallow", "--activation", "relu", "--lr", "0.0075", "--hidden-sizes",
        ",".join(map(str, SWEEP_SIZES)), "--iterations", str(SWEEP_ITERATIONS)]


def sweep_parts(shared):
    return [["train", "--data", "cat"] + cat_args(shared) + [
        "--model", "shallow", "--activation", "relu", "--lr", "0.0075", "--hidden", str(h),
        "--iterations", str(SWEEP_ITERATIONS)] for h in SWEEP_SIZES]


def peak_rss_run(root, args, java_opts, out_dir):
    """Runs ./dlbasics in `root`; returns (wall s, peak RSS MB of the largest process in the tree, stdout)."""
    env = dict(os.environ, DLBASICS_JAVA_OPTS=java_opts)
    args = list(args)
    if args[0] in ("train", "sweep", "demo"):
        args += ["--out", tempfile.mkdtemp(dir=out_dir)]  # a new folder: the command keeps earlier runs
    cmd = [os.path.join(root, "dlbasics")] + args
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.chdir(root)
        fd = os.open(os.path.join(out_dir, "stdout.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(fd, 1)
        efd = os.open(os.path.join(out_dir, "stderr.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(efd, 2)
        os.execve(cmd[0], cmd, env)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    with open(os.path.join(out_dir, "stdout.txt")) as f:
        out = f.read()
    if os.waitstatus_to_exitcode(status) != 0:
        with open(os.path.join(out_dir, "stderr.txt")) as f:
            sys.exit(f"failed: {' '.join(cmd)}\n{f.read()}")
    return wall, usage.ru_maxrss / 1024.0, out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--before", required=True, help="the older checkout (its ./dlbasics)")
    ap.add_argument("--after", required=True, help="the newer checkout")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--shared", default=None, help="the shared folder with datasets/ (default: ../shared)")
    ap.add_argument("--skip-demo", action="store_true", help="leave out demo --full and the sweep")
    ap.add_argument("--demo-reps", type=int, help="repetitions of demo --full and the sweep (default: --reps)")
    ap.add_argument("--out", help="write the report here (progress goes to stderr)")
    a = ap.parse_args()
    roots = {"before": os.path.abspath(a.before), "after": os.path.abspath(a.after)}
    shared = os.path.abspath(a.shared or os.path.join(roots["after"], "..", "shared"))
    scratch = os.path.join("/tmp", f"dlbasics-before-after-{os.getpid()}")
    os.makedirs(scratch, exist_ok=True)
    commits = {k: subprocess.run(["git", "-C", r, "rev-parse", "--short", "HEAD"], capture_output=True,
                                 text=True).stdout.strip() for k, r in roots.items()}
    lines = []

    def say(s=""):
        lines.append(s)
        print(s, file=sys.stderr, flush=True)

    say("# One engine, before and after")
    say()
    say(f"Written by `bench/before_after.py` (run it again rather than editing): before = {commits['before']},"
        f" after = {commits['after']}, {a.reps} repetitions, the two checkouts alternating and the order"
        f" flipping every repetition.")
    say(f"- Started {time.strftime('%Y-%m-%d %H:%M:%S')}; load {os.getloadavg()[0]:.2f}")
    order = ["before", "after"]
    results = {}  # (group, name, side) -> list of (training s, wall s, rss MB)

    def record(key, value):
        results.setdefault(key, []).append(value)

    for rep in range(a.reps):
        sides = order if rep % 2 == 0 else order[::-1]
        for name, args in training_runs(shared).items():
            for side in sides:
                wall, rss, out = peak_rss_run(roots[side], ["train"] + args + ["--json"], JAVA_OPTS, scratch)
                doc = json.loads(out[out.index("{"):])
                record(("train", name, side), (doc["training_seconds"], wall, rss))
                say(f"- rep {rep + 1} {name} {side}: training {doc['training_seconds']:.3f} s, process {wall:.3f} s,"
                    f" peak RSS {rss:.0f} MB")
        if a.skip_demo or rep >= (a.demo_reps or a.reps):
            continue
        for side in sides:
            wall, rss, _ = peak_rss_run(roots[side], ["demo", "--full"] + cat_args(shared), "", scratch)
            parts = [peak_rss_run(roots[side], p, "", scratch) for p in demo_parts(shared)]
            record(("demo", "demo --full", side), (sum(p[0] for p in parts), wall, rss))
            say(f"- rep {rep + 1} demo --full {side}: {wall:.1f} s (peak RSS {rss:.0f} MB); parts alone"
                f" {' + '.join(f'{p[0]:.1f}' for p in parts)} = {sum(p[0] for p in parts):.1f} s")
            wall, rss, _ = peak_rss_run(roots[side], sweep_whole(shared), "", scratch)
            parts = [peak_rss_run(roots[side], p, "", scratch) for p in sweep_parts(shared)]
            record(("demo", "sweep --data cat", side), (sum(p[0] for p in parts), wall, rss))
            say(f"- rep {rep + 1} sweep --data cat {side}: {wall:.1f} s (peak RSS {rss:.0f} MB); parts alone"
                f" {' + '.join(f'{p[0]:.1f}' for p in parts)} = {sum(p[0] for p in parts):.1f} s")

    say(f"- Finished {time.strftime('%Y-%m-%d %H:%M:%S')}; load {os.getloadavg()[0]:.2f}")
    say()
    say("## Training runs (compare.py's commands, `DLBASICS_JAVA_OPTS='" + JAVA_OPTS + "'`, medians)")
    say()
    say("| run | before training s | after training s | after / before | before process s | after process s"
        " | before peak RSS MB | after peak RSS MB |")
    say("|---|---|---|---|---|---|---|---|")
    for name in training_runs(shared):
        b = [statistics.median(x) for x in zip(*results[("train", name, "before")])]
        f = [statistics.median(x) for x in zip(*results[("train", name, "after")])]
        say(f"| {name} | {b[0]:.3f} | {f[0]:.3f} | {f[0] / b[0]:.2f} | {b[1]:.2f} | {f[1]:.2f} | {b[2]:.0f} | {f[2]:.0f} |")
    if not a.skip_demo:
        say()
        say("## Whole commands against the sum of their parts alone (default JVM options, medians)")
        say()
        say("Parts: `demo --full` = flower logistic regression 1000 its, flower h=4 10000 its, flower sweep"
            " 1..50 at 5000 its, cat logistic regression 2000 its, its three learning rates at 1500 its,"
            " the L-layer 2500 its; `sweep --data cat` = hidden sizes "
            + ", ".join(map(str, SWEEP_SIZES)) + f", {SWEEP_ITERATIONS} iterations, relu, each alone.")
        say()
        say("| command | side | whole s | sum of parts alone s | whole / sum | peak RSS MB |")
        say("|---|---|---|---|---|---|")
        for name in ("demo --full", "sweep --data cat"):
            for side in order:
                v = [statistics.median(x) for x in zip(*results[("demo", name, side)])]
                say(f"| {name} | {side} | {v[1]:.1f} | {v[0]:.1f} | {v[1] / v[0]:.2f} | {v[2]:.0f} |")
    if a.out:
        with open(a.out, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
