// Package mailtest runs a real SMTP server (github.com/emersion/go-smtp) on a
// loopback port for tests: the mailer under test speaks the whole protocol
// to it, and the test reads what arrived. Only tests import it.
package mailtest

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/mail"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Mail is one message as the server received it.
type Mail struct {
	From string   // envelope sender (MAIL FROM)
	To   []string // envelope recipients (RCPT TO)
	User string   // who authenticated (AUTH PLAIN), if anyone
	Data []byte   // the message exactly as transmitted: headers, blank line, body
}

// Server is a running SMTP server. Set User and Password before the first
// connection to offer AUTH PLAIN and require it.
type Server struct {
	Host string
	Port int

	mu       sync.Mutex
	user     string
	password string
	refused  map[string]bool
	mails    chan Mail
}

// New starts a server on 127.0.0.1 and stops it when the test ends.
func New(t testing.TB) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port, refused: map[string]bool{}, mails: make(chan Mail, 100)}
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{srv: s}, nil }))
	srv.Domain = "mail.test"
	srv.AllowInsecureAuth = true // loopback only; production mailers use STARTTLS when offered
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	log := &testLog{t: t}
	srv.ErrorLog = log
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() {
		_ = srv.Close()
		log.stop()
	})
	return s
}

// RequireAuth makes the server offer AUTH PLAIN and refuse mail without it.
func (s *Server) RequireAuth(user, password string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.user, s.password = user, password
}

// Refuse makes the server answer 550 to RCPT TO this address.
func (s *Server) Refuse(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.refused[strings.ToLower(addr)] = true
}

// Next waits for the next message.
func (s *Server) Next(t testing.TB) Mail {
	t.Helper()
	select {
	case m := <-s.mails:
		return m
	case <-time.After(10 * time.Second):
		t.Fatal("no mail arrived")
		return Mail{}
	}
}

// Pending is the number of messages received and not yet read by Next.
func (s *Server) Pending() int { return len(s.mails) }

// Parse reads the message: its headers and its body with line ends as "\n".
func (m Mail) Parse(t testing.TB) (mail.Header, string) {
	t.Helper()
	msg, err := mail.ReadMessage(strings.NewReader(string(m.Data)))
	if err != nil {
		t.Fatalf("unreadable message: %v\n%s", err, m.Data)
	}
	body, err := io.ReadAll(msg.Body)
	if err != nil {
		t.Fatal(err)
	}
	return msg.Header, strings.ReplaceAll(string(body), "\r\n", "\n")
}

// Decoded is a header with its RFC 2047 encoded words decoded.
func Decoded(t testing.TB, h mail.Header, name string) string {
	t.Helper()
	v, err := new(mime.WordDecoder).DecodeHeader(h.Get(name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

type session struct {
	srv    *Server
	authed string
	mail   Mail
}

func (s *session) AuthMechanisms() []string {
	s.srv.mu.Lock()
	defer s.srv.mu.Unlock()
	if s.srv.user == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (s *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, password string) error {
		s.srv.mu.Lock()
		defer s.srv.mu.Unlock()
		if user != s.srv.user || password != s.srv.password {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "bad credentials"}
		}
		s.authed = user
		return nil
	}), nil
}

func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.srv.mu.Lock()
	needAuth := s.srv.user != ""
	s.srv.mu.Unlock()
	if needAuth && s.authed == "" {
		return smtp.ErrAuthRequired
	}
	s.mail = Mail{From: from, User: s.authed}
	return nil
}

func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.srv.mu.Lock()
	refused := s.srv.refused[strings.ToLower(to)]
	s.srv.mu.Unlock()
	if refused {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such mailbox"}
	}
	s.mail.To = append(s.mail.To, to)
	return nil
}

func (s *session) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if len(s.mail.To) == 0 {
		return errors.New("no recipients")
	}
	s.mail.Data = data
	s.srv.mails <- s.mail
	return nil
}

func (s *session) Reset()        { s.mail = Mail{} }
func (s *session) Logout() error { return nil }

// testLog sends the server's own errors to the test log while the test
// runs (connection goroutines may still report after Close).
type testLog struct {
	mu      sync.Mutex
	t       testing.TB
	stopped bool
}

func (l *testLog) Printf(format string, v ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.stopped {
		l.t.Logf("smtp server: "+format, v...)
	}
}

func (l *testLog) Println(v ...any) { l.Printf("%s", fmt.Sprintln(v...)) }

func (l *testLog) stop() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.stopped = true
}
