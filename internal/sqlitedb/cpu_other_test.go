//go:build !unix

package sqlitedb

import "time"

// cpuTime is not measured here: BenchmarkWrite reports 0.
func cpuTime() time.Duration { return 0 }
