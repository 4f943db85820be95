package check

import (
	"testing"

	"github.com/gongshi/gongshi/internal/notice"
)

// notice.ParseAmount is tested here, beside the check that relies on it.
func TestParseAmount(t *testing.T) {
	ok := map[string]int64{
		"3.85万元":               38500,
		"5.34万元":               53400,
		"1.64万元":               16400,
		"455.98万元":             4559800,
		"12.98万元":              129800,
		"5亿元":                  500_000_000,
		"2340元":                2340,
		"5元":                   5,
		"1,200元":               1200,
		"1，200元":               1200,
		"12,345,678元":          12345678,
		"5000万元":               50_000_000,
		"5000余万元":              50_000_000,
		"3万余元":                 30000,
		"50多万元":                500000,
		"１２．５万元":               125000,
		" 3.85 万元 ":            38500,
		"2千元":                  2000,
		"3百元":                  300,
		"1.2万亿元":               1_200_000_000_000,
		"12.5元":                13,
		"12.4元":                12,
		"0.005万元":              50,
		"0元":                   0,
		"9223372036854775807元": 9223372036854775807,
	}
	for text, want := range ok {
		got, good := notice.ParseAmount(text)
		if !good || got != want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d, true", text, got, good, want)
		}
	}
	for _, text := range []string{
		"", "元", "万元", "三万元", "3.85万", "3.85", "-5元", "3.万元", ".5万元", "1,20元",
		"1,2000元", ",200元", "1.2.3元", "1.2,3元", "3.85万元。", "约3万元", "3万美元",
		"9223372036854775808元", "99999999999999999999亿元", "3 元 元",
	} {
		if got, good := notice.ParseAmount(text); good {
			t.Errorf("ParseAmount(%q) = %d, true; want false", text, got)
		}
	}
}
