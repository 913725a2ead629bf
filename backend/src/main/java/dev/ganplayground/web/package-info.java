/** HTTP routes, static files, REST under /api (DownloadRoutes: checkpoint and JSON Lines downloads by run id) and the WebSocket endpoint. Talks to runs only through the event bus; imports no ND4J. */
package dev.ganplayground.web;
