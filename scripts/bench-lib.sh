# Shared by bench-process.sh and bench-peers.sh: the 1M data files and the
# way figures are written. Expects $bin, $datadir and $events to be set.

file_of() { # file_of FORMAT: the data file, generated if missing
	local f
	case $1 in ndjson) f=$datadir/story.ndjson ;; csv) f=$datadir/acled.csv ;; parquet) f=$datadir/story.parquet ;; esac
	if [ ! -s "$f" ]; then
		echo "generating $f ($events events)" >&2
		"$bin" gen --events "$events" --format "$1" -o "$f" --force >&2
	fi
	echo "$f"
}

median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
secs() { awk -v s="$1" 'BEGIN { if (s < 1) printf "%.0f ms", s*1000; else if (s < 10) printf "%.2f s", s; else printf "%.1f s", s }'; }
mib() { awk -v k="$1" 'BEGIN { if (k >= 1048576) printf "%.2f GiB", k/1048576; else printf "%.0f MiB", k/1024 }'; }
# warm FILE: reads the file (every file of a directory), untimed, so that
# each run reads it from memory as the one before did: this VM pages out
# what was not touched for a minute (DAMON's pageout, the page cache too),
# and the first read of a 668 MB file from its disk took 1.6 s where the
# next took 0.1 s.
warm() { find -L "$1" -type f -exec cat {} + >/dev/null 2>&1 || true; }
