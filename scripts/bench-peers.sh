#!/usr/bin/env bash
# dateline beside its peers on the same data and the same question, in one run:
# the items naming an actor, and the items whose text holds a word, on a
# 1M-event NDJSON story and a 1M-event ACLED CSV from `dateline gen` (with -f
# parquet, gen's Parquet, story.parquet, where a week's events are a third
# question, for DuckDB and dateline: the others read no Parquet). Every tool
# writes the matching records (to a temp file); the table gives its wall time,
# peak RSS, the records it kept, and its time over dateline's.
#
# Usage: scripts/bench-peers.sh [-n RUNS] [-e EVENTS] [-b BINARY] [-d DATADIR] [-f ndjson,csv] [-t TOOLS]
#   -n RUNS     runs of each command, median reported (default 1)
#   -e EVENTS   events in the generated files (default 1000000)
#   -b BINARY   the dateline binary (default: go build of this checkout)
#   -d DATADIR  reuse story.ndjson / acled.csv there (generated if missing,
#               then kept); without -d they go to a temp dir removed at the end
#   -f FORMATS  default ndjson,csv; parquet too
#   -t TOOLS    default dateline,duckdb,python,jq,fzf,visidata
# Environment: ACTOR_NDJSON (default group-770), ACTOR_CSV (dateline's id for
# it in the CSV, default people-s-militia-of-galvia-770), ACTOR_NAME_CSV (its
# name in the CSV's actor columns, default "People's Militia of Galvia (770)"),
# WORD (default ambush), ACTOR_PARQUET and ACTOR_NAME_PARQUET (default
# government-of-arvania, "Government of Arvania"), WEEK (default
# 2021-03-01/2021-03-07).
#
# Installs what is missing: jq, fzf, visidata, time from Debian (apt-get, as
# root), and @duckdb/node-api with npm into ${XDG_CACHE_HOME:-~/.cache}/dateline-bench/duckdb.
# Needs node and npm for DuckDB, python3 for the scan and VisiData.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

runs=1 events=1000000 bin="" datadir="" formats="ndjson,csv" tools="dateline,duckdb,python,jq,fzf,visidata"
while getopts "n:e:b:d:f:t:" o; do
	case $o in
	n) runs=$OPTARG ;; e) events=$OPTARG ;; b) bin=$OPTARG ;; d) datadir=$OPTARG ;;
	f) formats=$OPTARG ;; t) tools=$OPTARG ;;
	*) sed -n '2,27p' "$0" >&2; exit 2 ;;
	esac
done
word=${WORD:-ambush}
actor_ndjson=${ACTOR_NDJSON:-group-770}
actor_csv=${ACTOR_CSV:-people-s-militia-of-galvia-770}
actor_name_csv=${ACTOR_NAME_CSV:-"People's Militia of Galvia (770)"}
actor_parquet=${ACTOR_PARQUET:-government-of-arvania}
actor_name_parquet=${ACTOR_NAME_PARQUET:-"Government of Arvania"}
week=${WEEK:-2021-03-01/2021-03-07}

need=()
[ -x /usr/bin/time ] || need+=(time)
command -v jq >/dev/null || need+=(jq)
command -v fzf >/dev/null || need+=(fzf)
command -v vd >/dev/null || need+=(visidata)
if [ ${#need[@]} -gt 0 ]; then
	echo "installing ${need[*]} from Debian" >&2
	apt-get install -y "${need[@]}" >&2 || apt-get update >&2 && apt-get install -y "${need[@]}" >&2
fi
duckdir=${XDG_CACHE_HOME:-$HOME/.cache}/dateline-bench/duckdb
if [[ ,$tools, == *,duckdb,* ]] && [ ! -d "$duckdir/node_modules/@duckdb/node-api" ]; then
	echo "installing @duckdb/node-api into $duckdir" >&2
	mkdir -p "$duckdir"
	(cd "$duckdir" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund @duckdb/node-api >&2)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/dateline-bench-peers.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
	go build -o "$work/dateline" .
	bin=$work/dateline
fi
[ -n "$datadir" ] || datadir=$work/data
mkdir -p "$datadir"
[[ ,$tools, == *,duckdb,* ]] && cp scripts/peer-duckdb.mjs "$duckdir/"

# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh

# vdj QUESTION KIND SHEET: a VisiData command log that selects the matching
# rows and makes a sheet of them (saved by vd -b -o).
vdj() {
	python3 - "$@" "$word" "$actor_ndjson" "$actor_name_csv" <<'EOF'
import json, sys
question, kind, sheet, word, actor, name = sys.argv[1:]
def cmd(longname, keys, col="", inp=""):
    print(json.dumps({"sheet": sheet, "col": col, "row": "", "longname": longname,
                      "input": inp, "keystrokes": keys, "comment": ""}))
print("#!vd -p")
if question == "actor" and kind == "ndjson":
    cmd("select-expr", "z|", inp="speaker == %r or %r in str(actors)" % (actor, repr(actor)))
elif question == "actor":
    cmd("select-expr", "z|", inp="actor1 == %r or actor2 == %r or %r in str(assoc_actor_1).split('; ') or %r in str(assoc_actor_2).split('; ')" % (name, name, name, name))
elif kind == "ndjson":
    for col in ("title", "summary", "quote"):
        cmd("select-col-regex", "|", col=col, inp="(?i)" + word)
else:
    for col in ("sub_event_type", "location", "notes"):
        cmd("select-col-regex", "|", col=col, inp="(?i)" + word)
cmd("dup-selected", '"')
EOF
}

# run TOOL KIND QUESTION FILE: prints "seconds kib rows", or "fail MESSAGE".
run() {
	local tool=$1 kind=$2 question=$3 file=$4 arg out=$work/out i
	local -a cmd
	case $question in
	actor)
		arg=$actor_ndjson
		[ "$kind" = csv ] && arg=$actor_csv
		[ "$kind" = parquet ] && arg=$actor_parquet ;;
	week) arg=$week ;;
	*) arg=$word ;;
	esac
	if [ "$kind" = parquet ] && [ "$tool" != dateline ] && [ "$tool" != duckdb ]; then
		echo "n/a $tool reads no Parquet"
		return
	fi
	case $tool in
	dateline)
		case $question in
		actor) cmd=("$bin" list --format ndjson --actor "$arg" "$file") ;;
		week) cmd=("$bin" list --format ndjson --since "${arg%/*}" --until "${arg#*/}" "$file") ;;
		*) cmd=("$bin" list --format ndjson --search "$arg" "$file") ;;
		esac ;;
	duckdb)
		[ "$kind" = csv ] && [ "$question" = actor ] && arg=$actor_name_csv
		[ "$kind" = parquet ] && [ "$question" = actor ] && arg=$actor_name_parquet
		cmd=(node "$duckdir/peer-duckdb.mjs" "$kind" "$question" "$arg" "$file") ;;
	python)
		[ "$kind" = csv ] && [ "$question" = actor ] && arg=$actor_name_csv
		cmd=(python3 "$repo/scripts/peer-scan.py" "$kind" "$question" "$arg" "$file") ;;
	jq)
		[ "$kind" = csv ] && { echo "n/a jq reads JSON only"; return; }
		if [ "$question" = actor ]; then
			cmd=(jq -c --arg a "$arg" 'select(.speaker == $a or any(.actors[]?; .actor == $a))' "$file")
		else
			cmd=(jq -c --arg w "$arg" 'select((.type == "event" or .type == "statement") and ([.title, .summary, .quote] | map(. // "") | join(" ") | ascii_downcase | contains($w | ascii_downcase)))' "$file")
		fi ;;
	fzf)
		# fzf matches whole lines: the id with its quotes, or the CSV name.
		local q=$arg
		[ "$question" = actor ] && [ "$kind" = ndjson ] && q="\"$arg\""
		[ "$question" = actor ] && [ "$kind" = csv ] && q=$actor_name_csv
		q=${q// /\\ }
		cmd=(sh -c 'exec fzf -e --filter "$1" <"$2"' fzf "$q" "$file") ;;
	visidata)
		local sheet
		sheet=$(basename "$file")
		sheet=${sheet%.*}
		vdj "$question" "$kind" "$sheet" >"$work/cmd.vdj"
		local ft=jsonl
		[ "$kind" = csv ] && ft=csv
		out=$work/out.jsonl
		cmd=(vd -b -f "$ft" -p "$work/cmd.vdj" -o "$out" "$file") ;;
	esac
	: >"$work/wall" && : >"$work/rss"
	for ((i = 0; i < runs; i++)); do
		rm -f "$out"
		warm "$file"
		if ! /usr/bin/time -v -o "$work/tv" "${cmd[@]}" >"$work/out" 2>"$work/err"; then
			echo "fail $(tail -c 300 "$work/err" | tr '\n|' ' /')"
			return
		fi
		awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for (j=1;j<=n;j++) s=s*60+p[j]; print s}' "$work/tv" >>"$work/wall"
		awk -F': ' '/Maximum resident set size/ {print $2}' "$work/tv" >>"$work/rss"
	done
	local rows
	rows=$(wc -l <"$out")
	# a CSV written by the python scan has a header
	[ "$tool" = python ] && [ "$kind" = csv ] && rows=$((rows - 1))
	echo "$(median <"$work/wall") $(median <"$work/rss") $rows"
}

rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $rev, binary $bin"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(go version 2>/dev/null | awk '{print $3}' || echo 'go ?'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Versions: DuckDB $(node -p "require('$duckdir/node_modules/@duckdb/node-api/package.json').version" 2>/dev/null || echo '?'), $(python3 --version 2>&1), $(jq --version 2>&1), fzf $(fzf --version 2>&1 | awk '{print $1}'), VisiData $(vd --version 2>&1 | sed 's/.*v//'). Medians of $runs run(s)."
echo
echo "| file | question | tool | wall time | peak RSS | records | time / dateline's |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
IFS=, read -ra fmts <<<"$formats"
IFS=, read -ra tls <<<"$tools"
for kind in "${fmts[@]}"; do
	file=$(file_of "$kind")
	name="$kind $(awk -v s="$(stat -L -c %s "$file")" 'BEGIN{printf "%.0f MB", s/1e6}')"
	questions=(actor word)
	[ "$kind" = parquet ] && questions+=(week)
	for question in "${questions[@]}"; do
		case $question in
		actor) qd="actor $(case $kind in csv) echo "$actor_csv" ;; parquet) echo "$actor_parquet" ;; *) echo "$actor_ndjson" ;; esac)" ;;
		week) qd="the events overlapping $week" ;;
		*) qd="text holds \"$word\"" ;;
		esac
		base=""
		for tool in "${tls[@]}"; do
			res=$(run "$tool" "$kind" "$question" "$file")
			case $res in
			fail*) echo "| $name | $qd | $tool | failed: ${res#fail } | | | |"; continue ;;
			n/a*) echo "| $name | $qd | $tool | ${res#n/a } | | | |"; continue ;;
			esac
			read -r t r n <<<"$res"
			[ "$tool" = dateline ] && base=$t
			ratio=""
			[ -n "$base" ] && ratio=$(awk -v t="$t" -v b="$base" 'BEGIN{printf "%.2f ×", t/b}')
			echo "| $name | $qd | $tool | $(secs "$t") | $(mib "$r") | $n | $ratio |"
		done
	done
done
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
