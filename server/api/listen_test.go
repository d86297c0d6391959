package api

import (
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Out of file descriptors, the server waits and serves again: it does not
// exit. The test runs itself in a child process whose descriptor limit it
// lowers to 64 (a real EMFILE from the kernel, no fake listener), opens
// client connections until accepting fails, closes them, and asks again.
func TestListenOutlastsFileDescriptorShortage(t *testing.T) {
	if os.Getenv("DOORSTEP_FD_CHILD") == "1" {
		fdShortageChild(t)
		return
	}
	t.Parallel()
	cmd := exec.Command(os.Args[0], "-test.run=^TestListenOutlastsFileDescriptorShortage$", "-test.v")
	cmd.Env = append(os.Environ(), "DOORSTEP_FD_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

func fdShortageChild(t *testing.T) {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	lim.Cur = 64
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString("ok") })
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- Serve(app, ln, slog.New(slog.NewTextHandler(io.Discard, nil))) }()

	// Client connections use descriptors of this same process: together
	// with the server's side they pass 64 long before 60 are open.
	var conns []net.Conn
	for range 60 {
		c, err := net.DialTimeout("tcp4", ln.Addr().String(), time.Second)
		if err != nil {
			break
		}
		conns = append(conns, c)
	}
	time.Sleep(200 * time.Millisecond) // the server meets EMFILE accepting the backlog
	for _, c := range conns {
		c.Close()
	}
	select {
	case err := <-served:
		t.Fatalf("the server stopped serving: %v", err)
	case <-time.After(500 * time.Millisecond):
	}
	client := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	var resp *http.Response
	for try := 0; ; try++ { // descriptors come back as the server notices the closed connections
		if resp, err = client.Get("http://" + ln.Addr().String() + "/"); err == nil || try == 20 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("after the shortage: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("after the shortage: status %d", resp.StatusCode)
	}
	_ = app.Shutdown()
}
