package site

import (
	"bufio"
	"os"
	"path/filepath"

	"github.com/gongshi/gongshi/internal/i18n"
	"github.com/gongshi/gongshi/internal/site/model"
)

// writeAnalysisDownloads writes the numbers of every chart of every
// analysis page (model/analysis.go) as a CSV beside the page: UTF-8 with a
// BOM, CRLF lines, Chinese headers, the formula guard on every cell, as
// the findings downloads. The files are small and written whole by every
// build, in place or not, so that an in-place build's are a full one's.
func writeAnalysisDownloads(out, base string, m *model.Model) error {
	for _, a := range m.Site.Analyses {
		for _, c := range a.Charts {
			if err := writeChartCSV(filepath.Join(out, filepath.FromSlash(siteFile(c.Table.CSV))), c.Table.Records(base)); err != nil {
				return i18n.Errorf("write the analysis CSV %s: %s", c.Table.CSV, err)
			}
		}
	}
	return nil
}

// writeChartCSV writes records (the header first) as a CSV file.
func writeChartCSV(p string, records [][]string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	b := bufio.NewWriter(f)
	w, err := newCSV(b, records[0])
	for _, r := range records[1:] {
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
