#!/usr/bin/env bash
# Makes docs/screenshot.svg and docs/screenshot-positions.svg from the real
# binary: dateline runs in a private tmux server, keys are sent, the screen
# is captured with its colours, and freeze turns it into a picture.
# Needs tmux and Go; run from anywhere: scripts/screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/.."

freeze="go run github.com/charmbracelet/freeze@v0.2.2"
work=$(mktemp -d)
sock="dateline-shot-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock"; rm -rf "$work"' EXIT

go build -o "$work/dateline" .
tmux -L "$sock" new-session -d -x 120 -y 34 \
	"env TERM=xterm-256color COLORTERM=truecolor $work/dateline"
sleep 1

shot() { # shot NAME: capture the screen as docs/NAME.svg
	sleep 0.5
	tmux -L "$sock" capture-pane -e -p >"$work/$1.ansi"
	$freeze --language ansi --window=false --padding 20 --background "#17171c" \
		--output "docs/$1.svg" <"$work/$1.ansi" >/dev/null
	echo "wrote docs/$1.svg"
}

# The timeline on the ICC warrant, its detail beside it.
tmux -L "$sock" send-keys j j j j j j j
shot screenshot
# The positions matrix on Russia × warrant.
tmux -L "$sock" send-keys p j j j j j j
shot screenshot-positions
tmux -L "$sock" send-keys q q
