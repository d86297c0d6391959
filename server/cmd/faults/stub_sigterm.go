package main

import "context"

func sigterm(ctx context.Context, e *Env, short bool) *Result {
	r := &Result{}
	r.Note("todo")
	return r
}
