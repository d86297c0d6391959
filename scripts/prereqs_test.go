// Package scripts holds tests of the repository's shell scripts.
package scripts

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrereqsNameWhatToInstall: `make test` stops at once, naming each missing
// prerequisite and how to install it, instead of failing after the Go tests.
// The tools are faked with small scripts on PATH (a real old Node cannot be
// installed here).
func TestPrereqsNameWhatToInstall(t *testing.T) {
	bin := t.TempDir()
	fake := func(name, out string) {
		body := "#!/bin/sh\necho '" + out + "'\n"
		if err := os.WriteFile(filepath.Join(bin, name), []byte(body), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	fake("node", "v18.19.0") // Debian 12's apt nodejs
	for _, tool := range []string{"bash", "sed", "sort", "head", "printf", "go", "cat"} {
		if p, err := exec.LookPath(tool); err == nil {
			_ = os.Symlink(p, filepath.Join(bin, tool))
		}
	}
	cmd := exec.Command("bash", "check-prereqs.sh")
	cmd.Env = append(os.Environ(), "PATH="+bin, "CHROMIUM_PATH=/nonexistent/chromium",
		"TEST_DATABASE_URL=postgres://postgres@127.0.0.1:1/postgres")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("missing prerequisites must fail:\n%s", out)
	}
	for _, want := range []string{"Node 18.19.0 is too old", "apt nodejs is 18", "npm is not installed",
		"apt-get install chromium", "no Postgres answers at 127.0.0.1:1", "apt-get install postgresql"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	// With everything present (this machine), it passes.
	if _, err := exec.LookPath("chromium"); err != nil {
		t.Skip("no chromium here")
	}
	if out, err := exec.Command("bash", "check-prereqs.sh").CombinedOutput(); err != nil {
		t.Fatalf("prerequisites present but the check failed: %v\n%s", err, out)
	}
}
