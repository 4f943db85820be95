// Package docs holds the tests of the project's Markdown documentation
// (README.md and docs/*.md): every relative link points to a file that exists
// and, where it names a heading, to a heading that exists.
package docs
