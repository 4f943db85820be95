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
