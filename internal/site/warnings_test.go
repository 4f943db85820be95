package site

import (
	"strings"
	"testing"

	"github.com/gongshi/gongshi/internal/i18n"
)

// The build warns the operator, in the operator's language, of what would
// make the published site wrong: no publisher (the public pages then show
// none), a missing or placeholder baseURL.
func TestBuildWarnings(t *testing.T) {
	zh := i18n.NewPrinter(true)
	var named siteConfig
	named.Params.Publisher.Name = "示例县纪委监委"
	var contactOnly siteConfig
	contactOnly.Params.Publisher.Contact = "0000-0000000"
	for _, c := range []struct {
		name string
		w    *i18n.Error
		want string // "" for no warning
	}{
		{"no publisher", publisherWarning(siteConfig{}), "没有填写主办单位"},
		{"a publisher", publisherWarning(named), ""},
		{"a contact", publisherWarning(contactOnly), ""},
		{"no baseURL", BaseURLWarning("/"), "没有设置 baseURL"},
		{"not http", BaseURLWarning("ftp://x.example/"), "不是 http(s) 网址"},
		{"placeholder", BaseURLWarning("https://example.org/"), "占位地址 https://example.org/"},
		{"a real address", BaseURLWarning("https://jw.shili.gov.cn/"), ""},
	} {
		switch {
		case c.want == "" && c.w != nil:
			t.Errorf("%s: warns %q", c.name, c.w.Localize(zh))
		case c.want != "" && (c.w == nil || !strings.Contains(c.w.Localize(zh), c.want)):
			t.Errorf("%s: %v, want a warning with %q", c.name, c.w, c.want)
		}
	}
}
