package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gongshi/gongshi/internal/notice"
)

// ChinaTime is the zone of the site's dates (China has one zone and no
// daylight saving): "today" and feed dates are taken in it.
var ChinaTime = time.FixedZone("UTC+8", 8*60*60)

// numerals are the Chinese numerals of category headings (（一） … （十）).
var numerals = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}

// ChineseNumeral writes n (1–99) as a Chinese numeral: 1 → 一, 12 → 十二,
// 20 → 二十; other numbers in digits.
func ChineseNumeral(n int) string {
	switch {
	case n >= 0 && n <= 10:
		return numerals[n]
	case n < 20:
		return "十" + numerals[n-10]
	case n < 100 && n%10 == 0:
		return numerals[n/10] + "十"
	case n < 100:
		return numerals[n/10] + "十" + numerals[n%10]
	}
	return strconv.Itoa(n)
}

// dateText writes a date the Chinese way: 2024-12-02 → 2024年12月2日. A
// date that does not parse is returned as it is.
func dateText(d notice.Date) string {
	t, err := d.Time()
	if err != nil || d == "" {
		return string(d)
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// groupDigits writes n with thousands separators: 1234567 → 1,234,567.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// percent is part/whole as a percentage with one decimal ("94.9%"), or "—"
// when whole is 0.
func percent(part, whole int) string {
	if whole == 0 {
		return "—"
	}
	return strconv.FormatFloat(float64(part)*100/float64(whole), 'f', 1, 64) + "%"
}

// feedDates are a date's forms in RSS (RFC 1123 with a numeric zone) and
// Atom (RFC 3339), at midnight in China.
func feedDates(d notice.Date) (rss, atom string) {
	t, err := d.Time()
	if err != nil || d == "" {
		return "", ""
	}
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, ChinaTime)
	return t.Format("Mon, 02 Jan 2006 15:04:05 -0700"), t.Format(time.RFC3339)
}
