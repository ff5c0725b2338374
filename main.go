// Command dateline is a terminal timeline explorer for news stories and
// event data: who did and said what, when, and where each actor stands.
package main

import (
	"fmt"
	"os"
	"runtime/debug"
)

func main() {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "dateline crashed: %v\n%s\n\n%s\n", r, debug.Stack(), crashHint)
			os.Exit(exitUsage)
		}
	}()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
