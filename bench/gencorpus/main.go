// Command gencorpus writes a fictitious corpus of notices (示例县, 样本镇0001)
// into a folder for benchmarks. Never point -out at the site's data/.
//
//	go run ./bench/gencorpus -townships 1000 -out /tmp/corpus
//	go run ./bench/gencorpus -townships 1000 -rounds 3 -repeat 0.1 -near 0.05 -out /tmp/corpus
//
// Every township has -rounds inspection rounds (one notice each; -notices
// is the same flag). In every round after the first, a share -repeat of
// the findings repeat one of the previous round slightly reworded (above
// the recurrence threshold, docs/themes.md), and a share -near open their
// problem text with a sentence of a previous finding's (most stay below).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gongshi/gongshi/internal/synth"
)

func main() {
	var o synth.Options
	out := flag.String("out", "", "folder to write the data files into (not data/)")
	seedText := flag.String("text", "seeds/000_e336554de99f7c35.txt", "the real notice whose sentences are recombined")
	flag.IntVar(&o.Townships, "townships", 1000, "townships")
	flag.IntVar(&o.Notices, "notices", 2, "notices per township (each on its own inspection)")
	flag.IntVar(&o.Notices, "rounds", 2, "inspection rounds per township (one notice each): the same as -notices")
	flag.Float64Var(&o.Repeat, "repeat", 0.1, "share of a later round's findings that repeat one of the previous round, reworded")
	flag.Float64Var(&o.Near, "near", 0.05, "share of a later round's findings whose problem text opens with a sentence of a previous finding's")
	flag.IntVar(&o.Findings, "findings", 60, "findings per notice")
	flag.Int64Var(&o.Seed, "seed", 1, "random seed")
	flag.Parse()
	if o.Repeat < 0 || o.Near < 0 || o.Repeat+o.Near > 1 {
		fmt.Fprintln(os.Stderr, "gencorpus: -repeat and -near are shares: each at least 0, together at most 1")
		os.Exit(2)
	}
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gencorpus: -out is required")
		os.Exit(2)
	}
	if abs, _ := filepath.Abs(*out); filepath.Base(abs) == "data" {
		fmt.Fprintln(os.Stderr, "gencorpus: refusing to write a fictitious corpus into a folder named data")
		os.Exit(2)
	}
	src, err := os.ReadFile(*seedText)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	ns := synth.Generate(o, synth.ParseText(string(src)))
	if err := synth.WriteDir(*out, ns); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d notices (%d townships × %d) into %s\n", len(ns), o.Townships, o.Notices, *out)
}
