package meili

import (
	"context"
	"fmt"

	"github.com/meilisearch/meilisearch-go"
)

// taskError is a Meilisearch task that failed or was cancelled.
type taskError struct {
	UID           int64
	Type, Status  string
	Code, Message string
}

func (e *taskError) Error() string {
	return fmt.Sprintf("meili: task %d (%s) %s: %s: %s", e.UID, e.Type, e.Status, e.Code, e.Message)
}

// wait returns a function that takes an enqueued task (as the client returns
// it), waits for it to finish within taskTimeout and turns a failed or
// cancelled task into an error: every write is confirmed before it returns.
func (x *index) wait(ctx context.Context) func(*meilisearch.TaskInfo, error) error {
	return func(info *meilisearch.TaskInfo, err error) error {
		if err != nil {
			return fmt.Errorf("meili: %w", err)
		}
		ctx, cancel := context.WithTimeout(ctx, taskTimeout)
		defer cancel()
		task, err := x.client.WaitForTaskWithContext(ctx, info.TaskUID, pollInterval)
		if err != nil {
			return fmt.Errorf("meili: waiting for task %d: %w", info.TaskUID, err)
		}
		if task.Status != meilisearch.TaskStatusSucceeded {
			return &taskError{UID: info.TaskUID, Type: string(task.Type), Status: string(task.Status),
				Code: task.Error.Code, Message: task.Error.Message}
		}
		return nil
	}
}
