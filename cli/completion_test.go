package cli

import (
	"strings"
	"testing"
)

func TestCompletion(t *testing.T) {
	for _, shell := range completionShells {
		r := runCLI(t, "completion", shell)
		if r.code != 0 || !strings.Contains(r.stdout, "dateline") {
			t.Errorf("completion %s: exit %d, %d bytes, stderr %q", shell, r.code, len(r.stdout), r.stderr)
		}
	}
	for _, args := range [][]string{{"completion", "tcsh"}, {"completion"}, {"completion", "bash", "zsh"}} {
		r := runCLI(t, args...)
		if r.code != ExitUsage || !strings.Contains(r.stderr, "bash, zsh, fish, powershell") || r.stdout != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 naming the shells", args, r.code, r.stdout, r.stderr)
		}
	}
}
