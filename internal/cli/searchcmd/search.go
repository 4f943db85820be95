// Package searchcmd is `gongshi search`.
package searchcmd

import (
	"context"
	"errors"

	"github.com/gongshi/gongshi/internal/cli"
)

// Run runs `gongshi search` with args (without the command name).
func Run(ctx context.Context, io cli.IO, args []string) error {
	return errors.New("search: not built yet")
}
