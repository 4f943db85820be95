package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// Field names of the index. FieldText is the one analysed field (Bleve's
// cjk analyzer: UAX#29 words, full-width → half-width, lower case, CJK
// bigrams) and the default field of query strings; the others are keyword
// fields with doc values, for filters and facets.
const (
	FieldText     = "text"
	FieldKind     = "kind"
	FieldProvince = "province"
	FieldCity     = "city"
	FieldCounty   = "county"
	FieldTownship = "township"
	FieldPlace    = "place" // the township's slug path, e.g. fujian/putian/xianyou/jiaowei
	FieldStatus   = "status"
	FieldCategory = "category"
	FieldYear     = "year"
	FieldNotice   = "notice" // the notice's permalink
	FieldUnit     = "unit"   // the inspected unit's slug path, e.g. fujian/putian/xianyou/wenlvtiju
	FieldUnitKind = "unit_kind"
	FieldOverdue  = "overdue"  // "1" for an overdue finding (the site model's flag), else absent
	FieldDeadline = "deadline" // the year of a finding's deadline
	// FieldAny is no field: any:WORD matches the documents with any of
	// the word's terms (the loose match), where WORD alone needs them all.
	FieldAny = "any"
)

// KeywordFields are the filter and facet fields, in display order.
var KeywordFields = []string{FieldProvince, FieldCity, FieldCounty, FieldTownship, FieldPlace,
	FieldStatus, FieldCategory, FieldYear, FieldNotice, FieldKind, FieldUnit, FieldUnitKind,
	FieldOverdue, FieldDeadline}

// AnalyzerName is the analyzer of FieldText: Bleve's cjk analyzer over
// the text with its full-width digits and letters folded (fold.go).
const AnalyzerName = analyzerName

// NewMapping is the index mapping. Only what a query, a filter or a facet
// uses is indexed: the text with term vectors (phrase queries and
// highlighting need positions), the keyword fields with doc values
// (facets); nothing is stored but Bleve's own _id, and there is no _all.
func NewMapping() *mapping.IndexMappingImpl {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = AnalyzerName
	m.DefaultField = FieldText
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false

	dm := bleve.NewDocumentStaticMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = AnalyzerName
	text.Store = false
	text.IncludeTermVectors = false
	text.IncludeInAll = false
	text.DocValues = false
	dm.AddFieldMappingsAt(FieldText, text)
	for _, f := range KeywordFields {
		kw := bleve.NewKeywordFieldMapping()
		kw.Analyzer = keyword.Name
		kw.Store = false
		kw.IncludeTermVectors = false
		kw.IncludeInAll = false
		kw.DocValues = true
		dm.AddFieldMappingsAt(f, kw)
	}
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	m.DefaultMapping = dm
	return m
}

var analyzerCache = registry.NewCache()

// Analyzer is Bleve's analyzer of FieldText.
func Analyzer() analysis.Analyzer {
	a, err := analyzerCache.AnalyzerNamed(AnalyzerName)
	if err != nil {
		panic(err) // registered by the cjk package's init
	}
	return a
}
