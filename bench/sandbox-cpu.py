"""Where the CPU goes during `bluegreen rehearse`: samples /proc every 0.2 s for the rehearsal
process and every process below it, keeps each one's last user+system time, and prints the
totals by part (the bluegreen process holds the engine, the DNS server, both YARP proxies and
the load generator; the app instances; dynalite).
Usage: python3 bench/sandbox-cpu.py [rehearse arguments...]   (from the repository root, after a Release build)"""
import os
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK


def cmdline(pid):
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        return f.read().replace(b"\0", b" ").decode(errors="replace")


def part(command):
    if "SampleApp.dll" in command:
        return "app instances (4)"
    if "serve.js" in command:
        return "dynalite"
    if "bluegreen.dll" in command:
        return "bluegreen (engine, DNS server, 2 proxies, load generator)"
    return "other"


started = time.monotonic()
rehearsal = subprocess.Popen(
    ["dotnet", "src/BlueGreen.Cli/bin/Release/net10.0/bluegreen.dll", "rehearse", *sys.argv[1:]],
    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
seen = {}
while rehearsal.poll() is None:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parents[int(entry)] = stat(int(entry))
            except (OSError, ValueError):
                pass
    family, frontier = {rehearsal.pid}, [rehearsal.pid]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _) in parents.items():
            if ppid == parent and pid not in family:
                family.add(pid)
                frontier.append(pid)
    for pid in family:
        if pid in parents:
            try:
                # Named when first seen: a process that has exited (a zombie) has no command line left.
                name = seen[pid][0] if pid in seen else part(cmdline(pid))
                seen[pid] = (name, parents[pid][1])
            except OSError:
                pass
    time.sleep(0.2)
output = rehearsal.stdout.read()
wall = time.monotonic() - started
totals = {}
for name, seconds in seen.values():
    totals[name] = totals.get(name, 0.0) + seconds
for line in output.splitlines():
    if "calibrated:" in line or "User requests" in line or line.startswith(("completed", "rolledBack", "paused")):
        print(line)
print(f"exit {rehearsal.returncode}, {wall:.1f} s wall, load average {open('/proc/loadavg').read().split()[0:3]}")
for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
    print(f"  {name}: {seconds:.1f} s CPU ({100 * seconds / wall:.0f} % of one core)")
