// Command dateline is a terminal timeline explorer for news stories and
// event data: who did and said what, when, and where each actor stands.
// The commands live in cli/, the explorer in ui/, the domain in model/.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/dateline/dateline/cli"
)

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "dateline crashed: %v\n%s\n\n%s\n", r, debug.Stack(), cli.CrashHint)
			os.Exit(cli.ExitUsage)
		}
	}()
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
