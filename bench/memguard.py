#!/usr/bin/env python3
"""Runs a command and stops it before the machine runs out of memory, saying when and how large it had grown.

    python3 bench/memguard.py LOG MIN_FREE_MIB -- COMMAND [ARG ...]

Every 0.2 s it reads MemAvailable from /proc/meminfo; when less than MIN_FREE_MIB is left it kills the command's
whole process group, appends one line to LOG (seconds since the start, the group's resident memory at its largest)
and exits with 137, as a process killed by the kernel's out-of-memory killer would. Otherwise it exits with the
command's own status. bench/run.sh runs the builds of the largest sets through it, so that a generator that does not
fit in memory fails on its own instead of taking the machine (or the other builds) with it.
"""
import os
import signal
import subprocess
import sys
import time


def available_mib():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    raise RuntimeError("no MemAvailable in /proc/meminfo")


def group_rss_mib(pgid):
    """The resident memory of every process in the group, in MiB."""
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            if os.getpgid(int(pid)) != pgid:
                continue
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue  # the process ended while we looked
    return total // (1024 * 1024)


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        sys.exit(__doc__)
    log, floor, command = sys.argv[1], int(sys.argv[2]), sys.argv[4:]
    start = time.monotonic()
    child = subprocess.Popen(command, start_new_session=True)
    peak = 0
    while child.poll() is None:
        peak = max(peak, group_rss_mib(child.pid))
        if available_mib() < floor:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
            message = (f"stopped after {time.monotonic() - start:.0f} s: less than {floor} MiB of memory was left on"
                       f" the machine; the command's processes held {peak} MiB at their largest: {' '.join(command)}")
            with open(log, "a") as f:
                f.write(message + "\n")
            print(message, file=sys.stderr)
            return 137
        time.sleep(0.2)
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
