package api

import (
	"errors"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Out of file descriptors, the server waits and serves again: it does not
// exit. The test runs itself in a child process whose descriptor limit it
// lowers to 64 (a real EMFILE from the kernel, no fake listener), fills every
// free descriptor, frees exactly one for a client connection — so the
// server, accepting it, has none — waits until the server reports the
// failed accept, frees the rest, and asks again. Every wait is for an event;
// the deadlines only bound how long a failure takes.
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
	logs := &signalWriter{want: "accept failed", seen: make(chan struct{})}
	served := make(chan error, 1)
	go func() { served <- Serve(app, ln, slog.New(slog.NewTextHandler(logs, nil))) }()

	// Take every free descriptor, then give one back for a client: its
	// connection waits in the backlog and accepting it meets EMFILE.
	var filler []*os.File
	for {
		f, err := os.Open(os.DevNull)
		if err != nil {
			if !errors.Is(err, syscall.EMFILE) {
				t.Fatal(err)
			}
			break
		}
		filler = append(filler, f)
	}
	if len(filler) == 0 {
		t.Fatal("no descriptor to fill")
	}
	filler[0].Close()
	c, err := net.Dial("tcp4", ln.Addr().String())
	if err != nil {
		t.Fatalf("dial with one descriptor free: %v", err)
	}
	select {
	case <-logs.seen:
	case err := <-served:
		t.Fatalf("the server stopped serving: %v", err)
	case <-time.After(time.Minute):
		t.Fatal("the server never reported the failed accept")
	}
	for _, f := range filler[1:] {
		f.Close()
	}
	c.Close()

	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	for deadline := time.Now().Add(time.Minute); ; {
		resp, err := client.Get("http://" + ln.Addr().String() + "/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Fatalf("after the shortage: status %d", resp.StatusCode)
			}
			break
		}
		select {
		case err := <-served:
			t.Fatalf("the server stopped serving: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the shortage: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	_ = app.Shutdown()
}

// signalWriter closes seen when a written log line contains want.
type signalWriter struct {
	want string
	seen chan struct{}
	once sync.Once
}

func (w *signalWriter) Write(p []byte) (int, error) {
	if strings.Contains(string(p), w.want) {
		w.once.Do(func() { close(w.seen) })
	}
	return len(p), nil
}
