/**
 * HTTP routes, static files, REST under /api (DownloadRoutes: checkpoint and JSON Lines downloads by run id) and
 * the WebSocket endpoint. Talks to runs only through the event bus; imports no ND4J. Per socket:
 * {@link dev.ganplayground.web.SocketGuard} enforces the inbound limits (size, rate via
 * {@link dev.ganplayground.web.TokenBucket}, liveness) and {@link dev.ganplayground.web.Outbox} bounds what a slow
 * viewer can cost (latest-frame slots, a bounded text queue); {@link dev.ganplayground.web.RunFeeds} receives each
 * run's events and frames once per verticle and hands every subscribed socket the same String and Buffer. Access on a shared server:
 * {@link dev.ganplayground.web.AccessTokens} (browser tokens), {@link dev.ganplayground.web.Caller} (who asks),
 * {@link dev.ganplayground.web.OriginCheck} (exact Origin allow-list) and {@link dev.ganplayground.web.SocketCounter}
 * (per-user socket cap).
 */
package dev.ganplayground.web;
