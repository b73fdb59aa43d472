#!/usr/bin/env python3
"""The top frames of a JFR recording's CPU samples, as text to commit beside the benchmark that made it.

    bench/jfr-top.py RECORDING.jfr [TOP]

Reads the recording's jdk.ExecutionSample events with the JDK's `jfr print` and prints, for the threads that ran
(every sample is a thread on a CPU):
  - self: the methods on top of the stack, with their share of all samples;
  - total: the methods anywhere in the stack (counted once per sample), which says where the time goes by caller;
  - by package: the self samples grouped by the first three parts of the package name.
"""
import collections
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+([\w$.<>/\[\]]+)\(")


def samples(path):
    out = subprocess.run(
        ["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", path],
        check=True, capture_output=True, text=True).stdout
    stack = []
    in_stack = False
    for line in out.splitlines():
        if line.startswith("jdk.ExecutionSample"):
            if stack:
                yield stack
            stack, in_stack = [], False
        elif "stackTrace = [" in line:
            in_stack = True
        elif in_stack:
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))
            elif line.strip() == "]":
                in_stack = False
    if stack:
        yield stack


def package(method):
    parts = method.split(".")
    return ".".join(parts[:3]) if len(parts) > 3 else ".".join(parts[:-1])


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        sys.exit(2)
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    self_count, total_count, packages = collections.Counter(), collections.Counter(), collections.Counter()
    n = 0
    for stack in samples(sys.argv[1]):
        n += 1
        self_count[stack[0]] += 1
        packages[package(stack[0])] += 1
        for method in set(stack):
            total_count[method] += 1
    if n == 0:
        print("no execution samples in " + sys.argv[1])
        return
    print(f"{n} CPU samples in {sys.argv[1]}\n")
    for title, counter in (("self", self_count), ("total (anywhere in the stack)", total_count),
                           ("self, by package", packages)):
        print(f"## {title}")
        for method, count in counter.most_common(top):
            print(f"{100.0 * count / n:6.1f} %  {count:6d}  {method}")
        print()


if __name__ == "__main__":
    main()
