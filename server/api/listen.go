package api

import (
	"errors"
	"log/slog"
	"net"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Listen serves app on addr (IPv4, as Fiber's Listen does) through a
// listener that outlasts running out of file descriptors.
func Listen(app *fiber.App, addr string, log *slog.Logger) error {
	ln, err := net.Listen(fiber.NetworkTCP4, addr)
	if err != nil {
		return err
	}
	return Serve(app, ln, log)
}

// Serve serves app on ln, waiting out a shortage of file descriptors; a
// connection closed after an error answer lingers (linger.go).
func Serve(app *fiber.App, ln net.Listener, log *slog.Logger) error {
	return app.Listener(&patientListener{Listener: lingering(app, ln), log: log})
}

// patientListener waits and accepts again when accepting fails, as
// net/http's Server does for temporary errors. fasthttp takes any such
// error as permanent and stops serving: a load run at 2,000 bids/s (client
// connections piling up past the descriptor limit) ended the server with
// "accept4: too many open files" instead of slowing it down. Besides
// EMFILE/ENFILE, accept4 reports errors pending on the new connection
// (ECONNRESET, EPROTO, ETIMEDOUT …); none of them should end the server.
// Only a closed listener (shutdown) ends the loop.
type patientListener struct {
	net.Listener
	log    *slog.Logger
	logged atomic.Int64 // unix nanoseconds of the last warning: at most one per 10 s
}

func (l *patientListener) Accept() (net.Conn, error) {
	delay := 5 * time.Millisecond
	for {
		c, err := l.Listener.Accept()
		if err == nil || errors.Is(err, net.ErrClosed) {
			return c, err
		}
		if now, last := time.Now().UnixNano(), l.logged.Load(); now-last > int64(10*time.Second) && l.logged.CompareAndSwap(last, now) {
			l.log.Warn("accept failed, waiting", "err", err, "retry_in", delay.String())
		}
		time.Sleep(delay)
		delay = min(2*delay, time.Second)
	}
}
