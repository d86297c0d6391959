// Command openapi writes the API's OpenAPI document, generated from the route
// table, without a server or database: the frontend's `npm run gen:api`
// turns it into TypeScript types, and `make lint` checks they are current.
//
//	go run ./server/cmd/openapi -o frontend/src/api/openapi.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"doorstep/server/api"
)

func main() {
	out := flag.String("o", "", "output file (default: standard output)")
	flag.Parse()
	doc, err := json.MarshalIndent(api.NewServerForDocs().OpenAPI(), "", "  ")
	if err != nil {
		fmt.Fprintln(os.Stderr, "openapi:", err)
		os.Exit(1)
	}
	doc = append(doc, '\n')
	if *out == "" {
		_, err = os.Stdout.Write(doc)
	} else {
		err = os.WriteFile(*out, doc, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "openapi:", err)
		os.Exit(1)
	}
}
