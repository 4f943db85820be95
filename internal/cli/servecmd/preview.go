package servecmd

// The preview is the preview (issue 20): gongshi serve builds into a site
// folder of its own, never the one gongshi build publishes (ROOT/public).
// Serve's pages name serve's own address (its feeds, sitemap, downloads and
// citation links), a build's name config.toml's baseURL; were they one
// folder, a `gongshi build` run beside serve would rewrite the pages serve
// shows, and the preview's citation links would turn into the placeholder
// https://example.org/…. Each folder has its own build cache and its own
// lock, so the two never wait for each other either.
//
// The folder is ROOT/.gongshi/preview, its build cache ROOT/.gongshi/cache
// (both kept out of git by .gitignore's /.gongshi/), rather than a folder
// under the OS cache (~/.cache):
//   - it lies on the project's file system, where the build's swap of the
//     new site for the old one is a rename;
//   - one project has one preview, found without hashing its path, and a
//     serve started again finds its last preview and cache and rebuilds
//     only what changed;
//   - deleting the project folder leaves nothing behind, and an editor
//     who looks for what serve shows finds it beside the data.
//
// --out still names another folder (and --cache another cache) for those
// who want one.

import (
	"path/filepath"

	"github.com/gongshi/gongshi/internal/console"

	"github.com/gongshi/gongshi/internal/site"
)

// PreviewDir is serve's own site folder in the project folder root.
func PreviewDir(root string) string { return filepath.Join(root, ".gongshi", "preview") }

// PreviewCacheDir is the build cache of PreviewDir.
func PreviewCacheDir(root string) string { return filepath.Join(root, ".gongshi", "cache") }

// usePreview points o at serve's own folder (PreviewDir) and its cache,
// unless the command line named them (--out, --cache).
func usePreview(o *site.Options, outGiven, cacheGiven bool) {
	if outGiven {
		return
	}
	o.Out = PreviewDir(o.Root)
	if !cacheGiven {
		o.Cache = PreviewCacheDir(o.Root)
	}
}

// openBrowser opens the site for serve --open (a test replaces it).
var openBrowser = console.OpenBrowser
