#!/usr/bin/env python3
"""Whole-process timings of acuref beside grep over the same data, in one run.

    python3 benches/startup.py [--runs N]

Builds the release binary, then measures, alternating the commands so that both see the
same machine:
  - `acuref show BL23` beside `grep -r Shenshu data` (wall time, exec to exit);
  - `acuref --version`, the floor: process start and argument parsing alone;
  - the peak memory (maximum resident set) of `acuref show BL23`;
  - the interactive reference from exec to its first frame drawn, in a pseudo-terminal of
    100x30: the time until the frame's last line (the key hints) has been written.
Each figure is the median of the runs, printed beside its target. The user's files are kept
out of the way (a new, empty home for acuref's files), so the built-in catalogue is what is
measured.
"""

import argparse
import fcntl
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build():
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "release", "acuref")


def run_once(argv, env):
    """Wall time (seconds) of one run, output discarded."""
    start = time.perf_counter()
    status = subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{' '.join(argv)} exited with {status}")
    return elapsed


def peak_memory(argv, env):
    """Peak resident memory (KB) of one run, as GNU time reports it; None without it.

    A child forked from Python starts with Python's pages, which its own peak would count;
    GNU time is a small C program, so the peak it reports is acuref's."""
    if not os.path.exists("/usr/bin/time"):
        return None
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, cwd=ROOT, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=True)
    return int(done.stderr.strip().splitlines()[-1])


def first_frame(binary, env):
    """Seconds from exec until the interactive reference has drawn its first frame."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(ROOT)
        os.execve(binary, [binary], env)
    start = time.perf_counter()
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    seen = b""
    elapsed = None
    while elapsed is None:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        # The key hints are the frame's last line: once "quit" is written, the frame is.
        if b"quit" in seen:
            elapsed = time.perf_counter() - start
    os.write(fd, b"\x03")
    os.waitpid(pid, 0)
    os.close(fd)
    if elapsed is None:
        sys.exit("the interactive reference drew no frame within 5 s")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200, help="runs of each command")
    args = parser.parse_args()
    if shutil.which("grep") is None:
        sys.exit("grep is needed for the comparison")
    binary = build()
    home = tempfile.mkdtemp(prefix="acuref-startup-")
    env = dict(os.environ, ACUREF_HOME=home, ACUREF_USER_DIR="", XDG_CONFIG_HOME=home,
               XDG_DATA_HOME=home, TERM="xterm-256color")
    env.pop("ACUREF_DATA", None)
    commands = {
        "show": [binary, "show", "BL23"],
        "grep": ["grep", "-r", "Shenshu", "data"],
        "version": [binary, "--version"],
    }
    times = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, argv in commands.items():
            times[name].append(run_once(argv, env))
    memory = [peak_memory(commands["show"], env) for _ in range(10)]
    frames = [first_frame(binary, env) for _ in range(max(10, args.runs // 10))]
    shutil.rmtree(home, ignore_errors=True)

    ms = {name: statistics.median(t) * 1000 for name, t in times.items()}
    ratio = ms["show"] / ms["grep"]
    peak = "no /usr/bin/time"
    if None not in memory:
        peak = f"{statistics.median(memory) / 1024:.1f} MB"
    frame_ms = statistics.median(frames) * 1000
    rows = [
        ("acuref show BL23", f"{ms['show']:.2f} ms", ""),
        ("grep -r Shenshu data", f"{ms['grep']:.2f} ms", ""),
        ("show / grep", f"{ratio:.2f}x", "at most 1.5x"),
        ("acuref --version (the floor)", f"{ms['version']:.2f} ms", ""),
        ("peak memory of show BL23", peak, "at most 8.5 MB (apt-get install time)"),
        ("exec to first TUI frame", f"{frame_ms:.2f} ms", "under 10 ms"),
    ]
    print(f"medians of {args.runs} alternating runs ({len(frames)} for the TUI)")
    for what, figure, target in rows:
        print(f"  {what:<30} {figure:>10}   {target}")


if __name__ == "__main__":
    main()
