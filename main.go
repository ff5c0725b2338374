// Command dateline is a terminal timeline explorer for news stories and
// event data: who did and said what, when, and where each actor stands.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
