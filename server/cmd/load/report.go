package main

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strings"
)

// The report is one HTML file with inline SVG charts: nothing is fetched
// when it is opened.

type series struct {
	name, color string
	ys          []float64
}

func lineChart(title, unit string, xs []float64, ss []series, marks []float64) string {
	const w, h, l, r, t, b = 860.0, 260.0, 60.0, 20.0, 30.0, 40.0
	xmax, ymax := 1.0, 0.0
	for _, x := range xs {
		xmax = math.Max(xmax, x)
	}
	for _, s := range ss {
		for _, y := range s.ys {
			if !math.IsNaN(y) {
				ymax = math.Max(ymax, y)
			}
		}
	}
	if ymax == 0 {
		ymax = 1
	}
	ymax *= 1.1
	X := func(x float64) float64 { return l + x/xmax*(w-l-r) }
	Y := func(y float64) float64 { return h - b - y/ymax*(h-t-b) }
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg viewBox="0 0 %g %g" width="%g" height="%g" role="img"><title>%s</title>`, w, h, w, h, html.EscapeString(title))
	fmt.Fprintf(&sb, `<text x="%g" y="18" font-weight="bold">%s</text>`, l, html.EscapeString(title))
	for i := 0; i <= 4; i++ {
		y := ymax * float64(i) / 4
		label := fmt.Sprintf("%.0f", y)
		if ymax < 10 {
			label = fmt.Sprintf("%.2g", y)
		}
		fmt.Fprintf(&sb, `<line x1="%g" x2="%g" y1="%.1f" y2="%.1f" stroke="#ddd"/><text x="%g" y="%.1f" text-anchor="end" font-size="11">%s %s</text>`,
			l, w-r, Y(y), Y(y), l-4, Y(y)+4, label, unit)
	}
	for _, m := range marks {
		fmt.Fprintf(&sb, `<line x1="%.1f" x2="%.1f" y1="%g" y2="%g" stroke="#bbb" stroke-dasharray="4 3"/>`, X(m), X(m), t, h-b)
	}
	fmt.Fprintf(&sb, `<text x="%g" y="%g" font-size="11" text-anchor="end">%.0f s</text>`, w-r, h-b+16, xmax)
	for k, s := range ss {
		var pts []string
		for i, y := range s.ys {
			if i < len(xs) && !math.IsNaN(y) {
				pts = append(pts, fmt.Sprintf("%.1f,%.1f", X(xs[i]), Y(y)))
			}
		}
		fmt.Fprintf(&sb, `<polyline fill="none" stroke="%s" stroke-width="1.5" points="%s"/>`, s.color, strings.Join(pts, " "))
		fmt.Fprintf(&sb, `<rect x="%g" y="%g" width="10" height="10" fill="%s"/><text x="%g" y="%g" font-size="12">%s</text>`,
			l+float64(k)*170, h-14, s.color, l+14+float64(k)*170, h-5, html.EscapeString(s.name))
	}
	sb.WriteString(`</svg>`)
	return sb.String()
}

func report(res *Result) string {
	var sb strings.Builder
	sb.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Doorstep load report</title><style>
body{font:14px system-ui,sans-serif;margin:24px;max-width:960px}table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}pre{background:#f7f7f7;padding:8px;overflow:auto;font-size:12px}.bad{color:#b00}.good{color:#070}
</style></head><body><h1>Doorstep load report</h1>`)
	m := res.Machine
	fmt.Fprintf(&sb, `<p>%s · %d CPUs · load average at start %s · %s · Postgres %s<br><b>%s</b></p>`, res.Started.Format("2006-01-02 15:04 MST"),
		m.CPUs, m.Load1, m.Go, m.Postgre, html.EscapeString(m.Note))
	fmt.Fprintf(&sb, `<p>Seeded: %d orders (%d published), %d workshops, %d companies, %d contracts.</p>`, res.Seeded.Orders,
		res.Seeded.Published, res.Seeded.Workshops, res.Seeded.Companies, res.Seeded.Contracts)
	if k := res.Knee; k != nil {
		fmt.Fprintf(&sb, `<p><b>Knee:</b> %.0f requests/s (%s).</p>`, k.Rate, html.EscapeString(k.Reason))
	} else if len(res.Steps) > 1 {
		sb.WriteString(`<p><b>Knee:</b> not reached (p95 stayed under twice the first step's).</p>`)
	}
	// Steps.
	sb.WriteString(`<h2>Steps</h2><table><tr><th>rate /s</th><th>requests</th><th>ok /s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>reads p95</th><th>writes p95</th><th>errors</th><th>RSS max MB</th><th>heap max MB</th><th>pg conns max (active, lock waits)</th><th>search API / engine p95</th><th>index lag mean / p95≤</th><th>CPU cores: server / postgres / machine</th></tr>`)
	var rates, p95s, rp95, wp95 []float64
	for _, s := range res.Steps {
		fmt.Fprintf(&sb, `<tr><td>%.0f</td><td>%d</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%d %s</td><td>%.0f</td><td>%.0f</td><td>%d (%d, %d)</td><td>%.1f / %.1f ms (×%.2f)</td><td>%.2f s / %s s</td><td>%.2f / %.2f / %.2f</td></tr>`,
			s.Rate, s.All.Count, s.All.Throughput, s.All.P50, s.All.P95, s.All.P99, s.Reads.P95, s.Writes.P95, s.All.Errors, statuses(s.All.ByStatus),
			float64(s.Resources.RSSMax)/1e6, float64(s.Resources.HeapMax)/1e6, s.Resources.PGMax, s.Resources.PGActiveMax, s.Resources.PGLockMax,
			s.Search.APIP95, s.Search.EngineP95, s.Search.Ratio, s.Resources.IndexLag.MeanSec, s.Resources.IndexLag.P95Le,
			s.Resources.ServerCores, s.Resources.PGCores, s.Resources.MachineCores)
		rates, p95s, rp95, wp95 = append(rates, s.Rate), append(p95s, s.All.P95), append(rp95, s.Reads.P95), append(wp95, s.Writes.P95)
	}
	sb.WriteString(`</table>`)
	if len(res.Steps) > 1 {
		sb.WriteString(lineChartX("p95 by arrival rate (the knee)", "ms", "req/s", rates, []series{{"all", "#333", p95s}, {"reads", "#1f77b4", rp95}, {"writes", "#d62728", wp95}}))
	}
	// Time series over the whole run.
	var xs, p50, rd, wr, cnt, errs, rx, rss, heap, pg, act []float64
	var marks []float64
	off := 0.0
	for _, s := range res.Steps {
		marks = append(marks, off)
		for _, t := range s.Timeline {
			xs = append(xs, off+float64(t.T))
			p50, rd, wr = append(p50, t.P50), append(rd, nanIfZero(t.ReadP95)), append(wr, nanIfZero(t.WriteP95))
			cnt, errs = append(cnt, float64(t.Count)), append(errs, float64(t.Errors))
		}
		for _, t := range s.Resources.Samples {
			rx = append(rx, off+float64(t.T))
			rss, heap = append(rss, float64(t.RSS)/1e6), append(heap, float64(t.Heap)/1e6)
			pg, act = append(pg, float64(t.PG)), append(act, float64(t.PGActive))
		}
		off += s.Seconds
	}
	sb.WriteString(`<h2>Over time</h2><p>Dashed lines separate the steps.</p>`)
	sb.WriteString(lineChart("latency per second", "ms", xs, []series{{"p50 all", "#2ca02c", p50}, {"p95 reads", "#1f77b4", rd}, {"p95 writes", "#d62728", wr}}, marks))
	sb.WriteString(lineChart("throughput per second", "req", xs, []series{{"answered", "#1f77b4", cnt}, {"errors", "#d62728", errs}}, marks))
	sb.WriteString(lineChart("server memory", "MB", rx, []series{{"RSS", "#9467bd", rss}, {"Go heap", "#8c564b", heap}}, marks))
	sb.WriteString(lineChart("Postgres connections (server)", "", rx, []series{{"open", "#7f7f7f", pg}, {"active", "#ff7f0e", act}}, marks))
	// Endpoints per step.
	for _, s := range res.Steps {
		fmt.Fprintf(&sb, `<h2>Endpoints at %.0f requests/s</h2><table><tr><th>endpoint</th><th>requests</th><th>ok /s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>errors by status</th></tr>`, s.Rate)
		names := make([]string, 0, len(s.Endpoints))
		for k := range s.Endpoints {
			names = append(names, k)
		}
		sort.Slice(names, func(i, j int) bool { return s.Endpoints[names[i]].Count > s.Endpoints[names[j]].Count })
		for _, k := range names {
			e := s.Endpoints[k]
			fmt.Fprintf(&sb, `<tr><td>%s</td><td>%d</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%s</td></tr>`, html.EscapeString(k), e.Count,
				e.Throughput, e.P50, e.P95, e.P99, statuses(e.ByStatus))
		}
		sb.WriteString(`</table>`)
		if s.ProfTop != "" {
			fmt.Fprintf(&sb, `<details><summary>CPU profile (%s)</summary><pre>%s</pre></details>`, html.EscapeString(s.Profile), html.EscapeString(s.ProfTop))
		}
	}
	sb.WriteString(`<h2>Request mix (per 1,000)</h2><table><tr><th>scenario</th><th>weight</th><th>kind</th></tr>`)
	for _, x := range res.Mix {
		kind := "read"
		if x.Write {
			kind = "write"
		}
		fmt.Fprintf(&sb, `<tr><td>%s</td><td>%d</td><td>%s</td></tr>`, x.Name, x.Weight, kind)
	}
	sb.WriteString(`</table></body></html>`)
	return sb.String()
}

// lineChartX is a chart over a numeric x that is not time.
func lineChartX(title, unit, xunit string, xs []float64, ss []series) string {
	return strings.Replace(lineChart(title, unit, xs, ss, nil), " s</text>", " "+xunit+"</text>", 1)
}

func nanIfZero(v float64) float64 {
	if v == 0 {
		return math.NaN()
	}
	return v
}

func statuses(m map[string]int) string {
	var parts []string
	for k, v := range m {
		if !strings.HasPrefix(k, "2") {
			parts = append(parts, fmt.Sprintf("%s×%d", k, v))
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, " ")
}
