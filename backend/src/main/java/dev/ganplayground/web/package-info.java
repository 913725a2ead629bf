/**
 * HTTP routes, static files, REST under /api and the WebSocket endpoint. Talks to runs only through the event bus;
 * imports no ND4J. Per socket: {@link dev.ganplayground.web.SocketGuard} enforces the inbound limits (size, rate via
 * {@link dev.ganplayground.web.TokenBucket}, liveness) and {@link dev.ganplayground.web.Outbox} bounds what a slow
 * viewer can cost (latest-frame slots, a bounded text queue).
 */
package dev.ganplayground.web;
