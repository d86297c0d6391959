package market

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"
)

// The region tree is 230 KB as one answer; a page asks only for what it
// shows: the provinces, one province's (or city's) subtree when it is
// opened, or the branches that lead to the names a user typed.

// RegionsVersion changes whenever the division list or the centres change
// (and with regionShape, when the answers' shape does): an ETag for every
// answer made from them.
var RegionsVersion = sync.OnceValue(func() string {
	const regionShape = "split-1"
	h := sha256.Sum256([]byte(regionShape + "\x00" + regionsTSV + "\x00" + centresTSV))
	return hex.EncodeToString(h[:8])
})

// RegionProvinces are the provinces, each with its centre and no children.
func RegionProvinces() []RegionNode { return regionProvinces() }

var regionProvinces = sync.OnceValue(func() []RegionNode {
	tree := RegionTree()
	out := make([]RegionNode, len(tree))
	for i, p := range tree {
		out[i] = p
		out[i].Children = nil
	}
	return out
})

// RegionChildren is the subtree under a province or city (cities with their
// districts, or districts); ok is false for unknown codes and districts.
// Shared: callers must not modify it.
func RegionChildren(code string) (nodes []RegionNode, ok bool) {
	r, known := LookupRegion(code)
	if !known || r.Level == LevelDistrict {
		return nil, false
	}
	for _, p := range RegionTree() {
		if p.Code == code {
			return p.Children, true
		}
		if p.Code == ProvinceCode(code) {
			for _, c := range p.Children {
				if c.Code == code {
					return c.Children, true
				}
			}
		}
	}
	return nil, true
}

// SearchRegions is the tree pruned to the divisions whose name contains q
// (with everything under them, so each match can be chosen down to a
// district) and the branches leading to them: every match with its full
// path. At most limit divisions match; a blank q matches nothing.
func SearchRegions(q string, limit int) []RegionNode {
	q = strings.TrimSpace(q)
	if q == "" {
		return []RegionNode{}
	}
	matched := 0
	var prune func(nodes []RegionNode) []RegionNode
	prune = func(nodes []RegionNode) []RegionNode {
		var out []RegionNode
		for _, n := range nodes {
			if matched >= limit {
				break
			}
			if strings.Contains(n.Name, q) {
				matched++
				out = append(out, n)
				continue
			}
			if kids := prune(n.Children); len(kids) > 0 {
				n.Children = kids
				out = append(out, n)
			}
		}
		return out
	}
	if out := prune(RegionTree()); out != nil {
		return out
	}
	return []RegionNode{}
}
