package i18ntest

import (
	"reflect"
	"testing"
)

func TestEnglish(t *testing.T) {
	for _, tc := range []struct {
		in   string
		data []string
		want []string
	}{
		{"data/a.toml:12:3: 缺少 findings[2].title", nil, nil},
		{"通报自述 32 个problems", nil, []string{"problems"}},
		{"  乡镇 township\t(unknown)", []string{"township"}, []string{"unknown"}},
		{"（text，UTF-8，6 行）", nil, []string{"text"}},
		{"（纯文本，UTF-8，6 行）", nil, nil},
		{"(text, UTF-8, 6 lines)", nil, []string{"text", "lines"}},
		{"标题 title, meta, preamble", []string{"标题 title"}, []string{"meta", "preamble"}},
		{`original "seeds/x.txt" 必须是 --force 文件 "some English here"`, []string{"original"}, nil},
		{"no signature date found", nil, []string{"no", "signature", "date", "found"}},
		{"导入 示例 notice.docx", []string{"示例 notice.docx"}, nil},
		{"缺少 issuer；issuers", []string{"issuer"}, []string{"issuers"}},
		{"  反馈问题 problems\t32；通报自述 32 个problems", []string{"反馈问题 problems"}, []string{"problems"}},
		{"Fuzzy matching", nil, []string{"Fuzzy", "matching"}},
		{"未归位的行（保存在数据文件的 [[unplaced]] 中）：0", nil, nil},
	} {
		if got := English(tc.in, tc.data...); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("English(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
