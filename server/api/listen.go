package api

import (
	"errors"
	"log/slog"
	"net"
	"syscall"
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

// Serve serves app on ln, waiting out a shortage of file descriptors.
func Serve(app *fiber.App, ln net.Listener, log *slog.Logger) error {
	return app.Listener(patientListener{Listener: ln, log: log})
}

// patientListener waits and accepts again when the process is out of file
// descriptors or kernel buffers, as net/http's Server does. fasthttp takes
// such an error as permanent and stops serving: a load run at 2,000 bids/s
// (client connections piling up past the descriptor limit) ended the server
// with "accept4: too many open files" instead of slowing it down.
type patientListener struct {
	net.Listener
	log *slog.Logger
}

func (l patientListener) Accept() (net.Conn, error) {
	delay := 5 * time.Millisecond
	var logged time.Time
	for {
		c, err := l.Listener.Accept()
		if err == nil || !outOfResources(err) {
			return c, err
		}
		if time.Since(logged) > 10*time.Second {
			l.log.Warn("accept: out of resources, waiting", "err", err)
			logged = time.Now()
		}
		time.Sleep(delay)
		delay = min(2*delay, time.Second)
	}
}

func outOfResources(err error) bool {
	return errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) ||
		errors.Is(err, syscall.ENOBUFS) || errors.Is(err, syscall.ENOMEM)
}
