package browsertest

import (
	"github.com/chromedp/chromedp"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestSmoke(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<html lang=zh-CN><title>测试</title><h1>郊尾镇</h1></html>"))
	}))
	defer srv.Close()
	ctx := New(t, 360, 640)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil || title != "测试" {
		t.Fatal(title, err)
	}
	Screenshot(t, ctx, "smoke.png")
}

// TestAxeFindsViolations: the accessibility check does find what it is
// for (an image without a text alternative, an unlabelled input).
func TestAxeFindsViolations(t *testing.T) {
	Require(t)
	ctx := New(t, 800, 600)
	page := `data:text/html;charset=utf-8,<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body><main><h1>x</h1><img src="data:,"><input type="text"></main></body></html>`
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, v := range Axe(t, ctx) {
		ids[v.ID] = true
	}
	if !ids["image-alt"] || !ids["label"] {
		t.Errorf("axe found %v, want image-alt and label", ids)
	}
}
