#!/usr/bin/env python3
"""The two halves of bench/converge.sh that need more than curl.

  converge.py send    sends BENCH_SYNCS changes through POST /sync-subscription to the instances given, resending a
                      change until one of them answers 2xx (an instance may be killed under it), and writes the last
                      accepted state of every (user, service) to a JSON file.
  converge.py compare reads subscription_sync_state (psql) and Master's view of every linked user (the simulator's
                      GET /users/{id}/subscriptions) and prints the table: pairs compared, equal, different.

ha/failover.py runs the same clients through a PostgreSQL failover: it subclasses Sender (the hooks answered, metadata
and recorded see every attempt and every accepted change) and reads compare_figures.

Standard library only. A change resent after an unanswered attempt is the same request: asking again for the state
already wanted is answered with the same sync id and records nothing new, so a resend never doubles a change.
"""
import argparse
import http.client
import json
import random
import subprocess
import sys
import threading
import time
import urllib.parse
from datetime import datetime, timedelta, timezone

SERVICES = ["pawnshop", "bnpl", "money_loan"]
PLANS = ["starter", "pro", "enterprise"]
START = datetime(2026, 11, 1, tzinfo=timezone.utc)


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def instant(text):
    """An ISO day or date-time (Master keeps dates as sent; psql prints them its own way) as an aware datetime."""
    if text is None or text == "":
        return None
    text = text.strip().replace(" ", "T").replace("Z", "+00:00")
    if len(text) == 10:
        text += "T00:00:00+00:00"
    if text.endswith("+00"):
        text += ":00"
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def user_id(n):
    return "00000000-0000-4000-8000-%012x" % n


def master_id(n):
    return "10000000-0000-4000-8000-%012x" % n


class Sender:
    def __init__(self, args):
        self.urls = [urllib.parse.urlsplit(u) for u in args.urls.split(",")]
        self.token = args.token
        self.lock = threading.Lock()
        self.accepted = 0
        self.resent = 0
        self.unanswered = 0
        self.server_errors = 0
        self.last = {}
        self.fatal = None
        self.wait_seconds = args.in_request_wait + 30

    def post(self, body, rng):
        """POSTs until an instance answers 2xx; returns the status and the answer's body. After no answer or a 5xx the
        same change goes to the next instance (the one tried may be down)."""
        payload = json.dumps(body)
        at = rng.randrange(len(self.urls))
        attempt = 0
        while True:
            if attempt == 1:
                with self.lock:
                    self.resent += 1
            url = self.urls[(at + attempt) % len(self.urls)]
            attempt += 1
            status, text = self.attempt(url, payload)
            if status is not None and 200 <= status < 300:
                return status, text
            if status is not None and status < 500:
                with self.lock:
                    self.fatal = "refused %d: %s for %s" % (status, text[:300], payload)
                return status, text
            with self.lock:
                if status is None:
                    self.unanswered += 1
                else:
                    self.server_errors += 1
            time.sleep(0.2)

    def attempt(self, url, payload, timeout=None):
        """One POST /sync-subscription to one instance: its status and body, or (None, the error) without an answer."""
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout or self.wait_seconds)
        started = time.time()
        try:
            connection.request("POST", "/sync-subscription", payload,
                               {"Authorization": "Bearer " + self.token, "Content-Type": "application/json"})
            response = connection.getresponse()
            text = response.read()
            self.answered(url, started, response.status, response.getheader("Retry-After"))
            return response.status, text
        except (OSError, http.client.HTTPException) as e:
            self.answered(url, started, None, None, type(e).__name__)
            return None, str(e)
        finally:
            connection.close()

    def answered(self, url, started, status, retry_after, error=None):
        """Called after every attempt (status None: no answer, error names why); a hook for scripts that count them."""

    def metadata(self, pair, operation):
        """The metadata a change carries (None: none); a hook for scripts that tag their changes."""
        return None

    def recorded(self, pair, body, status, text):
        """Called once a change is accepted (2xx), with its body and the answer; a hook for scripts that keep them."""

    def run_client(self, users, changes, rng):
        """Changes the client's own users' subscriptions in random order. Half the time after the first change, a plan
        is changed and at once cancelled or reactivated (two requests back to back). An update moves to another plan;
        a cancel or reactivate carries the plan last accepted, as a caller that only cancels would send it."""
        pairs = [(u, s) for u in users for s in SERVICES]
        sent = 0
        while pairs and sent < changes and not self.fatal:
            pair = rng.choice(pairs)
            if pair not in self.last:
                operations = ["create"]
            elif changes - sent >= 2 and rng.random() < 0.5:
                operations = ["update", rng.choice(["cancel", "reactivate"])]
            else:
                operations = [rng.choice(["update", "cancel", "reactivate"])]
            for operation in operations:
                if not self.change(pair, operation, rng):
                    return
                sent += 1

    def change(self, pair, operation, rng):
        user, service = pair
        last = self.last.get(pair)
        # An update always moves to another plan: the change a lost update would leave missing at Master.
        plan = rng.choice(PLANS) if last is None \
            else rng.choice([p for p in PLANS if p != last["plan"]]) if operation == "update" else last["plan"]
        start = START + timedelta(days=user % 60)
        end = start + timedelta(days=30 + rng.randrange(300)) \
            if operation in ("update", "cancel") and rng.random() < 0.5 else None
        data = {"serviceName": service, "planCode": plan, "status": "cancelled" if operation == "cancel" else "active",
                "startDate": iso(start)}
        if end is not None:
            data["endDate"] = iso(end)
        metadata = self.metadata(pair, operation)
        if metadata is not None:
            data["metadata"] = metadata
        body = {"mvpUserId": user_id(user), "operation": operation, "subscriptionData": data}
        status, text = self.post(body, rng)
        if status >= 300:
            return False
        self.recorded(pair, body, status, text)
        with self.lock:
            self.accepted += 1
            self.last[pair] = {"operation": operation, "plan": plan, "status": data["status"],
                               "startDate": data["startDate"], "endDate": data.get("endDate")}
        return True


def send(args, sender=None):
    """Runs the clients to the end and writes the state file; a script may pass its own Sender (a subclass)."""
    sender = sender or Sender(args)
    threads = []
    per_client, extra = divmod(args.syncs, args.clients)
    for c in range(args.clients):
        users = [u for u in range(1, args.users + 1) if u % args.clients == c]
        rng = random.Random(args.seed * 1000 + c)
        changes = per_client + (1 if c < extra else 0)
        thread = threading.Thread(target=sender.run_client, args=(users, changes, rng), daemon=True)
        thread.start()
        threads.append(thread)
    started = time.time()
    while any(t.is_alive() for t in threads):
        time.sleep(5)
        print("  %5.0fs: %d of %d changes accepted, %d resent" % (time.time() - started, sender.accepted, args.syncs,
                                                                   sender.resent), flush=True)
    if sender.fatal:
        print("converge.py: a change was refused, which no kill or fault explains: " + sender.fatal, file=sys.stderr)
        sys.exit(1)
    state = {"accepted": sender.accepted, "resent": sender.resent, "unanswered": sender.unanswered,
             "serverErrors": sender.server_errors,
             "last": {"%s|%s" % (user_id(u), s): v for (u, s), v in sender.last.items()}}
    with open(args.state, "w") as out:
        json.dump(state, out)


def master_view(url, key, master_user):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        connection.request("GET", "/users/%s/subscriptions" % master_user, headers={"Authorization": "Bearer " + key})
        response = connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit("Master answered %d for %s: %s" % (response.status, master_user, body[:200]))
        return {s["serviceId"]: s for s in json.loads(body)["subscriptions"]}
    finally:
        connection.close()


def compare_figures(args):
    """Master's view of every state row against the row and against the last accepted change: the figures compare
    prints, as a dict."""
    prefix = getattr(args, "user_prefix", None) or ""
    if not all(c in "0123456789abcdef-" for c in prefix):
        raise SystemExit("--user-prefix: hex digits and dashes only, was %r" % prefix)
    rows = subprocess.run(["psql", *args.psql, "-qAt", "-F", "\t", "-c", """
        SELECT s.mvp_user_id, a.master_user_id, s.service_name, s.plan_code, s.status,
               to_char(s.start_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               coalesce(to_char(s.end_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), ''),
               m.master_service_id, m.master_plan_tier, s.sync_status
        FROM subsync.subscription_sync_state s
        JOIN subsync.account_sync a ON a.mvp_user_id = s.mvp_user_id
        LEFT JOIN subsync.service_plan_mapping m ON m.mvp_service_name = s.service_name AND m.mvp_plan_code = s.plan_code
        WHERE s.mvp_user_id::text LIKE '%s%%'
        ORDER BY 1, 3""" % prefix], check=True, capture_output=True, text=True).stdout.splitlines()
    with open(args.state) as source:
        state = json.load(source)
    url = urllib.parse.urlsplit(args.master)
    views = {}
    equal, different, lost, samples = 0, 0, 0, []
    for row in rows:
        user, master, service, plan, status, start, end, service_id, tier, sync_status = row.split("\t")
        if master not in views:
            views[master] = master_view(url, args.key, master)
        at_master = views[master].get(service_id)
        problems = []
        if at_master is None:
            problems.append("Master has none")
        else:
            if at_master["planTier"] != tier or at_master["status"] != status:
                problems.append("Master has %s/%s" % (at_master["planTier"], at_master["status"]))
            if instant(at_master.get("startDate")) != instant(start):
                problems.append("Master's startDate %s" % at_master.get("startDate"))
            if end and instant(at_master.get("endDate")) != instant(end):
                problems.append("Master's endDate %s" % at_master.get("endDate"))
        sent = state["last"].get("%s|%s" % (user, service))
        if sent is not None and (sent["plan"] != plan or sent["status"] != status
                                 or instant(sent["startDate"]) != instant(start)
                                 or instant(sent["endDate"]) != instant(end or None)):
            lost += 1
            problems.append("the last accepted change was %s/%s" % (sent["plan"], sent["status"]))
        if problems:
            different += 1
            if len(samples) < args.samples:
                samples.append("  %s/%s: MVP %s/%s%s (%s); %s" % (user, service, tier, status, " ending " + end if end else "",
                                                                 sync_status, ", ".join(problems)))
        else:
            equal += 1
    return {"state": state, "rows": len(rows), "equal": equal, "different": different, "lost": lost,
            "samples": samples}


def compare(args):
    figures = compare_figures(args)
    state = figures["state"]
    print()
    print("%-40s %10s" % ("convergence under kill -9 and faults", ""))
    print("%-40s %10d" % ("syncs accepted", state["accepted"]))
    print("%-40s %10d" % ("changes resent (no answer or a 5xx)", state["resent"]))
    print("%-40s %10d" % ("attempts unanswered", state["unanswered"]))
    print("%-40s %10d" % ("attempts answered 5xx", state["serverErrors"]))
    print("%-40s %10d" % ("kills (kill -9)", args.kills))
    print("%-40s %10d" % ("pairs compared", figures["rows"]))
    print("%-40s %10d" % ("pairs equal", figures["equal"]))
    print("%-40s %10d   (must be 0)" % ("pairs different", figures["different"]))
    print("%-40s %10d   (must be 0)" % ("accepted changes not in the state row", figures["lost"]))
    if figures["rows"] != len(state["last"]):
        print("pairs changed by the client: %d, state rows: %d" % (len(state["last"]), figures["rows"]))
    if figures["samples"]:
        print("\nfirst differences:")
        print("\n".join(figures["samples"]))
    return 0 if figures["different"] == 0 and figures["lost"] == 0 and figures["rows"] == len(state["last"]) else 1


def send_arguments(s):
    """The arguments of `send`, here and in ha/failover.py."""
    s.add_argument("--urls", required=True, help="the instances, comma-separated")
    s.add_argument("--token", required=True)
    s.add_argument("--users", type=int, required=True)
    s.add_argument("--syncs", type=int, required=True)
    s.add_argument("--clients", type=int, default=8)
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--in-request-wait", type=float, default=2)
    s.add_argument("--state", required=True, help="the state file (the last accepted change per pair)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    s = commands.add_parser("send")
    send_arguments(s)
    c = commands.add_parser("compare")
    c.add_argument("--master", required=True)
    c.add_argument("--key", required=True)
    c.add_argument("--state", required=True)
    c.add_argument("--kills", type=int, default=0)
    c.add_argument("--samples", type=int, default=20)
    c.add_argument("--user-prefix", help="compare only the users whose id starts so (other users are a script's own)")
    c.add_argument("psql", nargs=argparse.REMAINDER, help="after --: psql's connection arguments")
    args = parser.parse_args()
    if args.command == "send":
        send(args)
        return 0
    args.psql = [a for a in args.psql if a != "--"]
    return compare(args)


if __name__ == "__main__":
    sys.exit(main())
