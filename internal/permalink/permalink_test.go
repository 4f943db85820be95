package permalink

import (
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

func TestPermalinks(t *testing.T) {
	r := notice.Region{ProvinceSlug: "fujian", CitySlug: "putian", CountySlug: "xianyou", TownshipSlug: "jiaowei"}
	n := &notice.Notice{Region: r, Signed: "2024-12-02", Inspection: notice.Inspection{Start: "2023-07-03"}}
	for _, c := range []struct{ got, want string }{
		{Region(r, 1), "/fujian/"},
		{Region(r, 3), "/fujian/putian/xianyou/"},
		{Township(r), "/fujian/putian/xianyou/jiaowei/"},
		{Notice(n), "/fujian/putian/xianyou/jiaowei/notices/2024-12-02/"},
		{Finding(r, n.Inspection, 30), "/fujian/putian/xianyou/jiaowei/findings/2023-07-03/30/"},
	} {
		if c.got != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}
