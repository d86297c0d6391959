package main

import "context"

func dbRestart(ctx context.Context, e *Env, short bool) *Result {
	r := &Result{}
	r.Note("todo")
	return r
}
