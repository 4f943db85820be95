// Package splitci holds the tests of the split build's CI workflows
// (.gitlab-ci.yml and .github/workflows/national-build.yml) and of the
// scripts their jobs run (scripts/build-part.sh, scripts/merge-parts.sh):
// the workflows' matrices are the lines of parts.txt, and
// scripts/split-build-local.sh, which runs the same jobs on one machine,
// gives the tree one gongshi build gives. It has no code of its own.
package splitci
