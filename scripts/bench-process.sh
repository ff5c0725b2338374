#!/usr/bin/env bash
# What the user waits for: whole-process wall time and peak memory of the
# dateline commands, and of the explorer's first row and first search on a
# pseudo-terminal, on a 1M-event NDJSON story and a 1M-event ACLED CSV.
#
# Usage: scripts/bench-process.sh [-n RUNS] [-e EVENTS] [-b BINARY] [-d DATADIR] [-f ndjson,csv] [-q]
#   -n RUNS     runs of each command; the median is reported (default 3)
#   -e EVENTS   events in the generated files (default 1000000)
#   -b BINARY   the dateline binary to measure (default: go build of this checkout)
#   -d DATADIR  reuse story.ndjson / acled.csv there (generated if missing, and
#               then kept); without -d they go to a temp dir removed at the end
#   -f FORMATS  which files to measure (default ndjson,csv; parquet: gen's
#               Parquet, story.parquet, with -e 2000000 for issue 15's file)
#   -q          quick: leave out the unfiltered list in every format but text
# Environment: ACTOR_NDJSON, ACTOR_CSV (the --actor IDs; defaults are a leaf
# actor of `gen --seed 1` at 1M in each format, the same group, named in about
# a fifth of the events), WORD (the --search text, default
# "ambush"), SKIP_UI=1 leaves the explorer out, ONLY_UI=1 measures only it.
#
# Prints a Markdown table: median wall time, median peak RSS (from
# /usr/bin/time -v's "Maximum resident set size"), and peak RSS / file size.
# Needs /usr/bin/time and tmux (apt-get install -y time tmux, done here if
# missing and we are root), perl (Debian's perl-base: scripts/wait-screen.pl), and
# Go unless -b is given.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3 events=1000000 bin="" datadir="" formats="ndjson,csv" quick=0
while getopts "n:e:b:d:f:q" o; do
	case $o in
	n) runs=$OPTARG ;; e) events=$OPTARG ;; b) bin=$OPTARG ;; d) datadir=$OPTARG ;;
	f) formats=$OPTARG ;; q) quick=1 ;;
	*) sed -n '2,25p' "$0" >&2; exit 2 ;;
	esac
done
word=${WORD:-ambush}
word_re=$(printf '%s' "$word" | sed 's/[][\\.^$*+?(){}|/]/\\&/g') # as a Perl pattern
actor_ndjson=${ACTOR_NDJSON:-group-770}
actor_csv=${ACTOR_CSV:-people-s-militia-of-galvia-770}
actor_parquet=${ACTOR_PARQUET:-government-of-arvania}

need=()
[ -x /usr/bin/time ] || need+=(time)
command -v tmux >/dev/null || need+=(tmux)
if [ ${#need[@]} -gt 0 ]; then
	echo "installing ${need[*]} from Debian" >&2
	apt-get install -y "${need[@]}" >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/dateline-bench-process.XXXXXX")
sock="dateline-bench-$$"
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock" # left by a server that ended on its own
	rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$bin" ]; then
	go build -o "$work/dateline" .
	bin=$work/dateline
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
[ -n "$datadir" ] || datadir=$work/data
mkdir -p "$datadir"

# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh
minmax() { sort -g | awk 'NR==1{lo=$1} {hi=$1} END {print lo "–" hi}'; }

# measure LABEL FILE CMD...: runs CMD $runs times under /usr/bin/time -v,
# stdout to /dev/null, and prints one table row.
measure() {
	local label=$1 file=$2 i t r
	shift 2
	: >"$work/wall" && : >"$work/rss"
	for ((i = 0; i < runs; i++)); do
		warm "$file"
		if ! /usr/bin/time -v -o "$work/tv" "$@" >/dev/null 2>"$work/err" && [ -z "${MAY_FAIL:-}" ]; then
			echo "| $label | failed: $(head -c 200 "$work/err" | tr '\n|' ' /') | | | |"
			return
		fi
		awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for (j=1;j<=n;j++) s=s*60+p[j]; print s}' "$work/tv" >>"$work/wall"
		awk -F': ' '/Maximum resident set size/ {print $2}' "$work/tv" >>"$work/rss"
	done
	t=$(median <"$work/wall")
	r=$(median <"$work/rss")
	local size
	size=$(stat -L -c %s "$file")
	printf '| %s | %s (%s s) | %s | %.2f × |\n' "$label" "$(secs "$t")" \
		"$(minmax <"$work/wall" | awk -F'–' '{printf "%.1f–%.1f", $1, $2}')" \
		"$(mib "$r")" "$(awk -v r="$r" -v s="$size" 'BEGIN{print r*1024/s}')"
}

now() { echo "$EPOCHREALTIME"; }
exec {idle}<> <(:) # a pipe nobody writes to: read -t on it is a sleep
# watch: starts scripts/wait-screen.pl on the session "bench", which looks
# at its screen each time dateline writes to it, through one tmux client in
# control mode: it takes next to no processor time from the program
# measured. (A loop of capture-pane every 10 ms, used before, took half of
# one of the machine's 2 cores, and made the explorer's first row late by
# up to half: 10-13 s for the 2M Parquet file where it takes 6.5-7.3 s
# watched this way.)
watch() {
	rm -f "$work/ask" "$work/answer" && mkfifo "$work/ask" "$work/answer"
	exec {ask}<>"$work/ask" {answer}<>"$work/answer"
	perl scripts/wait-screen.pl "$sock" bench <"$work/ask" >"$work/answer" {ask}>&- {answer}>&- &
	waiter=$!
}
# unwatch: ends the waiter, once its session has ended.
unwatch() {
	kill "$waiter" 2>/dev/null || true
	wait "$waiter" 2>/dev/null || true
	exec {ask}>&- {answer}<&-
}
# wait_for REGEX TIMEOUT: waits until REGEX (Perl's, matched against the
# whole screen) shows; prints the time it showed, or fails.
wait_for() {
	local reply
	printf '%s %s\n' "$2" "$1" >&"$ask"
	read -r -t $(($2 + 5)) reply <&"$answer" && [ "$reply" = match ] || return 1
	now
}

# explorer LABEL FILE: the first timeline row, then "/WORD" typed at once
# and the status bar's match count; medians of $runs.
first_row_re=${FIRST_ROW_RE:-'(^|\n)┃ ▌ '}
explorer() {
	local label=$1 file=$2 i t0 t1 tl t2 tk tf pid hwm
	tmux -L "$sock" has-session -t keep 2>/dev/null ||
		tmux -L "$sock" new-session -d -s keep -x 120 -y 40 'sleep 86400'
	: >"$work/first" && : >"$work/land" && : >"$work/search" && : >"$work/floor" && : >"$work/hwm"
	for ((i = 0; i < runs; i++)); do
		warm "$file"
		t0=$(now)
		tmux -L "$sock" new-session -d -s bench -x 120 -y 40 "exec env TERM=xterm-256color '$bin' '$file'"
		pid=$(tmux -L "$sock" display -p -t bench '#{pane_pid}')
		watch
		if ! t1=$(wait_for "$first_row_re" 120); then
			echo "| $label: first row | not seen in 120 s | | |"
			tmux -L "$sock" kill-session -t bench 2>/dev/null || true
			unwatch
			return
		fi
		tmux -L "$sock" send-keys -t bench /
		tmux -L "$sock" send-keys -t bench -l "$word"
		# The first match shows (the status says it is counting the rest),
		# then the count.
		if ! tl=$(wait_for "/$word_re: (counting the matches|match [0-9,]+ of [0-9,]+|[0-9,]+ match|no match)" 120); then
			tl=$(awk -v a="$t1" 'BEGIN{printf "%.3f", a+120}')
		fi
		if ! t2=$(wait_for "/$word_re: (match [0-9,]+ of [0-9,]+|[0-9,]+ match|no match)" 120); then
			t2=$(awk -v a="$t1" 'BEGIN{printf "%.3f", a+120}')
		fi
		hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
		# The floor of the two rows above: a key that asks no work of
		# dateline (? opens the help), sent and seen the same way, once
		# enter has closed the find's prompt.
		tmux -L "$sock" send-keys -t bench Enter
		read -rt 0.3 -u "$idle" || true
		tk=$(now)
		tmux -L "$sock" send-keys -t bench '?'
		if ! tf=$(wait_for "Keys" 20); then
			tf=$(awk -v a="$tk" 'BEGIN{printf "%.3f", a+20}')
		fi
		tmux -L "$sock" kill-session -t bench 2>/dev/null || true
		unwatch
		awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}' >>"$work/first"
		awk -v a="$t1" -v b="$tl" 'BEGIN{print b-a}' >>"$work/land"
		awk -v a="$t1" -v b="$t2" 'BEGIN{print b-a}' >>"$work/search"
		awk -v a="$tk" -v b="$tf" 'BEGIN{print b-a}' >>"$work/floor"
		echo "$hwm" >>"$work/hwm"
		sleep 0.5
	done
	local size r
	size=$(stat -L -c %s "$file")
	r=$(median <"$work/hwm")
	printf '| %s: the first row | %s (%s s) | %s | %.2f × |\n' "$label" "$(secs "$(median <"$work/first")")" \
		"$(minmax <"$work/first" | awk -F'–' '{printf "%.2f–%.2f", $1, $2}')" "$(mib "$r")" \
		"$(awk -v r="$r" -v s="$size" 'BEGIN{print r*1024/s}')"
	printf '| %s: `/%s` typed as the rows show, until its first match shows | %s (%s s) | | |\n' "$label" "$word" \
		"$(secs "$(median <"$work/land")")" "$(minmax <"$work/land" | awk -F'–' '{printf "%.2f–%.2f", $1, $2}')"
	printf '| %s: `/%s` typed as the rows show, until its count shows | %s (%s s) | | |\n' "$label" "$word" \
		"$(secs "$(median <"$work/search")")" "$(minmax <"$work/search" | awk -F'–' '{printf "%.2f–%.2f", $1, $2}')"
	printf '| %s: `?` typed once the count shows, until the help shows (the terminal round trip: the floor of the two rows above) | %s (%s s) | | |\n' "$label" \
		"$(secs "$(median <"$work/floor")")" "$(minmax <"$work/floor" | awk -F'–' '{printf "%.2f–%.2f", $1, $2}')"
}

rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at commit $rev$dirty, binary $bin"
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(go version 2>/dev/null | awk '{print $3}' || echo 'go ?'), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Medians of $runs runs; the range in brackets. --actor ${actor_ndjson} (NDJSON) / ${actor_csv} (CSV) / ${actor_parquet} (Parquet), --search $word."
echo
echo "| what the user runs | wall time (range) | peak RSS | peak / file |"
echo "| --- | --- | --- | --- |"
IFS=, read -ra fmts <<<"$formats"
for fmt in "${fmts[@]}"; do
	file=$(file_of "$fmt")
	actor=$actor_ndjson
	[ "$fmt" = csv ] && actor=$actor_csv
	[ "$fmt" = parquet ] && actor=$actor_parquet
	name="$fmt $(awk -v s="$(stat -L -c %s "$file")" 'BEGIN{printf "%.0f MB", s/1e6}')"
	[ -n "${SKIP_UI:-}" ] || explorer "$name, explorer" "$file"
	[ -z "${ONLY_UI:-}" ] || continue
	measure "$name: \`validate\`" "$file" "$bin" validate "$file"
	for f in text json ndjson csv markdown; do
		if [ "$quick" = 0 ] || [ "$f" = text ]; then
			measure "$name: \`list --format $f\`" "$file" "$bin" list --format "$f" "$file"
		fi
		measure "$name: \`list --format $f --actor $actor\`" "$file" "$bin" list --format "$f" --actor "$actor" "$file"
		measure "$name: \`list --format $f --search $word\`" "$file" "$bin" list --format "$f" --search "$word" "$file"
	done
	MAY_FAIL=1 measure "$name: \`list --actor no-such-id\`" "$file" "$bin" list --actor no-such-id "$file"
	measure "$name: \`export --to json\`" "$file" "$bin" export --to json --force -o "$work/out.json" "$file"
	rm -f "$work/out.json"
	measure "$name: \`count --by month\`" "$file" "$bin" count --by month "$file"
done
echo
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
