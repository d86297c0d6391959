package config

import (
	"strings"
	"testing"
)

func env(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestDefaultsAreValid(t *testing.T) {
	c, err := Load(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":8080" || !c.AutoMigrate || c.CommissionBP != 300 {
		t.Fatalf("unexpected defaults: %+v", c)
	}
}

func TestBadValuesNameTheVariable(t *testing.T) {
	cases := map[string]map[string]string{
		"DATABASE_URL":            {"DATABASE_URL": "mysql://x"},
		"ADDR":                    {"ADDR": "8080"},
		"SESSION_TTL":             {"SESSION_TTL": "forever"},
		"AUTO_MIGRATE":            {"AUTO_MIGRATE": "perhaps"},
		"LOG_LEVEL":               {"LOG_LEVEL": "loud"},
		"BODY_LIMIT_BYTES":        {"BODY_LIMIT_BYTES": "1k"},
		"STRIPE_WEBHOOK_SECRET":   {"STRIPE_SECRET_KEY": "sk_test_x"},
		"ALLOWED_ORIGINS":         {"ALLOWED_ORIGINS": "not an origin"},
		"APP_BASE_URL":            {"APP_BASE_URL": "localhost"},
		"COMMISSION_BP":           {"COMMISSION_BP": "-1"},
		"DEBUG_ADDR":              {"DEBUG_ADDR": "0.0.0.0:6060"},
		"UPLOAD_MAX_PIXELS":       {"UPLOAD_MAX_PIXELS": "1000"},
		"UPLOAD_IMAGE_MEMORY_MB":  {"UPLOAD_IMAGE_MEMORY_MB": "4"},
		"UPLOAD_DECODE_MEMORY_MB": {"UPLOAD_DECODE_MEMORY_MB": "100"},
		"UPLOAD_DECODE_WAIT":      {"UPLOAD_DECODE_WAIT": "1h"},
		"INVITE_LIMIT_PER_ORG":    {"INVITE_LIMIT_PER_ORG": "0"},
		"NOTIFY_COALESCE_WINDOW":  {"NOTIFY_COALESCE_WINDOW": "-1m"},
	}
	for name, vars := range cases {
		_, err := Load(env(vars))
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: got %v, want an error naming it", name, err)
		}
	}
}

func TestAllowedOrigin(t *testing.T) {
	c, _ := Load(env(map[string]string{"APP_BASE_URL": "https://doorstep.example/", "ALLOWED_ORIGINS": "http://localhost:5173"}))
	for origin, want := range map[string]bool{
		"https://doorstep.example": true, "http://localhost:5173": true, "https://evil.example": false, "": false,
	} {
		if got := c.AllowedOrigin(origin); got != want {
			t.Errorf("%q: got %v want %v", origin, got, want)
		}
	}
}

// TestDebugAddrLoopbackOnly: profiles are never served beyond the machine.
func TestDebugAddrLoopbackOnly(t *testing.T) {
	for addr, ok := range map[string]bool{"127.0.0.1:6060": true, "localhost:6060": true, "[::1]:6060": true,
		":6060": false, "0.0.0.0:6060": false, "10.0.0.5:6060": false, "example.com:6060": false} {
		_, err := Load(env(map[string]string{"DEBUG_ADDR": addr}))
		if (err == nil) != ok {
			t.Errorf("DEBUG_ADDR=%s: err %v", addr, err)
		}
	}
}
