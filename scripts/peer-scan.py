#!/usr/bin/env python3
"""A plain python3 streaming scan: the peer of one `dateline list` question.

Usage: peer-scan.py ndjson|csv actor|word ARG FILE  (matching records to stdout)

ndjson: a dateline story, one object a line. "actor ARG" keeps events naming
ARG in their actors and statements spoken by ARG; "word ARG" keeps events and
statements whose title, summary or quote contains ARG, ignoring (ASCII) case.
A cheap test of the raw line comes first; only lines that pass it are parsed.
csv: an ACLED export. "actor ARG" keeps rows whose actor1 or actor2 is ARG, or
whose assoc_actor_1/2 lists it; "word ARG" keeps rows whose sub_event_type,
location or notes contain ARG, ignoring case. Rows are read with the csv module.
"""
import csv
import json
import sys


def ndjson(question, arg, path, out):
    if question == "actor":
        needle = json.dumps(arg).encode()
    else:
        needle = arg.lower().encode()
    with open(path, "rb") as f:
        for line in f:
            if question == "actor":
                if needle not in line:
                    continue
                o = json.loads(line)
                if o.get("speaker") == arg or any(a.get("actor") == arg for a in o.get("actors") or ()):
                    out.write(line)
            else:
                if needle not in line.lower():
                    continue
                o = json.loads(line)
                if o.get("type") not in ("event", "statement"):
                    continue
                text = " ".join(o.get(k) or "" for k in ("title", "summary", "quote"))
                if arg.lower() in text.lower():
                    out.write(line)


def acled(question, arg, path, out):
    w = csv.writer(out)
    low = arg.lower()
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.DictReader(f)
        w.writerow(r.fieldnames)
        for row in r:
            if question == "actor":
                ok = (row["actor1"] == arg or row["actor2"] == arg
                      or arg in row["assoc_actor_1"].split("; ")
                      or arg in row["assoc_actor_2"].split("; "))
            else:
                ok = low in (row["sub_event_type"] + " " + row["location"] + " " + row["notes"]).lower()
            if ok:
                w.writerow(row.values())


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("ndjson", "csv") or sys.argv[2] not in ("actor", "word"):
        sys.exit(__doc__)
    kind, question, arg, path = sys.argv[1:]
    if kind == "ndjson":
        ndjson(question, arg, path, sys.stdout.buffer)
    else:
        sys.stdout.reconfigure(newline="")
        acled(question, arg, path, sys.stdout)


if __name__ == "__main__":
    main()
