package api

import (
	"errors"
	"io"
	"net"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// A request fasthttp refuses before reading it all (a body over the limit,
// headers too large, a malformed request) is answered and the connection
// closed. Closing a TCP connection with unread data sends a reset, and a
// client still sending its body meets the reset before it reads the
// answer: a 6 MB upload got no answer at all in 1 try of 5. So such a
// connection lingers: it sends the answer, shuts its side (FIN), reads and
// discards what the client still sends, up to lingerBytes or the read
// timeout, and only then closes.
const lingerBytes = 64 << 20

// lingerListener hands out connections that can linger when closed.
type lingerListener struct {
	net.Listener
	timeout time.Duration
}

func (l lingerListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return c, err
	}
	return &lingerConn{Conn: c, timeout: l.timeout}, nil
}

type lingerConn struct {
	net.Conn
	timeout time.Duration
	linger  atomic.Bool
}

func (c *lingerConn) Close() error {
	if c.linger.Load() {
		if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok && cw.CloseWrite() == nil {
			_ = c.Conn.SetReadDeadline(time.Now().Add(c.timeout))
			_, _ = io.CopyN(io.Discard, c.Conn, lingerBytes)
		}
	}
	return c.Conn.Close()
}

// lingerOnError marks the connection of every request fasthttp answers
// with an error (and then closes) to linger; requests the handlers answer
// were read whole and need nothing. A client too slow to send its request
// in the read timeout gets no more time.
func lingerOnError(app *fiber.App) {
	srv := app.Server()
	answer := srv.ErrorHandler
	srv.ErrorHandler = func(ctx *fasthttp.RequestCtx, err error) {
		var timeout net.Error
		if c, ok := ctx.Conn().(*lingerConn); ok && !(errors.As(err, &timeout) && timeout.Timeout()) {
			c.linger.Store(true)
		}
		answer(ctx, err)
	}
}

// lingering wraps ln for app: connections linger up to the read timeout.
func lingering(app *fiber.App, ln net.Listener) net.Listener {
	timeout := app.Server().ReadTimeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	return lingerListener{Listener: ln, timeout: timeout}
}
