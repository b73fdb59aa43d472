#!/usr/bin/env python3
"""The client and the checks of ha/failover.sh, on bench/converge.py's Sender and comparison.

  failover.py send    converge.py's clients (each change resent until an instance answers 2xx), every change tagged
                      with an operation id in its metadata; once HA_KILL_AT of the changes are accepted, a write probe
                      per instance every 200 ms and a readiness probe, then asks failover.sh to kill the primary (a
                      file) and keeps probing until every instance has accepted writes for a while again. Writes
                      converge's state file and its own (every attempt, every accepted operation, the probes).
  failover.py verify  once drained: converge's comparison of Master with the last accepted state, then each accepted
                      operation's sync id looked up in the database and at Master, Master's counters, and the times
                      and answers around the kill. Prints the table; exits 1 when a goal is missed.

Standard library only.
"""
import argparse
import collections
import concurrent.futures
import http.client
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench"))
import converge  # noqa: E402

LOAD_PREFIX = "00000000-0000-4000-8000-"
PROBE_PREFIX = "00000000-0000-4000-9000-"


def probe_user(n):
    return PROBE_PREFIX + "%012x" % n


class HaSender(converge.Sender):
    """converge's Sender, keeping every attempt and every accepted operation's sync id, tagged per thread as load or
    probe."""

    def __init__(self, args):
        super().__init__(args)
        self.ports = [u.port for u in self.urls]
        self.local = threading.local()
        self.attempts = []
        self.operations = []
        self.next_operation = 0

    def kind(self):
        return getattr(self.local, "kind", "load")

    def answered(self, url, started, status, retry_after, error=None):
        with self.lock:
            self.attempts.append({"instance": self.ports.index(url.port), "kind": self.kind(), "start": started,
                                  "end": time.time(), "status": status, "retryAfter": retry_after, "error": error})

    def metadata(self, pair, operation):
        with self.lock:
            self.next_operation += 1
            return {"op": "load-%d" % self.next_operation}

    def recorded(self, pair, body, status, text):
        self.keep(body, status, text)

    def keep(self, body, status, text):
        try:
            sync_id = json.loads(text).get("syncId")
        except ValueError:
            sync_id = None
        with self.lock:
            self.operations.append({"op": body["subscriptionData"]["metadata"]["op"], "syncId": sync_id,
                                    "status": status, "kind": self.kind(), "user": body["mvpUserId"],
                                    "service": body["subscriptionData"]["serviceName"]})


class Probes:
    """Per instance, a write every `interval` seconds, each a create of a (user, service) never used before (so no two
    probes are ordered against each other, and one that hangs does not hold up the next), and a readiness probe."""

    def __init__(self, sender, urls, users_per_instance, interval, timeout):
        self.sender = sender
        self.urls = urls
        self.interval = interval
        self.timeout = timeout
        self.stop = threading.Event()
        self.readiness = []
        self.threads = []
        self.in_flight = [0] * len(urls)
        self.skipped = [0] * len(urls)
        per_instance = users_per_instance * len(converge.SERVICES)
        self.pairs = [[((i * users_per_instance) + k // len(converge.SERVICES) + 1,
                        converge.SERVICES[k % len(converge.SERVICES)]) for k in range(per_instance)]
                      for i in range(len(urls))]
        self.exhausted = [False] * len(urls)

    def start(self):
        for i in range(len(self.urls)):
            for target in (self.write_loop, self.readiness_loop):
                thread = threading.Thread(target=target, args=(i,), daemon=True)
                thread.start()
                self.threads.append(thread)

    def write_loop(self, i):
        pending = []
        while not self.stop.is_set():
            if not self.pairs[i]:
                self.exhausted[i] = True
                break
            if self.in_flight[i] >= 64:
                self.skipped[i] += 1
            else:
                user, service = self.pairs[i].pop(0)
                thread = threading.Thread(target=self.write, args=(i, user, service), daemon=True)
                thread.start()
                pending.append(thread)
            self.stop.wait(self.interval)
        for thread in pending:
            thread.join()

    def write(self, i, user, service):
        self.sender.local.kind = "probe"
        with self.sender.lock:
            self.in_flight[i] += 1
        body = {"mvpUserId": probe_user(user), "operation": "create",
                "subscriptionData": {"serviceName": service, "planCode": "pro", "status": "active",
                                     "startDate": converge.iso(converge.START),
                                     "metadata": {"op": "probe-%d-%d-%s" % (i, user, service)}}}
        try:
            status, text = self.sender.attempt(self.sender.urls[i], json.dumps(body), timeout=self.timeout)
            if status is not None and 200 <= status < 300:
                self.sender.keep(body, status, text)
        finally:
            with self.sender.lock:
                self.in_flight[i] -= 1

    def readiness_loop(self, i):
        url = self.sender.urls[i]
        while not self.stop.is_set():
            started = time.time()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=2)
            try:
                connection.request("GET", "/actuator/health/readiness")
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as e:
                status = type(e).__name__
            finally:
                connection.close()
            with self.sender.lock:
                self.readiness.append({"instance": i, "start": started, "status": status})
            self.stop.wait(max(0.0, self.interval - (time.time() - started)))

    def close(self):
        self.stop.set()
        for thread in self.threads:
            thread.join()


def recovery(attempts, kill, instances):
    """Per instance: when, after the kill, a write probe first failed, and when the first probe that started after the
    last failed one was answered 2xx (None: never)."""
    result = []
    for i in range(instances):
        probes = sorted((a for a in attempts if a["kind"] == "probe" and a["instance"] == i and a["start"] >= kill),
                        key=lambda a: a["start"])
        ok = [a for a in probes if a["status"] is not None and 200 <= a["status"] < 300]
        failed = [a for a in probes if a["status"] is None or not 200 <= a["status"] < 300]
        after = [a for a in ok if not failed or a["start"] > failed[-1]["start"]]
        result.append({"probes": len(probes), "failed": len(failed),
                       "firstFailure": min((a["end"] for a in failed), default=None),
                       "longest": max((a["end"] - a["start"] for a in probes), default=0),
                       "recovered": min((a["end"] for a in after), default=None)})
    return result


def send(args):
    sender = HaSender(args)
    probes = Probes(sender, sender.urls, args.probe_users, args.probe_interval, args.probe_timeout)
    ended = []

    def run_load():
        try:
            converge.send(args, sender)
        finally:
            ended.append(time.time())

    load = threading.Thread(target=run_load, daemon=True)
    load.start()
    kill_after = max(1, int(args.syncs * args.kill_at))
    while load.is_alive() and sender.accepted < kill_after:
        time.sleep(0.05)
    if sender.fatal or sender.accepted < kill_after:
        print("failover.py: the load stopped before the kill: %s" % sender.fatal, file=sys.stderr)
        return 1
    probes.start()
    time.sleep(args.baseline)
    print("  %d of %d changes accepted: asking for the kill" % (sender.accepted, args.syncs), flush=True)
    with open(args.kill_request, "w") as request:
        request.write("%f\n" % time.time())
    deadline = time.time() + 60
    while not os.path.exists(args.killed):
        if time.time() > deadline:
            print("failover.py: no kill within 60 s of asking for it", file=sys.stderr)
            return 1
        time.sleep(0.05)
    time.sleep(0.1)
    with open(args.killed) as killed:
        kill = float(killed.read().split()[0])
    # Probe until every instance has answered writes for `stable` seconds since its last failure, or for `wait`.
    while time.time() < kill + args.recovery_wait:
        with sender.lock:
            attempts = list(sender.attempts)
        seen = recovery(attempts, kill, len(sender.urls))
        if all(r["recovered"] and time.time() - r["recovered"] >= args.stable for r in seen):
            break
        if all(probes.exhausted):
            break
        time.sleep(0.2)
    probes.close()
    probing_ended = time.time()
    load.join()
    load_ended = ended[0]
    if sender.fatal:
        print("failover.py: a change was refused, which no kill or fault explains: " + sender.fatal, file=sys.stderr)
    with open(args.client, "w") as out:
        json.dump({"kill": kill, "probingEnded": probing_ended, "loadEnded": load_ended, "syncs": args.syncs,
                   "killAfter": kill_after, "instances": len(sender.urls), "operations": sender.operations,
                   "attempts": sender.attempts, "readiness": probes.readiness, "probesSkipped": probes.skipped,
                   "probesExhausted": probes.exhausted, "fatal": sender.fatal}, out)
    return 1 if sender.fatal else 0


class MasterKeys:
    """Whether Master applied a sync id, without changing what it applied: POST / with that Idempotency-Key and a
    change to a user of its own. A key Master has seen is answered with the first answer (Idempotent-Replayed: true,
    with the subscription as that change left it); an unseen one applies the harmless change to that user."""

    def __init__(self, url, key):
        self.url = urllib.parse.urlsplit(url)
        self.key = key
        self.local = threading.local()

    def connection(self):
        if getattr(self.local, "connection", None) is None:
            self.local.connection = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=30)
        return self.local.connection

    def applied(self, sync_id):
        body = json.dumps({"userId": "ha-verify-unseen-keys", "serviceId": "verify", "planTier": "verify",
                           "operation": "sync"})
        for _ in range(5):
            try:
                connection = self.connection()
                connection.request("POST", "/", body, {"Authorization": "Bearer " + self.key,
                                                       "Idempotency-Key": sync_id,
                                                       "Content-Type": "application/json"})
                response = connection.getresponse()
                text = response.read()
                if response.status == 200:
                    if response.getheader("Idempotent-Replayed") == "true":
                        metadata = json.loads(text)["subscription"].get("metadata") or {}
                        return True, metadata.get("op")
                    return False, None
            except (OSError, http.client.HTTPException):
                self.local.connection = None
            time.sleep(0.5)
        raise SystemExit("failover.py: Master did not answer about key %s" % sync_id)

    def get(self, path):
        connection = http.client.HTTPConnection(self.url.hostname, self.url.port, timeout=30)
        try:
            connection.request("GET", path, headers={"Authorization": "Bearer " + self.key})
            response = connection.getresponse()
            return json.loads(response.read())
        finally:
            connection.close()


def outbox(psql):
    rows = subprocess.run(["psql", *psql, "-qAt", "-F", "\t", "-c", """
        SELECT id, mvp_user_id, service_name, status, operation, coalesce(payload -> 'metadata' ->> 'op', '')
        FROM subsync.sync_outbox"""], check=True, capture_output=True, text=True).stdout.splitlines()
    return {r[0]: {"user": r[1], "service": r[2], "status": r[3], "operation": r[4], "op": r[5]}
            for r in (line.split("\t") for line in rows)}


def answers(attempts):
    """Counts per answer: the status code, or 'no answer (<error>)'; 503s split by whether they carried Retry-After."""
    counts = collections.Counter()
    for a in attempts:
        if a["status"] is None:
            counts["no answer (%s)" % a["error"]] += 1
        elif a["status"] == 503:
            counts["503 with Retry-After" if a["retryAfter"] else "503 without Retry-After"] += 1
        else:
            counts[str(a["status"])] += 1
    return counts


def verify(args):
    with open(args.client) as source:
        client = json.load(source)
    keys = MasterKeys(args.master, args.key)
    stats = keys.get("/admin/stats")
    rows = outbox(args.psql)
    operations = client["operations"]
    load = [o for o in operations if o["kind"] == "load"]
    accepted_ids = {o["syncId"] for o in operations}
    asked = sorted(set(rows) | {i for i in accepted_ids if i})
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        at_master = dict(zip(asked, pool.map(keys.applied, asked)))

    missing_in_db = sorted(i for i in accepted_ids if i not in rows)
    delivered_not_applied = sorted(i for i in accepted_ids if i in rows and rows[i]["status"] == "delivered"
                                   and not at_master[i][0])
    not_delivered = sorted(i for i in accepted_ids
                           if i in rows and rows[i]["status"] not in ("delivered", "superseded"))
    superseded = [i for i in accepted_ids if i in rows and rows[i]["status"] == "superseded"]
    applied_rows = [i for i in rows if at_master[i][0]]
    applied_accepted = [i for i in accepted_ids if i in at_master and at_master[i][0]]
    applied_unanswered = [i for i in applied_rows if i not in accepted_ids]
    unknown_applications = stats["applied"] - len(applied_rows)
    # Every change carries its operation id in its metadata, kept in the row's payload; two applied rows with one id
    # would be one accepted operation applied twice. Master keeps the metadata sent by create, update and sync (a
    # cancel or reactivate leaves the one before), so for those its answer must name the row's own id.
    per_op = collections.Counter(rows[i]["op"] for i in applied_rows if rows[i]["op"])
    applied_twice = sorted(op for op, n in per_op.items() if n > 1)
    tag_mismatch = [i for i in applied_rows if rows[i]["operation"] in ("create", "update", "sync")
                    and at_master[i][1] != rows[i]["op"]]

    figures = converge.compare_figures(argparse.Namespace(
        master=args.master, key=args.key, state=args.state, samples=args.samples, user_prefix=LOAD_PREFIX,
        psql=args.psql))
    state = figures["state"]
    pairs_short = abs(figures["rows"] - len(state["last"]))

    kill = client["kill"]
    instances = client["instances"]
    recovered = recovery(client["attempts"], kill, instances)
    times = [r["recovered"] - kill if r["recovered"] else None for r in recovered]
    worst = None if None in times else max(times)
    back = kill + worst if worst is not None else client["probingEnded"]
    # Every request in flight at some moment between the kill and the recovery of the last instance.
    window = [a for a in client["attempts"] if a["end"] >= kill and a["start"] <= back]
    longest = max((a["end"] - a["start"] for a in client["attempts"]), default=0)
    longest_window = max((a["end"] - a["start"] for a in window), default=0)
    cluster = []
    if args.cluster and os.path.exists(args.cluster):
        with open(args.cluster) as source:
            cluster = [line.rstrip("\n").split("\t", 1) for line in source if "\t" in line]

    lost = len(missing_in_db) + len(delivered_not_applied) + len(not_delivered) + figures["different"] \
        + figures["lost"] + pairs_short
    twice = len(applied_twice) + max(0, unknown_applications)
    table = []

    def row(label, value, goal=""):
        table.append((label, str(value), goal))

    def verdict(ok):
        return "PASS" if ok else "**MISS**"

    for label, value in cluster:
        row(label, value)
    row("changes sent / accepted (2xx) by the load clients", "%d / %d" % (client["syncs"], len(load)))
    row("write probes accepted (2xx)", len(operations) - len(load))
    row("kill after this many changes were accepted", client["killAfter"])
    row("load still sending after the kill for (s)", "%.1f" % (client["loadEnded"] - kill))
    row("ACCEPTED OPERATIONS LOST (sum of the 6 rows below)", lost, "0 " + verdict(lost == 0))
    row("  accepted, sync id missing from the database after failover", len(missing_in_db))
    row("  accepted, 'delivered' in the database, Master never applied", len(delivered_not_applied))
    row("  accepted, neither delivered nor superseded after the drain", len(not_delivered))
    row("  (user, service): Master differs from the state row", figures["different"])
    row("  (user, service): state row is not the last accepted change", figures["lost"])
    row("  (user, service) changed by the load, no state row (or extra)", pairs_short)
    row("accepted operations, distinct sync ids", len(accepted_ids))
    row("  of them applied at Master (each looked up by its key)", len(applied_accepted))
    row("  of them superseded before delivery (a later change carries them)", len(superseded))
    row("  of them both: applied, then superseded (its confirmation was lost)",
        sum(1 for i in superseded if at_master[i][0]))
    row("applied at Master (simulator's 'applied')", stats["applied"])
    row("  from rows whose request was never answered 2xx (probes)", len(applied_unanswered))
    row("APPLIED TWICE AT MASTER (sum of the 2 rows below)", twice, "0 " + verdict(twice == 0))
    row("  operations (metadata op id) applied under two sync ids", len(applied_twice))
    row("  applications Master has from no row of the database", unknown_applications)
    row("resends Master refused as replays (same key: not applied)", stats["duplicatesRefused"])
    row("applied create/update/sync whose op id at Master is not the row's", len(tag_mismatch), "0")
    row("ORDER VIOLATIONS AT MASTER (simulator's 'outOfOrder')", stats["outOfOrder"],
        "0 " + verdict(stats["outOfOrder"] == 0))
    for i, (r, t) in enumerate(zip(recovered, times)):
        first = "first failed at +%.1f s" % (r["firstFailure"] - kill) if r["firstFailure"] else "none failed"
        row("instance %d: writes accepted again after the kill (s)" % (i + 1),
            "%s (%d of %d probes failed, %s; longest %.1f s)" % (
                "%.1f" % t if t is not None else "never", r["failed"], r["probes"], first, r["longest"]))
    row("RECOVERY: every instance accepts writes again after (s)", "%.1f" % worst if worst is not None else "never",
        "<=%d %s" % (args.recovery_goal, verdict(worst is not None and worst <= args.recovery_goal)))
    row("requests in flight between the kill and recovery (load, probes)", sum(answers(window).values()))
    for label, n in sorted(answers(window).items()):
        row("  %s" % label, n)
    row("longest of those requests / of the whole run (s)", "%.1f / %.1f" % (longest_window, longest))
    row("answers over the whole run (load and probes)", sum(answers(client["attempts"]).values()))
    for label, n in sorted(answers(client["attempts"]).items()):
        row("  %s" % label, n)
    readiness = collections.Counter(str(r["status"]) for r in client["readiness"] if kill <= r["start"] <= back)
    row("readiness (/actuator/health/readiness) from kill to recovery",
        ", ".join("%s x%d" % kv for kv in sorted(readiness.items())) or "none")
    if any(client["probesExhausted"]):
        row("probe users ran out on instances", [i + 1 for i, e in enumerate(client["probesExhausted"]) if e])

    head = ("PostgreSQL failover under load (ha/failover.sh)", "", "goal")
    widths = [max(len(r[c]) for r in table + [head]) for c in range(3)]
    lines = ["| %s | %s | %s |" % (head[0].ljust(widths[0]), head[1].rjust(widths[1]), head[2].ljust(widths[2])),
             "|%s|%s:|%s|" % ("-" * (widths[0] + 2), "-" * (widths[1] + 1), "-" * (widths[2] + 2))]
    lines += ["| %s | %s | %s |" % (r[0].ljust(widths[0]), r[1].rjust(widths[1]), r[2].ljust(widths[2]))
              for r in table]
    report = "\n".join(lines)
    print(report)
    failures = []
    if lost:
        failures.append("%d accepted operation(s) lost" % lost)
    if twice:
        failures.append("%d applied twice at Master" % twice)
    if stats["outOfOrder"]:
        failures.append("%d out of order at Master" % stats["outOfOrder"])
    if tag_mismatch:
        failures.append("%d applied rows whose metadata at Master is not theirs" % len(tag_mismatch))
    if worst is None or worst > args.recovery_goal:
        failures.append("recovery %s s, goal %d s" % ("never" if worst is None else "%.1f" % worst,
                                                        args.recovery_goal))
    if client.get("fatal"):
        failures.append("the client stopped: " + client["fatal"])
    samples = ["  missing from the database: %s" % i for i in missing_in_db[:10]] \
        + ["  delivered, not at Master: %s" % i for i in delivered_not_applied[:10]] \
        + ["  not delivered: %s (%s)" % (i, rows[i]["status"]) for i in not_delivered[:10]] \
        + ["  applied twice: %s" % op for op in applied_twice[:10]] + figures["samples"][:10]
    with open(args.report, "w") as out:
        out.write(report + "\n")
        if samples:
            out.write("\n" + "\n".join(samples) + "\n")
        if failures:
            out.write("\nFAILED: " + "; ".join(failures) + "\n")
    if samples:
        print("\n".join(samples))
    if failures:
        print("\n" + "!" * 100 + "\nFAILED: " + "; ".join(failures) + "\n" + "!" * 100, file=sys.stderr)
        return 1
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    s = commands.add_parser("send")
    converge.send_arguments(s)
    s.add_argument("--client", required=True, help="this script's file: attempts, operations, probes")
    s.add_argument("--kill-at", type=float, default=0.3, help="the share of changes accepted before the kill")
    s.add_argument("--kill-request", required=True, help="created when the primary is to be killed")
    s.add_argument("--killed", required=True, help="failover.sh writes the time of the kill there")
    s.add_argument("--probe-users", type=int, default=200, help="probe users per instance (x 3 services)")
    s.add_argument("--probe-interval", type=float, default=0.2)
    s.add_argument("--probe-timeout", type=float, default=35)
    s.add_argument("--baseline", type=float, default=2, help="seconds of probes before the kill")
    s.add_argument("--stable", type=float, default=5, help="seconds of accepted probes that count as recovered")
    s.add_argument("--recovery-wait", type=float, default=90, help="the longest probing goes on after the kill")
    v = commands.add_parser("verify")
    v.add_argument("--master", required=True)
    v.add_argument("--key", required=True)
    v.add_argument("--state", required=True)
    v.add_argument("--client", required=True)
    v.add_argument("--cluster", help="lines of label<TAB>value from failover.sh, printed first")
    v.add_argument("--report", required=True)
    v.add_argument("--recovery-goal", type=float, default=30)
    v.add_argument("--samples", type=int, default=20)
    v.add_argument("psql", nargs=argparse.REMAINDER, help="after --: psql's connection arguments")
    args = parser.parse_args()
    if args.command == "send":
        return send(args)
    args.psql = [a for a in args.psql if a != "--"]
    return verify(args)


if __name__ == "__main__":
    sys.exit(main())
