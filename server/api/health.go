package api

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"
)

// healthz says the process is up; it touches nothing else.
func (s *Server) healthz(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// readyz says the server can do its work: the database answers and every
// migration is applied. Load balancers route traffic on this.
func (s *Server) readyz(c *fiber.Ctx) error {
	// Checked on every probe, briefly: a lost database must turn the
	// instance unready within one probe.
	ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
	defer cancel()
	checks := fiber.Map{"database": "ok", "migrations": "ok"}
	status := fiber.StatusOK
	if err := s.store.Ping(ctx); err != nil {
		checks["database"], checks["migrations"] = "unreachable", "unknown"
		status = fiber.StatusServiceUnavailable
	} else if !s.migrated.Load() {
		// Probes come every few seconds; migrations never un-apply while we
		// run, so once current they are not checked again.
		if current, err := s.store.MigrationsCurrent(ctx); err != nil || !current {
			checks["migrations"] = "pending"
			status = fiber.StatusServiceUnavailable
		} else {
			s.migrated.Store(true)
		}
	}
	if status != fiber.StatusOK {
		s.log.WarnContext(ctx, "not ready", "checks", checks)
	}
	return c.Status(status).JSON(fiber.Map{"status": map[bool]string{true: "ready", false: "not_ready"}[status == 200], "checks": checks})
}
