// Command gencorpus writes a fictitious corpus of notices (示例县, 样本镇0001)
// into a folder for benchmarks. Never point -out at the site's data/.
//
//	go run ./bench/gencorpus -townships 1000 -out /tmp/corpus
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
	flag.IntVar(&o.Findings, "findings", 60, "findings per notice")
	flag.Int64Var(&o.Seed, "seed", 1, "random seed")
	flag.Parse()
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
