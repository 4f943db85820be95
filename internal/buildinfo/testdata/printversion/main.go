// Command printversion prints buildinfo.Read's version and commit: the
// test of the release build's -ldflags -X names (ldflags_test.go).
package main

import (
	"fmt"

	"github.com/gongshi/gongshi/internal/buildinfo"
)

func main() {
	in := buildinfo.Read()
	fmt.Println(in.Version, in.Commit)
}
