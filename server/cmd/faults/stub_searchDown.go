package main

import "context"

func searchDown(ctx context.Context, e *Env, short bool) *Result {
	r := &Result{}
	r.Note("todo")
	return r
}
