// Command rawsite writes a plain Hugo site of N markdown pages — the
// baseline that `gongshi build` is measured against: raw Hugo rendering the
// same number of pages, with text of the same kind (sentences of the seed
// notice recombined) and the most basic layouts.
//
//	go run ./bench/rawsite -pages 123000 -out /tmp/raw
package main

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"

	"github.com/gongshi/gongshi/internal/synth"
)

const config = `baseURL = "https://example.invalid/"
languageCode = "zh-CN"
title = "raw"
disableKinds = ["taxonomy", "term"]
`

const single = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>
`

const list = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
`

func main() {
	pages := flag.Int("pages", 1000, "pages to write")
	perSection := flag.Int("per-section", 120, "pages per section (like findings per township)")
	out := flag.String("out", "", "site folder to create")
	seedText := flag.String("text", "seeds/000_e336554de99f7c35.txt", "the notice whose sentences are recombined")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "rawsite: -out is required")
		os.Exit(2)
	}
	src, err := os.ReadFile(*seedText)
	check(err)
	tx := synth.ParseText(string(src))
	r := rand.New(rand.NewSource(1))
	pick := func(l []string) string { return l[r.Intn(len(l))] }
	write := func(p, s string) {
		check(os.MkdirAll(filepath.Dir(p), 0o755))
		check(os.WriteFile(p, []byte(s), 0o644))
	}
	write(filepath.Join(*out, "hugo.toml"), config)
	write(filepath.Join(*out, "layouts", "single.html"), single)
	write(filepath.Join(*out, "layouts", "list.html"), list)
	for i := 0; i < *pages; i++ {
		sec := i / *perSection
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\n---\n\n", pick(tx.Titles))
		fmt.Fprintf(&b, "%s%s\n\n**整改情况**：%s%s\n", pick(tx.Sentences), pick(tx.Sentences), pick(tx.Measures), pick(tx.Measures))
		write(filepath.Join(*out, "content", fmt.Sprintf("s%05d", sec), fmt.Sprintf("p%06d.md", i)), b.String())
	}
	fmt.Printf("wrote %d pages into %s\n", *pages, *out)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "rawsite:", err)
		os.Exit(1)
	}
}
