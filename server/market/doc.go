// Package market holds pure domain helpers for the Doorstep marketplace:
// unified social credit codes, administrative regions, crafts, contact
// details and map points. Nothing here does I/O, so it is safe to call from
// handlers, jobs and tests alike.
package market
