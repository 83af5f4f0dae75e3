#!/usr/bin/env python3
"""Small parsers for bench/run.sh (standard library only): wrk results, PostgreSQL log segments,
GC logs, percentiles. Each subcommand prints plain words that the shell reads."""

import html
import json
import re
import statistics
import sys
import urllib.parse

# A log line of the PostgreSQL cluster starts with its timestamp (log_line_prefix '%m [%p] %q%u@%d ');
# a line that does not is the continuation of the previous message (a multi-line statement or plan).
LOG_START = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
# What log_statement=all writes: "statement: ..." (simple protocol) or "execute S_1: ..." (extended).
STATEMENT = re.compile(r"LOG:\s+(?:statement|execute [^:]*):\s*(.*)$")
TX_CONTROL = re.compile(r"^(BEGIN|START TRANSACTION|COMMIT|ROLLBACK|END|SET|RESET|SHOW|SAVEPOINT|RELEASE)\b",
                        re.IGNORECASE)


def log_records(path, database):
    """The log's messages (header line + continuation lines) written by a session on `database`."""
    records, current = [], None
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if LOG_START.match(line):
                current = [line] if f"@{database} " in line else None
                if current is not None:
                    records.append(current)
            elif current is not None:
                current.append(line)
    return records


def cmd_statements(path, database):
    """Prints "<all statements> <transaction control>" for a log segment. The empty
    statement the driver sends to check an idle pooled connection is not counted: it
    belongs to the pool, not to the page, and it does not happen under load."""
    total = control = 0
    for record in log_records(path, database):
        match = STATEMENT.search(record[0])
        if match and (match.group(1).strip() or "".join(record[1:]).strip()):
            total += 1
            if TX_CONTROL.match(match.group(1).strip()):
                control += 1
    print(total, control)


def cmd_statement_list(path, database):
    """The statements of a log segment, one per paragraph, for the raw output."""
    for record in log_records(path, database):
        match = STATEMENT.search(record[0])
        if match:
            print(match.group(1).strip() + "".join(record[1:]).rstrip())
            print()


def cmd_plans(path, database):
    """The auto_explain plans of a log segment, as written in the log."""
    for record in log_records(path, database):
        if "plan:" in record[0]:
            print("".join(record).rstrip())
            print()


def cmd_wrk(path):
    """Prints "<req/s> <p50 ms> <p95 ms> <p99 ms> <errors> <requests>" from wrk's output with page.lua."""
    with open(path, encoding="utf-8", errors="replace") as out:
        for line in out:
            if line.startswith("BENCH_RESULT"):
                fields = dict(item.split("=") for item in line.split()[1:])
                f = {k: int(v) for k, v in fields.items()}
                seconds = f["duration_us"] / 1e6
                errors = f["unexpected"] + f["socket"] + f["timeouts"]
                print(f"{f['requests'] / seconds:.1f} {f['p50_us'] / 1000:.2f} {f['p95_us'] / 1000:.2f} "
                      f"{f['p99_us'] / 1000:.2f} {errors} {f['requests']}")
                return
    print("0 0 0 0 -1 0")


def cmd_agree(a, b, percent):
    """Exit 0 when the two rates are within `percent` % of each other (of their mean)."""
    a, b, p = float(a), float(b), float(percent)
    mean = (a + b) / 2
    sys.exit(0 if mean > 0 and abs(a - b) / mean * 100 <= p else 1)


def cmd_median_line(*lines):
    """Given wrk summary lines ("<req/s> ..."), prints the one with the median req/s."""
    rows = sorted((line.split() for line in lines), key=lambda row: float(row[0]))
    print(" ".join(rows[len(rows) // 2]))


def cmd_percentiles():
    """Reads seconds, one per line, from stdin; prints "<p50 ms> <p95 ms> <max ms> <n>"."""
    values = sorted(float(v) * 1000 for v in sys.stdin.read().split())
    if not values:
        print("- - - 0")
        return

    def pct(p):  # nearest rank
        return values[max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))]

    print(f"{pct(50):.1f} {pct(95):.1f} {values[-1]:.1f} {len(values)}")


def cmd_gc(path, serving_after="0"):
    """Prints "<max pause ms> <pauses> <collector> <max pause ms while serving>" from a
    -Xlog:gc log: the last counts only pauses later than serving_after seconds of uptime
    (the start-up), since start-up's class loading brings metadata collections of its own."""
    pauses, serving, collector = [], [], "?"
    after = float(serving_after)
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if "Using " in line and "[gc" in line:
                collector = line.rsplit("Using ", 1)[1].strip().replace(" ", "-")
            match = re.search(r"Pause.* (\d+(?:\.\d+)?)ms\s*$", line)
            if match:
                pauses.append(float(match.group(1)))
                uptime = re.match(r"\[(\d+(?:\.\d+)?)s\]", line)
                if uptime and float(uptime.group(1)) > after:
                    serving.append(float(match.group(1)))
    print(f"{max(pauses) if pauses else 0:.1f} {len(pauses)} {collector} {max(serving) if serving else 0:.1f}")


def cmd_csrf(path):
    """The value of the first hidden input named _csrf in an HTML page."""
    with open(path, encoding="utf-8", errors="replace") as page:
        text = page.read()
    for tag in re.findall(r"<input[^>]*>", text):
        if re.search(r'name="_csrf"', tag):
            value = re.search(r'value="([^"]*)"', tag)
            if value:
                print(html.unescape(value.group(1)))
                return
    sys.exit("no _csrf input in " + path)


def cmd_urlencode(value):
    print(urllib.parse.quote(value, safe=""))


def cmd_json(value):
    print(json.dumps(value))


COMMANDS = {name[4:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("cmd_")}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit("usage: bench.py {" + ",".join(COMMANDS) + "} ...")
    COMMANDS[sys.argv[1]](*sys.argv[2:])
