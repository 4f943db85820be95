package site

// Problem themes and recurrence in the build (issue 22, docs/themes.md):
// the taxonomy is read from the data folder (data/themes.toml, else the
// embedded default) as the model is derived, and every region's and the
// site's themes.csv and recurrence.csv are written with the downloads.

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/site/model"
	"github.com/gongshi/gongshi/internal/themes"
)

// ThemesCSVColumns and RecurrenceCSVColumns are the two CSVs' headers
// (docs/themes.md documents them).
var (
	ThemesCSVColumns     = []string{"主题", "主题键", "问题数", "占比", "已整改", "未报告完成"}
	RecurrenceCSVColumns = []string{"单位", "单位网址", "前一轮", "前一轮巡察开始", "前一轮问题编号", "前一轮问题", "前一轮问题网址", "前一轮问题状态",
		"后一轮", "后一轮巡察开始", "后一轮问题编号", "后一轮问题", "后一轮问题网址", "后一轮问题状态", "相似度"}
)

// themes gives the model's findings their themes and recurrences, by the
// data folder's taxonomy.
func (b *builder) themes() error {
	t0 := time.Now()
	tax, err := themes.Load(b.o.Data)
	if err != nil {
		return err
	}
	model.ApplyThemes(b.m, tax)
	src := "the default taxonomy"
	if tax.Source != "" {
		src = "the data folder's themes.toml"
	}
	b.stage("themes", t0, "%d themes (%s), %d findings recur in a later round", len(tax.Themes), i18n.Msg(src), b.m.Site.Themes.RecurCount)
	return nil
}

// writeDownloadsThemes writes the downloads (writeDownloads), then the
// themes' and the recurrences' CSVs.
func writeDownloadsThemes(out, base string, m *model.Model, skip *downloadSkip) error {
	if err := writeDownloads(out, base, m, skip); err != nil {
		return err
	}
	return writeThemeDownloads(out, base, m)
}

// writeThemeDownloads writes every region's and the site's themes.csv and
// recurrence.csv (all of them, in place too: they are small, and a
// region's may change when any of its units does).
func writeThemeDownloads(out, base string, m *model.Model) error {
	pages := []*model.ThemePages{m.Site.Themes}
	for _, r := range m.Site.Regions {
		pages = append(pages, r.Themes)
	}
	for _, p := range pages {
		if p == nil {
			continue
		}
		var rows [][]string
		for _, c := range p.Themes {
			rows = append(rows, []string{c.Name, c.Key, strconv.Itoa(c.Findings), c.Pct, strconv.Itoa(c.Done), strconv.Itoa(c.Open)})
		}
		if err := writeCSVFile(out, p.CSV, ThemesCSVColumns, rows); err != nil {
			return err
		}
		rows = rows[:0]
		for _, r := range p.AllRecurrences() {
			rows = append(rows, []string{r.Unit, model.AbsURL(base, r.UnitURL),
				round(r.Earlier.Round), r.Earlier.RoundText, r.Earlier.No, r.Earlier.Title, model.AbsURL(base, r.Earlier.URL), r.Earlier.StatusLabel,
				round(r.Later.Round), r.Later.RoundText, r.Later.No, r.Later.Title, model.AbsURL(base, r.Later.URL), r.Later.StatusLabel,
				r.Similarity})
		}
		if err := writeCSVFile(out, p.RecurCSV, RecurrenceCSVColumns, rows); err != nil {
			return err
		}
	}
	return nil
}

func round(n int) string { return fmt.Sprintf("第%d轮", n) }

// writeCSVFile writes a CSV (BOM, CRLF, every cell through the formula
// guard) at the site URL u.
func writeCSVFile(out, u string, header []string, rows [][]string) error {
	p := filepath.Join(out, filepath.FromSlash(siteFile(u)))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	b := bufio.NewWriter(f)
	w, err := newCSV(b, header)
	for _, r := range rows {
		if err != nil {
			break
		}
		err = writeCSVRow(w, r)
	}
	if err == nil {
		w.Flush()
		err = w.Error()
	}
	if err == nil {
		err = b.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
